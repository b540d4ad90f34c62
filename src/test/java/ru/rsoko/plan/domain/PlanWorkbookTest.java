package ru.rsoko.plan.domain;

import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.plan.domain.PlanWorkbook.*;

/**
 * Regional staff download a plan-schedule to Excel, edit it and load it back: whatever is wrong in the file, the
 * plan stays exactly as it was and the errors name the row and the column.
 */
@IntegrationTest
class PlanWorkbookTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    PlanFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    private static final LocalDate MARCH_15 = LocalDate.of(2021, 3, 15);
    private static final LocalDate MAY_21 = LocalDate.of(2021, 5, 21);

    private record Setup(PlanFixtures.TestRegion region, Plan plan, Procedure vpr, Procedure second, Procedure third) {
    }

    private Setup setup(boolean approved) {
        PlanFixtures.TestRegion region = fixtures.freshRegion();
        // fresh accounts would be sent to change their password first
        jdbc.update("update user_account set must_change_password = false where username in (?, ?, ?)",
                region.regionUser(), region.municipalityUser(), region.schoolUser());
        Plan plan = fixtures.plan(region.region().id(), 2021, approved);
        Procedure vpr = fixtures.vpr(plan, MARCH_15, MAY_21);
        Procedure second = fixtures.procedure(plan, "VPR", "Региональная диагностика в 10 классах",
                LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 31));
        Procedure third = fixtures.procedure(plan, "VPR", "Исследование читательской грамотности",
                LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 30));
        return new Setup(region, plan, vpr, second, third);
    }

    // ---- the round trip

    @Test
    void aPlanExportedAndImportedAgainIsTheSamePlan() throws Exception {
        Setup s = setup(true);
        List<Map<String, Object>> before = snapshot(s.plan());

        byte[] file = export(s.plan(), s.region().regionUser());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheet(SHEET);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ID");
            assertThat(sheet.getRow(0).getLastCellNum()).isEqualTo((short) HEADERS.size());
            Row first = sheet.getRow(1);
            assertThat((long) first.getCell(ID).getNumericCellValue()).isEqualTo(s.vpr().id());
            assertThat(first.getCell(START).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MARCH_15);
            assertThat(first.getCell(START).getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
            assertThat(first.getCell(GRADES).getStringCellValue()).isEqualTo("4–8");
            assertThat(first.getCell(PARTICIPANTS).getStringCellValue()).isEqualTo("Все ОО");
            assertThat(first.getCell(OBSERVERS).getStringCellValue()).isEqualTo("да");
            assertThat(first.getCell(STATUS).getStringCellValue()).isEqualTo("Запланировано");
        }

        upload(s.plan(), s.region().regionUser(), file)
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/plans/" + s.plan().id()))
                .andExpect(flash().attribute("message", "Импортировано: добавлено 0, изменено 0, удалено 0"));
        assertThat(snapshot(s.plan())).isEqualTo(before);
    }

    @Test
    void chosenSchoolsAndMunicipalitiesSurviveTheRoundTripByName() throws Exception {
        Setup s = setup(false);
        byte[] file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, PARTICIPANTS, s.region().school().name() + "; " + s.region().otherSchool().name());
            text(sheet, 2, PARTICIPANTS, s.region().otherMunicipality().name());
            text(sheet, 2, RESPONSIBLE, s.region().region().name());
        });
        upload(s.plan(), s.region().regionUser(), file)
                .andExpect(flash().attribute("message", "Импортировано: добавлено 0, изменено 2, удалено 0"));
        assertThat(jdbc.queryForObject("select participants from plan_procedure where id = ?", String.class, s.vpr().id()))
                .isEqualTo("SCHOOLS");
        assertThat(jdbc.queryForList("select org_unit_id from plan_procedure_participant where procedure_id = ?", Long.class,
                s.vpr().id())).containsExactlyInAnyOrder(s.region().school().id(), s.region().otherSchool().id());
        assertThat(jdbc.queryForObject("select responsible_id from plan_procedure where id = ?", Long.class, s.second().id()))
                .isEqualTo(s.region().region().id());

        List<Map<String, Object>> before = snapshot(s.plan());
        byte[] again = export(s.plan(), s.region().regionUser());
        upload(s.plan(), s.region().regionUser(), again)
                .andExpect(flash().attribute("message", "Импортировано: добавлено 0, изменено 0, удалено 0"));
        assertThat(snapshot(s.plan())).isEqualTo(before);
    }

    // ---- adding, changing, deleting

    @Test
    void aDraftTakesNewRowsChangedRowsAndLosesTheRowsTheFileLeavesOut() throws Exception {
        Setup s = setup(false);
        String vprName = fixtures.type("VPR").name();
        byte[] file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, TITLE, "ВПР в 4–8 классах (весна)");
            text(sheet, 1, END, "28.05.2021");
            sheet.removeRow(sheet.getRow(2)); // the second procedure is left out
            Row added = sheet.createRow(5);
            added.createCell(TYPE).setCellValue(vprName);
            added.createCell(TITLE).setCellValue("ВПР в 11 классах");
            added.createCell(START).setCellValue("01.03.2021");
            added.createCell(END).setCellValue("26.03.2021");
            added.createCell(GRADES).setCellValue("11");
            added.createCell(PARTICIPANTS).setCellValue(s.region().municipality().name());
            added.createCell(OBSERVERS).setCellValue("нет");
            added.createCell(COVERAGE).setCellValue("95,5");
        });
        upload(s.plan(), s.region().regionUser(), file)
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Импортировано: добавлено 1, изменено 1, удалено 1"));

        List<Map<String, Object>> after = snapshot(s.plan());
        assertThat(after).extracting(m -> m.get("title")).containsExactly("ВПР в 4–8 классах (весна)",
                "Исследование читательской грамотности", "ВПР в 11 классах");
        assertThat(after.getFirst().get("period_end").toString()).isEqualTo("2021-05-28");
        Map<String, Object> added = after.getLast();
        assertThat(added.get("participants")).isEqualTo("MUNICIPALITIES");
        assertThat(added.get("observers_required")).isEqualTo(false);
        assertThat(added.get("coverage_target").toString()).isEqualTo("95.50");
        assertThat(jdbc.queryForObject("select array_to_string(grades, ',') from plan_procedure where title = 'ВПР в 11 классах' "
                + "and plan_id = ?", String.class, s.plan().id())).isEqualTo("11");
        assertThat(added.get("status")).isEqualTo("PLANNED");
    }

    @Test
    void anApprovedPlanKeepsTheProceduresTheFileLeavesOut() throws Exception {
        Setup s = setup(true);
        byte[] file = edit(export(s.plan(), s.region().regionUser()), sheet -> sheet.removeRow(sheet.getRow(3)));
        upload(s.plan(), s.region().regionUser(), file)
                .andExpect(flash().attribute("message", "Импортировано: добавлено 0, изменено 0, удалено 0"));
        assertThat(snapshot(s.plan())).hasSize(3);
    }

    // ---- the status columns of an approved plan

    @Test
    void statusColumnsMoveProceduresAlongInAnApprovedPlan() throws Exception {
        Setup s = setup(true);
        byte[] file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, STATUS, "Выполнено");
            text(sheet, 1, DONE_ON, "20.05.2021");
            text(sheet, 2, STATUS, "Перенесено");
            text(sheet, 2, MOVED_START, "01.11.2021");
            text(sheet, 2, MOVED_END, "30.11.2021");
            text(sheet, 3, STATUS, "Отменено");
            text(sheet, 3, CANCEL_REASON, "Исследование проводит ФИОКО в 2022 году");
        });
        upload(s.plan(), s.region().regionUser(), file)
                .andExpect(flash().attribute("message", "Импортировано: добавлено 0, изменено 3, удалено 0"));
        List<Map<String, Object>> after = snapshot(s.plan());
        assertThat(after.get(0).get("status")).isEqualTo("DONE");
        assertThat(after.get(0).get("done_on").toString()).isEqualTo("2021-05-20");
        assertThat(after.get(1).get("status")).isEqualTo("MOVED");
        assertThat(after.get(1).get("moved_start").toString()).isEqualTo("2021-11-01");
        assertThat(after.get(1).get("moved_end").toString()).isEqualTo("2021-11-30");
        assertThat(after.get(2).get("status")).isEqualTo("CANCELLED");
        assertThat(after.get(2).get("cancel_reason")).isEqualTo("Исследование проводит ФИОКО в 2022 году");

        // and the plan exported now comes back unchanged, statuses and all
        List<Map<String, Object>> before = snapshot(s.plan());
        upload(s.plan(), s.region().regionUser(), export(s.plan(), s.region().regionUser()))
                .andExpect(flash().attribute("message", "Импортировано: добавлено 0, изменено 0, удалено 0"));
        assertThat(snapshot(s.plan())).isEqualTo(before);
    }

    @Test
    void statusColumnsFollowTheRulesOfAStatusChange() throws Exception {
        Setup s = setup(true);
        List<Map<String, Object>> before = snapshot(s.plan());
        byte[] file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, STATUS, "Выполнено");
            text(sheet, 2, STATUS, "Перенесено");
            text(sheet, 3, STATUS, "Отменено");
        });
        List<ImportError> errors = rejected(s, file);
        assertThat(errors).anySatisfy(e -> assertError(e, 2, "Дата выполнения", "укажите дату выполнения"));
        assertThat(errors).anySatisfy(e -> assertError(e, 3, "Новое начало", "новые сроки"));
        assertThat(errors).anySatisfy(e -> assertError(e, 4, "Причина отмены", "причину отмены"));
        assertThat(snapshot(s.plan())).isEqualTo(before);

        file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, STATUS, "Выполнено");
            text(sheet, 1, DONE_ON, "01.03.2021"); // before the procedure began
            text(sheet, 2, STATUS, "Перенесено");
            text(sheet, 2, MOVED_START, "30.11.2021");
            text(sheet, 2, MOVED_END, "01.11.2021");
            text(sheet, 3, STATUS, "Сделано");
        });
        errors = rejected(s, file);
        assertThat(errors).anySatisfy(e -> assertError(e, 4, "Состояние", "Неизвестное состояние «Сделано»"));
        assertThat(snapshot(s.plan())).isEqualTo(before);

        file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, STATUS, "Выполнено");
            text(sheet, 1, DONE_ON, "01.03.2021");
            text(sheet, 2, STATUS, "Перенесено");
            text(sheet, 2, MOVED_START, "30.11.2021");
            text(sheet, 2, MOVED_END, "01.11.2021");
            text(sheet, 3, CANCEL_REASON, "Причина без состояния");
        });
        errors = rejected(s, file);
        assertThat(errors).anySatisfy(e -> assertError(e, 2, "Дата выполнения", "раньше начала проведения"));
        assertThat(errors).anySatisfy(e -> assertError(e, 3, "Новое окончание", "раньше нового начала"));
        assertThat(errors).anySatisfy(e -> assertError(e, 4, "Причина отмены", "только для состояния «Отменено»"));
        assertThat(snapshot(s.plan())).isEqualTo(before);
    }

    @Test
    void aDraftsProceduresAreNotCarriedOut() throws Exception {
        Setup s = setup(false);
        List<Map<String, Object>> before = snapshot(s.plan());
        byte[] file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, STATUS, "Выполнено");
            text(sheet, 1, DONE_ON, "20.05.2021");
        });
        assertThat(rejected(s, file)).singleElement().satisfies(e -> assertError(e, 2, "Состояние", "ещё не утверждён"));
        assertThat(snapshot(s.plan())).isEqualTo(before);
    }

    // ---- bad workbooks

    @Test
    void cellsThatAreNotUnderstoodAreAllReportedAndNothingIsSaved() throws Exception {
        Setup s = setup(false);
        Setup other = setup(false);
        List<Map<String, Object>> before = snapshot(s.plan());
        byte[] file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, TYPE, "Неизвестная процедура");
            text(sheet, 1, START, "31.02.2021");
            text(sheet, 1, GRADES, "пятые");
            text(sheet, 2, PARTICIPANTS, "Несуществующая школа");
            text(sheet, 2, COVERAGE, "сто");
            text(sheet, 2, OBSERVERS, "может быть");
            sheet.getRow(3).getCell(ID).setCellValue(other.vpr().id());
            Row copy = sheet.createRow(4);
            copy.createCell(ID).setCellValue(s.vpr().id());
            copy.createCell(TYPE).setCellValue(fixtures.type("VPR").name());
            copy.createCell(START).setCellValue("15.03.2021");
            copy.createCell(END).setCellValue("весной");
            copy.createCell(RESPONSIBLE).setCellValue("Неизвестный институт");
        });
        List<ImportError> errors = rejected(s, file);
        assertThat(errors).anySatisfy(e -> assertError(e, 2, "Вид процедуры", "Неизвестный вид процедуры «Неизвестная процедура»"));
        assertThat(errors).anySatisfy(e -> assertError(e, 2, "Начало", "Дата «31.02.2021» не понята"));
        assertThat(errors).anySatisfy(e -> assertError(e, 2, "Классы", "не поняты"));
        assertThat(errors).anySatisfy(e -> assertError(e, 3, "Участники", "«Несуществующая школа» — нет такого"));
        assertThat(errors).anySatisfy(e -> assertError(e, 3, "Целевой охват, %", "Целевой охват — процент"));
        assertThat(errors).anySatisfy(e -> assertError(e, 3, "Общественные наблюдатели", "«да» или «нет»"));
        assertThat(errors).anySatisfy(e -> assertError(e, 4, "ID", "нет в этом плане-графике"));
        assertThat(errors).anySatisfy(e -> assertError(e, 5, "Окончание", "Дата «весной» не понята"));
        assertThat(errors).anySatisfy(e -> assertError(e, 5, "Ответственный", "не найдена в регионе"));
        assertThat(snapshot(s.plan())).isEqualTo(before);
        assertThat(snapshot(other.plan())).hasSize(3);

        // the errors of the refused file download as a workbook
        byte[] errorsXlsx = mvc.perform(get("/plans/{id}/import/errors.xlsx", s.plan().id())
                        .with(users.page(s.region().regionUser())).cookie(lastSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(errorsXlsx))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("Ошибка");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(errors.size());
        }
    }

    @Test
    void rowsThatBreakTheRulesOfAProcedureAreReportedAndNothingIsSaved() throws Exception {
        Setup s = setup(false);
        List<Map<String, Object>> before = snapshot(s.plan());
        byte[] file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, END, "01.03.2021");
            text(sheet, 2, COVERAGE, "150");
            text(sheet, 3, GRADES, "4-20");
            Row duplicate = sheet.createRow(4);
            duplicate.createCell(ID).setCellValue(s.second().id());
            duplicate.createCell(TYPE).setCellValue(fixtures.type("VPR").name());
            duplicate.createCell(START).setCellValue("15.03.2021");
            duplicate.createCell(END).setCellValue("15.04.2021");
        });
        List<ImportError> errors = rejected(s, file);
        assertThat(errors).anySatisfy(e -> assertError(e, 4, "Классы", "от 1 до 11"));
        assertThat(errors).anySatisfy(e -> assertError(e, 5, "ID", "повторяется (см. строку 3)"));
        assertThat(snapshot(s.plan())).isEqualTo(before);

        file = edit(export(s.plan(), s.region().regionUser()), sheet -> {
            text(sheet, 1, END, "01.03.2021");
            text(sheet, 2, COVERAGE, "150");
            text(sheet, 3, START, "01.04.2019");
            text(sheet, 3, END, "30.04.2019");
        });
        errors = rejected(s, file);
        assertThat(errors).anySatisfy(e -> assertError(e, 2, "Окончание", "Окончание раньше начала"));
        assertThat(errors).anySatisfy(e -> assertError(e, 3, "Целевой охват, %", "процент от 0 до 100"));
        assertThat(errors).anySatisfy(e -> assertError(e, 4, "Начало", "вне 2021 года"));
        assertThat(snapshot(s.plan())).isEqualTo(before);
    }

    @Test
    void aWorkbookOfAnotherLayoutIsRefusedByItsHeader() throws Exception {
        Setup s = setup(false);
        List<Map<String, Object>> before = snapshot(s.plan());
        byte[] file = edit(export(s.plan(), s.region().regionUser()), sheet -> text(sheet, 0, TYPE, "Тип"));
        assertThat(rejected(s, file)).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("Вид процедуры");
            assertThat(e.message()).contains("Столбец C должен называться «Вид процедуры», а в файле — «Тип»");
        });
        assertThat(snapshot(s.plan())).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedWithARussianMessage() throws Exception {
        Setup s = setup(false);
        List<Map<String, Object>> before = snapshot(s.plan());
        byte[] good = export(s.plan(), s.region().regionUser());

        assertThat(rejected(s, "план.xlsx", Arrays.copyOf(good, good.length / 2))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Файл повреждён"));
        assertThat(rejected(s, "план.csv", "ID;Название\n1;ВПР".getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("не является книгой Excel"));
        assertThat(rejected(s, "план.xlsx", new byte[0])).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Файл пустой"));
        byte[] headerOnly = edit(good, sheet -> {
            for (int r = sheet.getLastRowNum(); r >= 1; r--) {
                sheet.removeRow(sheet.getRow(r));
            }
        });
        assertThat(rejected(s, "план.xlsx", headerOnly)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("нет ни одной процедуры"));
        assertThat(snapshot(s.plan())).isEqualTo(before);
    }

    // ---- the order's appendix

    @Test
    void theAppendixOfTheOrderOpensInWordWithEveryProcedure() throws Exception {
        Setup s = setup(true);
        byte[] docx = mvc.perform(get("/plans/{id}.docx", s.plan().id()).with(users.page(s.region().municipalityUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document =
                     new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx));
             org.apache.poi.xwpf.extractor.XWPFWordExtractor text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            assertThat(text.getText())
                    .contains("Приложение к приказу Министерства образования Тестовой области от 10.12.2020 № 1/ПК")
                    .contains(s.plan().title())
                    .contains("Всероссийские проверочные работы в 4–8 классах", "Региональная диагностика в 10 классах",
                            "Исследование читательской грамотности")
                    .contains("15.03.2021 – 21.05.2021", "октябрь 2021 года", "апрель 2021 года");
            assertThat(document.getTables().getFirst().getRows()).hasSize(4);
            assertThat(document.getDocument().getBody().getSectPr().getPgSz().getOrient().toString()).isEqualTo("landscape");
        }
    }

    @Test
    void aDraftsAppendixSaysItIsADraft() throws Exception {
        Setup s = setup(false);
        byte[] docx = mvc.perform(get("/plans/{id}.docx", s.plan().id()).with(users.page(s.region().regionUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getParagraphs().getFirst().getText()).isEqualTo("Проект");
        }
    }

    // ---- who may

    @Test
    void anotherRegionsPlanIsNotFoundAndOnlyRegionalStaffImport() throws Exception {
        Setup s = setup(true);
        Setup other = setup(true);
        String stranger = other.region().regionUser();
        mvc.perform(get("/plans/{id}.xlsx", s.plan().id()).with(users.page(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/plans/{id}.docx", s.plan().id()).with(users.page(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/plans/{id}/import", s.plan().id()).with(users.page(stranger))).andExpect(status().isNotFound());
        upload(s.plan(), stranger, new byte[]{1}).andExpect(status().isNotFound());

        String officer = s.region().municipalityUser();
        mvc.perform(get("/plans/{id}.xlsx", s.plan().id()).with(users.page(officer))).andExpect(status().isOk());
        mvc.perform(get("/plans/{id}/import", s.plan().id()).with(users.page(officer))).andExpect(status().isForbidden());
        upload(s.plan(), officer, export(s.plan(), officer)).andExpect(status().isForbidden());
        mvc.perform(get("/plans/{id}/import", s.plan().id()).with(users.page(s.region().regionUser())))
                .andExpect(status().isOk());

        Plan draft = fixtures.plan(s.region().region().id(), 2022, false);
        mvc.perform(get("/plans/{id}.xlsx", draft.id()).with(users.page(officer))).andExpect(status().isNotFound());
    }

    // ---- helpers

    /** The application keeps sessions in PostgreSQL (Spring Session): the session is its SESSION cookie. */
    private jakarta.servlet.http.Cookie lastSession;

    private byte[] export(Plan plan, String username) throws Exception {
        return mvc.perform(get("/plans/{id}.xlsx", plan.id()).with(users.page(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private org.springframework.test.web.servlet.ResultActions upload(Plan plan, String username, byte[] file) throws Exception {
        return upload(plan, username, "план.xlsx", file);
    }

    private org.springframework.test.web.servlet.ResultActions upload(Plan plan, String username, String name, byte[] file)
            throws Exception {
        return mvc.perform(multipart("/plans/{id}/import", plan.id())
                .file(new MockMultipartFile("file", name, "application/octet-stream", file))
                .with(users.page(username)).with(csrf()));
    }

    private List<ImportError> rejected(Setup s, byte[] file) throws Exception {
        return rejected(s, "план.xlsx", file);
    }

    @SuppressWarnings("unchecked")
    private List<ImportError> rejected(Setup s, String name, byte[] file) throws Exception {
        MvcResult result = upload(s.plan(), s.region().regionUser(), name, file).andExpect(status().is(422)).andReturn();
        lastSession = result.getResponse().getCookie("SESSION");
        assertThat(result.getModelAndView().getViewName()).isEqualTo("plan/import");
        assertThat(result.getResponse().getContentAsString()).contains("Файл не загружен, ничего не сохранено");
        return (List<ImportError>) result.getModelAndView().getModel().get("errors");
    }

    private static void assertError(ImportError e, int row, String column, String message) {
        assertThat(e.row()).isEqualTo(row);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.message()).contains(message);
    }

    private static byte[] edit(byte[] xlsx, Consumer<Sheet> change) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            change.accept(book.getSheet(SHEET));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void text(Sheet sheet, int row, int column, String value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
        cell.setBlank();
        cell.setCellStyle(sheet.getWorkbook().createCellStyle());
        cell.setCellValue(value);
    }

    private static String arrayText(java.sql.Array array) {
        try {
            return Arrays.toString((Object[]) array.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column of the plan's procedures, versions included: an import that changes nothing leaves these alone. */
    private List<Map<String, Object>> snapshot(Plan plan) {
        return jdbc.queryForList("""
                select p.*, (select array_agg(org_unit_id order by org_unit_id) from plan_procedure_participant
                             where procedure_id = p.id)::text as chosen
                from plan_procedure p where p.plan_id = ? order by p.position, p.id""", plan.id()).stream()
                .map(m -> {
                    m.replaceAll((k, v) -> v instanceof java.sql.Array a ? arrayText(a) : v);
                    return m;
                }).toList();
    }
}

package ru.rsoko.execution;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.execution.domain.CommentView;
import ru.rsoko.execution.domain.ExecutionManagement;
import ru.rsoko.execution.domain.PeriodRow;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;
import ru.rsoko.support.TestClock;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** Directors and officers report on their records; the levels above see it; "overdue" is the region's own day. */
@IntegrationTest
class ExecutionReportingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    MeetingManagement meetings;
    @Autowired
    ExecutionManagement executions;
    @Autowired
    ExecutionFigures figures;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDirectorMarksADecisionDoneWithAReportAndTheMatrixCountsIt() throws Exception {
        MeetingView meeting = meetingFixtures.meeting("tver.coko", true);
        ExecutionRecord own = meetingFixtures.execution(meeting, "1", fixtures.org("МОУ «Берёзовская СОШ»"));
        mvc.perform(multipart("/executions/{id}", own.id()).with(users.page("sonkovo.school")).with(csrf())
                        .param("status", "DONE").param("version", String.valueOf(own.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("напишите отчёт")));
        mvc.perform(multipart("/executions/{id}", own.id()).file(new MockMultipartFile("evidenceFile", "приказ.pdf",
                                "application/pdf", "%PDF-1.4 приказ".getBytes()))
                        .with(users.page("sonkovo.school")).with(csrf())
                        .param("status", "DONE").param("report", "Анализ проведён, итоги обсуждены на педсовете")
                        .param("evidenceUrl", "https://school.example.ru/analiz").param("version", String.valueOf(own.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Сохранено"));

        ExecutionRecord done = executions.get(Scope.all(), own.id());
        assertThat(done.status()).isEqualTo(ExecutionStatus.DONE);
        assertThat(done.evidenceFile().name()).isEqualTo("приказ.pdf");
        assertThat(done.completedAt()).isNotNull();

        ExecutionFigures.Matrix matrix = figures.matrix(Scope.region(meeting.regionId()), meetings.get(Scope.all(), meeting.id()).summary());
        long sonkovo = fixtures.org("Сонковский муниципальный округ").id();
        assertThat(matrix.cell(meeting.decisions().getFirst().id(), sonkovo).done()).isEqualTo(1);
        assertThat(matrix.columns()).extracting(ExecutionFigures.Column::name).contains("Сонковский");

        // the cell reads in words, on the card and in its .xlsx alike: «1 из 3 выполнено · не начато 2»
        ExecutionFigures.Counts cell = matrix.cell(meeting.decisions().getFirst().id(), sonkovo);
        assertThat(cell.text()).startsWith("1 из " + cell.total() + " выполнено");
        String card = mvc.perform(get("/meetings/{id}", meeting.id()).with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(card).contains(">1 из " + cell.total() + " выполнено<").doesNotContain("/0/0");
        byte[] xlsx = mvc.perform(get("/meetings/{id}/matrix.xlsx", meeting.id()).with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = book.getSheetAt(0).getRow(0);
            int column = -1;
            for (Cell c : header) {
                if (c.getStringCellValue().equals("Сонковский")) {
                    column = c.getColumnIndex();
                }
            }
            assertThat(column).as("столбец «Сонковский» в .xlsx матрицы").isPositive();
            assertThat(book.getSheetAt(0).getRow(1).getCell(column).getStringCellValue()).isEqualTo(cell.text());
        }

        // the evidence is there for whoever sees the record, and only for them
        mvc.perform(get("/executions/{id}/evidence", own.id()).with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk());
        mvc.perform(get("/executions/{id}/evidence", own.id()).with(users.page("kalinin.mouo")))
                .andExpect(status().isNotFound());

        List<HistoryEntry> history = executions.history(Scope.all(), own.id());
        assertThat(history.getFirst().username()).isEqualTo("sonkovo.school");
        assertThat(history.getFirst().changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("Статус");
            assertThat(c.after()).isEqualTo("Выполнено");
        });
    }

    @Test
    void notDoneNeedsAReasonAndABrokenLinkOrAnEmptyFileIsRefused() {
        MeetingView meeting = meetingFixtures.meeting("tver.coko", true);
        ExecutionRecord record = meetingFixtures.execution(meeting, "1", fixtures.org("МОУ «Ручьёвская СОШ»"));
        CurrentUser director = meetingFixtures.user("kalinin.school");
        assertThatThrownBy(() -> executions.update(director, record.id(),
                new ExecutionManagement.Update(ExecutionStatus.NOT_DONE, null, null, null, null, null)))
                .hasMessageContaining("Укажите причину");
        assertThatThrownBy(() -> executions.update(director, record.id(),
                new ExecutionManagement.Update(ExecutionStatus.IN_PROGRESS, "Начато", null, "javascript:alert(1)", null, null)))
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> executions.update(director, record.id(),
                new ExecutionManagement.Update(ExecutionStatus.IN_PROGRESS, "Начато", null, null,
                        new MockMultipartFile("evidenceFile", "пусто.pdf", "application/pdf", new byte[0]), null)))
                .hasMessageContaining("Файл пустой");
        assertThat(executions.get(Scope.all(), record.id()).status()).isEqualTo(ExecutionStatus.NOT_STARTED);
    }

    @Test
    void onlyTheRecordsOwnOrganisationReportsOnIt() {
        MeetingView meeting = meetingFixtures.meeting("tver.coko", true);
        ExecutionRecord school = meetingFixtures.execution(meeting, "1", fixtures.org("МОУ «Берёзовская СОШ»"));
        assertThatThrownBy(() -> executions.update(meetingFixtures.user("sonkovo.mouo"), school.id(),
                new ExecutionManagement.Update(ExecutionStatus.DONE, "за школу", null, null, null, null)))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("отчитывается сама ответственная организация");
        // the municipal officer comments instead, and the director sees the comment
        executions.comment(meetingFixtures.user("sonkovo.mouo"), school.id(), "Приложите приказ, пожалуйста");
        assertThat(executions.comments(Scope.orgUnit(null, null, school.orgUnit().id()), school.id()))
                .extracting(CommentView::text).containsExactly("Приложите приказ, пожалуйста");
    }

    @Test
    void twoPeopleSavingOneRecordTheSecondIsToldAndNothingIsOverwritten() throws Exception {
        MeetingView meeting = meetingFixtures.meeting("tver.coko", true);
        ExecutionRecord record = meetingFixtures.execution(meeting, "1", fixtures.org("МОУ «Берёзовская СОШ»"));
        long version = record.version();
        executions.update(meetingFixtures.user("sonkovo.school"), record.id(),
                new ExecutionManagement.Update(ExecutionStatus.IN_PROGRESS, "Первый отчёт", null, null, null, version));
        assertThatThrownBy(() -> executions.update(meetingFixtures.user("sonkovo.school"), record.id(),
                new ExecutionManagement.Update(ExecutionStatus.DONE, "Второй отчёт", null, null, null, version)))
                .isInstanceOf(ConcurrentEditException.class);
        mvc.perform(patch("/api/v1/executions/{id}", record.id()).with(api("sonkovo.school"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\",\"report\":\"Третий\",\"version\":" + version + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("изменил другой пользователь")));
        assertThat(jdbc.queryForObject("select report from execution where id = ?", String.class, record.id()))
                .isEqualTo("Первый отчёт");
    }

    @Test
    void anOngoingDecisionIsReportedPeriodByPeriodAndNeverClosed() {
        MeetingView meeting = meetingFixtures.meeting("tver.coko", true);
        ExecutionRecord record = meetingFixtures.execution(meeting, "2", fixtures.org("Сонковский муниципальный округ"));
        CurrentUser officer = meetingFixtures.user("sonkovo.mouo");
        assertThat(record.recurring()).isTrue();
        LocalDate firstDue = record.dueDate();
        assertThat(firstDue).isEqualTo(ru.rsoko.meeting.ReportPeriod.QUARTER.endOfPeriodContaining(meeting.date()));
        assertThatThrownBy(() -> executions.update(officer, record.id(),
                new ExecutionManagement.Update(ExecutionStatus.DONE, "Всё", null, null, null, null)))
                .hasMessageContaining("не закрывается");

        executions.addReport(officer, record.id(), "Проведены проверки в 3 школах", null, null, null);
        ExecutionRecord reported = executions.get(Scope.all(), record.id());
        assertThat(reported.dueDate()).isAfter(firstDue);
        assertThat(reported.status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
        // the next period has not begun: nothing to report yet
        assertThatThrownBy(() -> executions.addReport(officer, record.id(), "Ещё", null, null, null))
                .hasMessageContaining("можно подать с");

        // a quarter and a half later, the unreported period is overdue
        clock.set(firstDue.plusMonths(4).atStartOfDay(ZoneId.of("Europe/Moscow")).toInstant());
        assertThat(executions.get(Scope.all(), record.id()).isOverdue(executions.today(meeting.regionId()))).isTrue();
        assertThat(executions.periods(Scope.all(), record.id())).anyMatch(PeriodRow::overdue);
    }

    @Test
    void overdueIsJudgedAtMidnightOfTheRegion() throws Exception {
        LocalDate due = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(1);
        MeetingView tver = dueOn("tver.coko", due);
        MeetingView tomsk = dueOn("tomsk.coko", due);
        // 17:30 UTC on the due date: 00:30 of the next day in Tomsk (UTC+7), 20:30 of the due date in Tver (UTC+3)
        clock.set(due.atTime(17, 30).toInstant(java.time.ZoneOffset.UTC));
        assertThat(overdueCount("tomsk.coko", tomsk)).isPositive();
        assertThat(overdueCount("tver.coko", tver)).isZero();
        // an hour before midnight in Tomsk nothing is overdue there either
        clock.set(due.atTime(16, 30).toInstant(java.time.ZoneOffset.UTC));
        assertThat(overdueCount("tomsk.coko", tomsk)).isZero();
        // after midnight in Tver, Tver's records are overdue too
        clock.set(due.atTime(21, 1).toInstant(java.time.ZoneOffset.UTC));
        assertThat(overdueCount("tver.coko", tver)).isPositive();
    }

    @Test
    void aMunicipalOfficerSeesTheMunicipalitysAndItsSchoolsRecordsAndNeverAnothers() throws Exception {
        MeetingView meeting = meetingFixtures.meeting("tver.coko", true);
        long sonkovo = fixtures.org("Сонковский муниципальный округ").id();
        mvc.perform(get("/api/v1/executions").param("meetingId", String.valueOf(meeting.id())).param("size", "500")
                        .with(api("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].municipalityId", everyItem(is((int) sonkovo))))
                .andExpect(jsonPath("$.content[*].orgUnit.name", hasItem("Сонковский муниципальный округ")))
                .andExpect(jsonPath("$.content[*].orgUnit.name", hasItem("МОУ «Берёзовская СОШ»")))
                .andExpect(jsonPath("$.content[*].orgUnit.name", not(hasItem("МОУ «Ручьёвская СОШ»"))));
        mvc.perform(get("/api/v1/executions").param("meetingId", String.valueOf(meeting.id())).with(api("sonkovo.school")))
                .andExpect(jsonPath("$.content[*].orgUnit.name", everyItem(is("МОУ «Берёзовская СОШ»"))))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/v1/executions").param("meetingId", String.valueOf(meeting.id())).with(api("tomsk.coko")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void recordsWithoutADateCountAsInWorkAndNeverOverdue() {
        CurrentUser user = meetingFixtures.user("tver.coko");
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(Fixtures.unique("Совещание без сроков"));
        form.setDate(LocalDate.now().minusDays(3));
        DecisionForm decision = new DecisionForm();
        decision.setNumber("1");
        decision.setText("По мере необходимости");
        decision.setResponsibleText("руководители ОО: Сонковского");
        decision.setDeadlineText("по мере необходимости");
        decision.setDeadlineKind(DeadlineKind.OTHER);
        MeetingView meeting = meetings.sign(user, meetings.createWithContent(user, form, List.of(), List.of(decision)).id(), null);
        ExecutionRecord own = meetingFixtures.execution(meeting, "1", fixtures.org("МОУ «Берёзовская СОШ»"));
        executions.update(meetingFixtures.user("sonkovo.school"), own.id(),
                new ExecutionManagement.Update(ExecutionStatus.IN_PROGRESS, "Начато", null, null, null, null));
        ExecutionFigures.Counts counts = executions.counts(Scope.region(meeting.regionId()),
                new ExecutionFilter(null, null, null, meeting.id(), null, null, null));
        assertThat(counts.inWork()).isEqualTo(1);
        assertThat(counts.overdue()).isZero();
        assertThat(counts.notStarted()).isEqualTo(counts.total() - 1);
        ExecutionFigures.Matrix matrix = figures.matrix(Scope.region(meeting.regionId()), meetings.get(Scope.all(), meeting.id()).summary());
        assertThat(matrix.total()).isEqualTo(counts);
    }

    @Test
    void theShareDoneOnTimeCountsTheRecordsDoneByTheirDueDate() {
        CurrentUser staff = meetingFixtures.user("tver.coko");
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(Fixtures.unique("Совещание 2017 года"));
        form.setDate(LocalDate.of(2017, 5, 10));
        DecisionForm decision = new DecisionForm();
        decision.setNumber("1");
        decision.setText("Сделать к 1 июня");
        decision.setResponsibleText("руководители ОО: Сонковского");
        decision.setDeadlineText("до 01.06.2017");
        decision.setDeadlineKind(DeadlineKind.BY_DATE);
        decision.setDueDate(LocalDate.of(2017, 6, 1));
        MeetingView meeting = meetings.sign(staff, meetings.createWithContent(staff, form, List.of(), List.of(decision)).id(), null);
        ExecutionRecord own = meetingFixtures.execution(meeting, "1", fixtures.org("МОУ «Берёзовская СОШ»"));
        long schools = executions.find(Scope.all(), new ExecutionFilter(null, null, null, meeting.id(), null, null, null),
                org.springframework.data.domain.PageRequest.of(0, 1)).getTotalElements();

        // done on the due date in Tver, the evening of 1 June: on time
        clock.set(LocalDate.of(2017, 6, 1).atTime(20, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant());
        executions.update(meetingFixtures.user("sonkovo.school"), own.id(),
                new ExecutionManagement.Update(ExecutionStatus.DONE, "Сделано", null, null, null, null));
        clock.reset();

        assertThat(executions.onTimeShare(Scope.orgUnit(meeting.regionId(), own.municipalityId(), own.orgUnit().id()),
                meeting.regionId(), 2017).percent()).isEqualByComparingTo("100.0");
        assertThat(executions.onTimeShare(Scope.municipality(meeting.regionId(), own.municipalityId()), meeting.regionId(), 2017)
                .percent()).isEqualByComparingTo(java.math.BigDecimal.valueOf(100).divide(java.math.BigDecimal.valueOf(schools), 1,
                        java.math.RoundingMode.HALF_UP));
        assertThat(executions.onTimeShare(Scope.region(meeting.regionId()), meeting.regionId(), 2016)).isNull();
    }

    private MeetingView dueOn(String creator, LocalDate due) {
        CurrentUser user = meetingFixtures.user(creator);
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(Fixtures.unique("Совещание о сроках"));
        form.setDate(due.minusDays(10));
        DecisionForm decision = new DecisionForm();
        decision.setNumber("1");
        decision.setText("Сделать к сроку");
        decision.setResponsibleText("руководители МОУО");
        decision.setDeadlineText("до " + ru.rsoko.platform.web.Formats.DATE.format(due));
        decision.setDeadlineKind(DeadlineKind.BY_DATE);
        decision.setDueDate(due);
        MeetingView meeting = meetings.createWithContent(user, form, List.of(), List.of(decision));
        return meetings.sign(user, meeting.id(), null);
    }

    private long overdueCount(String user, MeetingView meeting) throws Exception {
        String body = mvc.perform(get("/api/v1/executions").param("meetingId", String.valueOf(meeting.id()))
                        .param("overdue", "true").with(api(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.page.totalElements")).longValue();
    }
}

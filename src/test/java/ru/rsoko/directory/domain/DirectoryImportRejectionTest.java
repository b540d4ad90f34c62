package ru.rsoko.directory.domain;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.directory.domain.DirectoryExcel.EMAIL;
import static ru.rsoko.directory.domain.DirectoryExcel.HEADERS;
import static ru.rsoko.directory.domain.DirectoryExcel.INN;
import static ru.rsoko.directory.domain.DirectoryExcel.NAME;
import static ru.rsoko.directory.domain.DirectoryExcel.TYPE;
import static ru.rsoko.directory.domain.ImportWorkbooks.Formula;
import static ru.rsoko.directory.domain.ImportWorkbooks.book;
import static ru.rsoko.directory.domain.ImportWorkbooks.municipality;
import static ru.rsoko.directory.domain.ImportWorkbooks.row;
import static ru.rsoko.directory.domain.ImportWorkbooks.school;
import static ru.rsoko.directory.domain.ImportWorkbooks.sheet;
import static ru.rsoko.directory.domain.ImportWorkbooks.with;

/**
 * Files that are wrong, each with the exact error a person reads (row, column, message) and the proof that
 * nothing was written, even when every other row of the file is right.
 */
@IntegrationTest
class DirectoryImportRejectionTest {

    static final String EXPECTED_COLUMNS = "Ожидаемые столбцы по порядку: Тип, Наименование, Краткое наименование, "
            + "Вышестоящая организация, ИНН, Адрес, Телефон, E-mail, Руководитель, Часовой пояс, Активна, ID "
            + "(ID можно не указывать). Скачайте шаблон и перенесите данные в него.";
    static final String CORRUPTED = "Файл повреждён или не является книгой Excel (.xlsx). "
            + "Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».";

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgUnitService directory;

    ImportDriver imports;
    String n;
    long tver;

    @BeforeEach
    void setUp() {
        imports = new ImportDriver(mvc, users, jdbc, directory);
        n = String.valueOf(System.nanoTime());
        tver = imports.tver();
    }

    /** Rows that would load on their own: a new municipality with two schools. */
    Object[][] goodRows() {
        String m = "Хороший МО " + n;
        return new Object[][]{municipality(m), school("Хорошая СОШ № 1 " + n, m), school("Хорошая СОШ № 2 " + n, m)};
    }

    /** The good rows first (sheet rows 2–4), then the given ones (from row 5). */
    byte[] goodRowsAnd(Object[]... bad) {
        List<Object[]> rows = new ArrayList<>(List.of(goodRows()));
        rows.addAll(List.of(bad));
        return book(rows.toArray(Object[][]::new));
    }

    void assertNoGoodRowWritten() {
        assertThat(imports.countNamed(n)).as("rows of the file in the database").isZero();
    }

    // ---- the sheet's shape

    @Test
    void aRenamedColumnIsNamedWithItsLetterAndTheExpectedHeader() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        Object[] header = HEADERS.toArray();
        header[2] = "Кратко";
        rows.add(header);
        rows.addAll(List.of(goodRows()));

        assertThat(imports.rejected(tver, sheet(DirectoryExcel.SHEET, rows))).containsExactly(new ImportError(1,
                "Краткое наименование", "Столбец C должен называться «Краткое наименование», а в файле — «Кратко». "
                        + EXPECTED_COLUMNS));
        assertNoGoodRowWritten();
    }

    @Test
    void aSheetOfSomethingElseIsRefusedAtItsFirstColumn() throws Exception {
        byte[] file = sheet("Результаты", List.of(
                new Object[]{"ФИО", "Класс", "Балл"},
                new Object[]{"Петров Пётр", "9А", 17}));

        assertThat(imports.rejected(tver, file)).containsExactly(new ImportError(1, "Тип",
                "Столбец A должен называться «Тип», а в файле — «ФИО». " + EXPECTED_COLUMNS));
    }

    @Test
    void missingAndExtraColumnsAreSaidSo() throws Exception {
        List<Object[]> missing = new ArrayList<>();
        missing.add(HEADERS.subList(0, 5).toArray());
        missing.addAll(List.of(goodRows()));
        assertThat(imports.rejected(tver, sheet(DirectoryExcel.SHEET, missing))).containsExactly(new ImportError(1,
                "Адрес", "Столбец F должен называться «Адрес», а в файле его нет. " + EXPECTED_COLUMNS));

        List<Object[]> extra = new ArrayList<>();
        List<Object> header = new ArrayList<>(HEADERS);
        header.add("Примечание");
        extra.add(header.toArray());
        extra.addAll(List.of(goodRows()));
        assertThat(imports.rejected(tver, sheet(DirectoryExcel.SHEET, extra))).containsExactly(new ImportError(1,
                "Примечание", "Столбец M «Примечание» лишний: удалите его. " + EXPECTED_COLUMNS));
        assertNoGoodRowWritten();
    }

    @Test
    void anEmptySheetAndAHeaderWithoutRowsAreRefused() throws Exception {
        assertThat(imports.rejected(tver, sheet(DirectoryExcel.SHEET, List.of()))).containsExactly(
                ImportError.ofFile("Лист пустой: нет строки заголовков. Скачайте шаблон и заполните его."));
        assertThat(imports.rejected(tver, book())).containsExactly(
                ImportError.ofFile("В файле нет ни одной строки с организациями под заголовком."));
        // blank lines under the header are no organisations either
        List<Object[]> blanks = new ArrayList<>();
        blanks.add(HEADERS.toArray());
        blanks.add(row("  ", ""));
        assertThat(imports.rejected(tver, sheet(DirectoryExcel.SHEET, blanks))).containsExactly(
                ImportError.ofFile("В файле нет ни одной строки с организациями под заголовком."));
    }

    // ---- rows that are wrong among rows that are right

    @Test
    void anUnknownParentIsNamedWithTheRegion() throws Exception {
        byte[] file = goodRowsAnd(school("Сиротская СОШ " + n, "Несуществующий округ " + n));

        assertThat(imports.rejected(tver, file)).containsExactly(new ImportError(5, "Вышестоящая организация",
                "Вышестоящая организация «Несуществующий округ " + n + "» не найдена в регионе «Тверская область» "
                        + "(ни в справочнике, ни в этом файле). Укажите наименование муниципалитета точно как в справочнике "
                        + "или добавьте муниципалитет строкой в файл."));
        assertNoGoodRowWritten();
    }

    @Test
    void aMunicipalityOfAnotherRegionIsAnUnknownParent() throws Exception {
        byte[] file = goodRowsAnd(school("Чужая СОШ " + n, "ЗАТО Северск"));

        assertThat(imports.rejected(tver, file)).containsExactly(new ImportError(5, "Вышестоящая организация",
                "Вышестоящая организация «ЗАТО Северск» не найдена в регионе «Тверская область» "
                        + "(ни в справочнике, ни в этом файле). Укажите наименование муниципалитета точно как в справочнике "
                        + "или добавьте муниципалитет строкой в файл."));
        assertNoGoodRowWritten();
    }

    @Test
    void aNameRepeatedInTheFileIsReportedAtTheRepetitionWithTheFirstRow() throws Exception {
        String m = "Хороший МО " + n;
        byte[] file = goodRowsAnd(school(" хорошая  СОШ № 1 " + n, m));

        assertThat(imports.rejected(tver, file)).containsExactly(new ImportError(5, "Наименование",
                "«хорошая СОШ № 1 " + n + "» повторяется в файле (см. строку 3): в одной вышестоящей организации "
                        + "наименования не повторяются, оставьте одну строку."));
        assertNoGoodRowWritten();
    }

    @Test
    void aSchoolCannotStandUnderASchoolOfTheDirectoryOrOfTheFile() throws Exception {
        byte[] file = goodRowsAnd(
                school("Филиал " + n, "МОУ «Заречная СОШ»"),
                school("Ещё филиал " + n, "Хорошая СОШ № 2 " + n));

        assertThat(imports.rejected(tver, file)).containsExactly(
                new ImportError(5, "Вышестоящая организация", "«МОУ «Заречная СОШ»» — это школа, а школа может входить "
                        + "только в муниципалитет или регион: укажите муниципалитет или оставьте ячейку пустой."),
                new ImportError(6, "Вышестоящая организация", "«Хорошая СОШ № 2 " + n + "» — это школа, а школа может "
                        + "входить только в муниципалитет или регион: укажите муниципалитет или оставьте ячейку пустой."));
        assertNoGoodRowWritten();
    }

    @Test
    void aMunicipalityCannotStandUnderAMunicipality() throws Exception {
        byte[] file = goodRowsAnd(row("Муниципалитет", "Вложенный МО " + n, null, "Сонковский муниципальный округ"));

        assertThat(imports.rejected(tver, file)).containsExactly(new ImportError(5, "Вышестоящая организация",
                "«Сонковский муниципальный округ» — это муниципалитет, а муниципалитет может входить только в регион: "
                        + "оставьте ячейку пустой."));
        assertNoGoodRowWritten();
    }

    @Test
    void formulasAreRefusedOncePerCellWithWhatToDo() throws Exception {
        byte[] file = goodRowsAnd(
                with(school(null, "Хороший МО " + n), NAME, new Formula("\"Формульная СОШ \"&\"" + n + "\"")),
                with(school("Школа с формулой в типе " + n, "Хороший МО " + n), TYPE, new Formula("\"Шко\"&\"ла\"")),
                with(school("Школа с #Н/Д " + n, "Хороший МО " + n), INN, new ImportWorkbooks.ExcelError()));

        assertThat(imports.rejected(tver, file)).containsExactly(
                new ImportError(5, "Наименование", "В ячейке формула «=\"Формульная СОШ \"&\"" + n + "\"»: формулы "
                        + "не принимаются. Замените её значением (Копировать → Специальная вставка → Значения)."),
                new ImportError(6, "Тип", "В ячейке формула «=\"Шко\"&\"ла\"»: формулы не принимаются. Замените её "
                        + "значением (Копировать → Специальная вставка → Значения)."),
                new ImportError(7, "ИНН", "В ячейке ошибка Excel вместо значения: введите значение."));
        assertNoGoodRowWritten();
    }

    @Test
    void anInvalidInnAndEmailAreShownWithWhatIsInTheFile() throws Exception {
        String m = "Хороший МО " + n;
        byte[] file = goodRowsAnd(
                with(with(school("СОШ с ошибками " + n, m), INN, "69012345"), EMAIL, "school@"),
                with(school("СОШ с числовым ИНН " + n, m), INN, 690123456));

        assertThat(imports.rejected(tver, file)).containsExactly(
                new ImportError(5, "ИНН", "ИНН — 10 цифр (для организации) или 12 цифр; в файле: «69012345»"),
                new ImportError(5, "E-mail", "Некорректный адрес электронной почты; в файле: «school@»"),
                new ImportError(6, "ИНН", "ИНН — 10 цифр (для организации) или 12 цифр; в файле: «690123456»"));
        assertNoGoodRowWritten();
    }

    @Test
    void anUnknownTypeAndAMissingNameAreReported() throws Exception {
        String m = "Хороший МО " + n;
        byte[] file = goodRowsAnd(
                row("Детский сад", "Детсад «Солнышко» " + n, null, m),
                row("Школа", "  ", null, m));

        assertThat(imports.rejected(tver, file)).containsExactly(
                new ImportError(5, "Тип", "Неизвестный тип «Детский сад»: укажите Муниципалитет, Школа или Учреждение"),
                new ImportError(6, "Наименование", "Укажите наименование"));
        assertNoGoodRowWritten();
    }

    @Test
    void rowErrorsAndDirectoryErrorsComeTogetherWithoutKnockOnErrors() throws Exception {
        String broken = "МО с плохим ИНН " + n;
        byte[] file = goodRowsAnd(
                with(municipality(broken), INN, "12"),
                school("СОШ под плохим МО " + n, broken),
                school("СОШ под неизвестным МО " + n, "Неизвестный МО " + n));

        // one upload names both problems; the school under the broken municipality row is not blamed for it
        assertThat(imports.rejected(tver, file)).containsExactly(
                new ImportError(5, "ИНН", "ИНН — 10 цифр (для организации) или 12 цифр; в файле: «12»"),
                new ImportError(7, "Вышестоящая организация", "Вышестоящая организация «Неизвестный МО " + n
                        + "» не найдена в регионе «Тверская область» (ни в справочнике, ни в этом файле). Укажите "
                        + "наименование муниципалитета точно как в справочнике или добавьте муниципалитет строкой в файл."));
        assertNoGoodRowWritten();
    }

    @Test
    void anIdOfAnotherRegionOrOfAnotherTypeIsRefused() throws Exception {
        Object severskSchool = imports.unit("МБОУ «Средняя школа № 201»").get("id");
        Object sonkovo = imports.unit("Сонковский муниципальный округ").get("id");
        byte[] file = goodRowsAnd(
                with(school("МБОУ «Средняя школа № 201»", "Сонковский муниципальный округ"), DirectoryExcel.ID, severskSchool),
                with(school("Школа вместо округа " + n, "Сонковский муниципальный округ"), DirectoryExcel.ID, sonkovo));

        assertThat(imports.rejected(tver, file)).containsExactly(
                new ImportError(5, "ID", "Организация с ID " + severskSchool + " не найдена в регионе «Тверская область»: "
                        + "оставьте ID пустым для новой организации или возьмите ID из выгрузки справочника этого региона."),
                new ImportError(6, "ID", "ID " + sonkovo + " — это муниципалитет «Сонковский муниципальный округ», а в строке "
                        + "указан тип «Школа»: тип организации изменить нельзя, проверьте ID."));
        assertNoGoodRowWritten();
    }

    @Test
    void aRegionRowWithAnotherRegionsNameIsRefusedOnce() throws Exception {
        byte[] file = goodRowsAnd(row("Регион", "Томская область", null, null, null, null, null, null, null, "Asia/Tomsk"));

        assertThat(imports.rejected(tver, file)).containsExactly(new ImportError(5, "Наименование",
                "Строка региона «Томская область» не совпадает с регионом загрузки «Тверская область»: строка типа "
                        + "«Регион» может только уточнить данные региона загрузки. Удалите её или выберите нужный регион."));
        assertNoGoodRowWritten();
        assertThat(imports.unit("Тверская область")).containsEntry("time_zone", "Europe/Moscow");
    }

    @Test
    void oneIdUsedOnTwoRowsIsRefused() throws Exception {
        Object id = imports.unit("МОУ «Лесновская СОШ»").get("id");
        byte[] file = goodRowsAnd(
                with(school("Лесновская СОШ переименованная " + n, "Сонковский муниципальный округ"), DirectoryExcel.ID, id),
                with(school("Лесновская СОШ ещё раз " + n, "Сонковский муниципальный округ"), DirectoryExcel.ID, id));

        assertThat(imports.rejected(tver, file)).containsExactly(new ImportError(6, "ID",
                "ID " + id + " повторяется в файле (см. строку 5): одну организацию можно изменить только одной строкой."));
        assertNoGoodRowWritten();
        assertThat(imports.unit("МОУ «Лесновская СОШ»")).containsEntry("id", id);
    }

    // ---- files that are no workbook of ours

    @Test
    void aTruncatedWorkbookIsRefusedWhereverItIsCut() throws Exception {
        byte[] good = goodRowsAnd();
        for (int cut : new int[]{10, good.length / 3, good.length / 2, good.length - 200, good.length - 30, good.length - 1}) {
            assertThat(imports.rejected(tver, Arrays.copyOf(good, cut))).as("cut at %d of %d", cut, good.length)
                    .containsExactly(ImportError.ofFile(CORRUPTED));
        }
        assertNoGoodRowWritten();
    }

    @Test
    void aZipThatIsNoWorkbookIsRefused() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("не книга".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(imports.rejected(tver, out.toByteArray())).containsExactly(ImportError.ofFile(CORRUPTED));
    }

    @Test
    void filesOfOtherKindsAreNamedForWhatTheyAre() throws Exception {
        assertThat(imports.rejected(tver, "Тип;Наименование\nШкола;МОУ СОШ\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(ImportError.ofFile("Файл не является книгой Excel (.xlsx): возможно, это текст или CSV. "
                        + "Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)»."));
        assertThat(imports.rejected(tver, "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)))
                .containsExactly(ImportError.ofFile("Файл — документ PDF, а не книга Excel (.xlsx). "
                        + "Загрузите книгу Excel: скачайте шаблон и заполните его."));
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, ole2, 0, 8);
        assertThat(imports.rejected(tver, ole2)).containsExactly(ImportError.ofFile("Файл в старом формате Excel 97–2003 "
                + "(.xls) или защищён паролем. Сохраните его как «Книга Excel (*.xlsx)» без пароля."));
    }

    @Test
    void anEmptyUploadIsRefused() throws Exception {
        assertThat(imports.rejected(tver, new byte[0])).containsExactly(
                ImportError.ofFile("Файл пустой (0 байт): выберите заполненную книгу Excel (.xlsx)."));
    }

    @Test
    void aWorkbookWithoutSheetsIsRefused() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        assertThat(imports.rejected(tver, ImportWorkbooks.bytes(workbook)))
                .containsExactly(ImportError.ofFile("В книге нет ни одного листа."));
    }
}

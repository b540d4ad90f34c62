package ru.rsoko.vsoko.selfassessment;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.vsoko.selfassessment.ValuesWorkbookDriver.fill;
import static ru.rsoko.vsoko.selfassessment.ValuesWorkbookDriver.row;

/** Every wrong workbook is refused with the cell and what is wrong in Russian, and nothing is saved. */
@IntegrationTest
class ValuesImportRejectionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ValuesImportService imports;

    ValuesWorkbookDriver driver;
    VsokoWorkbookFixtures fixtures;
    CampaignView campaign;
    long school;
    byte[] template;

    @BeforeEach
    void setUp() throws Exception {
        driver = new ValuesWorkbookDriver(mvc, users, jdbc);
        fixtures = new VsokoWorkbookFixtures(frameworks, campaigns, jdbc, userDetails);
        campaign = fixtures.openCampaign("tver.coko", fixtures.smallFramework(fixtures.user("tver.coko").regionId()));
        school = driver.orgOf("sonkovo.school");
        template = driver.template("sonkovo.school", campaign.id());
    }

    /** The school's template with a valid answer in the first row and the change the test makes. */
    byte[] edited(Consumer<Sheet> change) {
        try (XSSFWorkbook workbook = ValuesWorkbookDriver.open(template)) {
            Sheet sheet = workbook.getSheet(ValuesWorkbook.SHEET);
            fill(sheet, school, "Н1.1", "да", "https://berezovskaya.example.ru/doc.pdf");
            change.accept(sheet);
            return ValuesWorkbookDriver.bytes(workbook);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int rowOf(String code) {
        try (XSSFWorkbook workbook = ValuesWorkbookDriver.open(template)) {
            return row(workbook.getSheet(ValuesWorkbook.SHEET), school, code).getRowNum() + 1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<ImportError> rejected(byte[] file) throws Exception {
        return driver.rejected("sonkovo.school", campaign.id(), file);
    }

    @Test
    void aWorkbookThatIsNotTheTemplate() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook random = new XSSFWorkbook()) {
            Row row = random.createSheet("Лист1").createRow(0);
            row.createCell(0).setCellValue("Школа");
            row.createCell(1).setCellValue("Показатель");
            random.write(out);
        }
        assertThat(rejected(out.toByteArray())).containsExactly(ImportError.ofFile(
                "Это не тот шаблон: файл не является шаблоном значений показателей ВСОКО из РСОКО. Скачайте шаблон на этой "
                        + "странице, заполните столбцы «Значение» и «Ссылка на подтверждение» и загрузите его."));
    }

    @Test
    void theTemplateOfAnotherCampaign() throws Exception {
        byte[] other = edited(s -> { });
        CampaignView next = fixtures.openCampaign("tver.coko", fixtures.smallFramework(fixtures.user("tver.coko").regionId()));
        assertThat(driver.rejected("sonkovo.school", next.id(), other)).containsExactly(ImportError.ofFile(
                "Это не тот шаблон: он скачан для другой кампании (№ " + campaign.id() + "), а загрузка идёт в кампанию «"
                        + next.name() + "». Скачайте шаблон этой кампании."));
    }

    @Test
    void aMissingColumn() throws Exception {
        assertThat(rejected(edited(s -> ValuesWorkbookDriver.set(s.getRow(1), ValuesWorkbook.VALUE, "Ответ"))))
                .containsExactly(new ImportError(2, null, "Это не тот шаблон: нет столбца «Значение». Не меняйте заголовки "
                        + "шаблона; скачайте шаблон заново."));
    }

    @Test
    void anUnknownIndicatorCodeWithAValue() throws Exception {
        byte[] file = edited(s -> {
            Row row = row(s, school, "Н1.2");
            ValuesWorkbookDriver.set(row, ValuesWorkbook.CODE, "Н9.9");
            ValuesWorkbookDriver.set(row, ValuesWorkbook.VALUE, 4);
        });
        assertThat(rejected(file)).containsExactly(new ImportError(rowOf("Н1.2"), "Код показателя",
                "нет показателя с кодом «Н9.9» в наборе показателей кампании"));
    }

    @Test
    void aValueOfTheWrongType() throws Exception {
        assertThat(rejected(edited(s -> fill(s, school, "Н1.2", "много", null)))).containsExactly(
                new ImportError(rowOf("Н1.2"), "Значение", "Н1.2: ожидается число, а не «много»"));
    }

    @Test
    void aPercentageOf140() throws Exception {
        assertThat(rejected(edited(s -> fill(s, school, "Н2.1", 140, null)))).containsExactly(
                new ImportError(rowOf("Н2.1"), "Значение", "Н2.1: процент должен быть от 0 до 100, а не 140"));
    }

    @Test
    void aMalformedLink() throws Exception {
        assertThat(rejected(edited(s -> fill(s, school, "Н2.2", "да", "www.berezovskaya.ru/doc.pdf")))).containsExactly(
                new ImportError(rowOf("Н2.2"), "Ссылка на подтверждение",
                        "Н2.2: ссылка должна начинаться с http:// или https:// и вести на сайт: «www.berezovskaya.ru/doc.pdf»"));
    }

    @Test
    void aFormula() throws Exception {
        assertThat(rejected(edited(s -> row(s, school, "Н1.2").getCell(ValuesWorkbook.VALUE).setCellFormula("2+3"))))
                .containsExactly(new ImportError(rowOf("Н1.2"), "Значение",
                        "в ячейке формула «=2+3»: формулы не принимаются, вставьте значение"));
    }

    @Test
    void anErrorAfterValuesWereWrittenInChunksWritesNothing() throws Exception {
        // a value a chunk: the rows before the wrong one are already written when it is read, and roll back with it
        imports.chunk = 1;
        try {
            byte[] file = edited(s -> {
                fill(s, school, "Н1.2", 4, null);
                fill(s, school, "Н2.1", 140, null);
                fill(s, school, "Н2.2", "да", null);
            });
            assertThat(rejected(file)).containsExactly(
                    new ImportError(rowOf("Н2.1"), "Значение", "Н2.1: процент должен быть от 0 до 100, а не 140"));
            byte[] right = edited(s -> {
                fill(s, school, "Н1.2", 4, null);
                fill(s, school, "Н2.1", 40, null);
            });
            assertThat(driver.accepted("sonkovo.school", campaign.id(), right))
                    .isEqualTo(new ValuesImportService.Summary(1, 1, 3));
            assertThat(jdbc.queryForObject("""
                    select count(*) from vsoko_value v join vsoko_submission s on s.id = v.submission_id
                    where s.campaign_id = ? and s.school_id = ? and v.value is not null""", Long.class, campaign.id(), school))
                    .isEqualTo(3L);
        } finally {
            imports.chunk = ValuesWriter.CHUNK;
        }
    }

    @Test
    void theSameSchoolAndIndicatorTwice() throws Exception {
        int[] copyRow = {0};
        byte[] file = edited(s -> {
            Row copy = s.createRow(s.getLastRowNum() + 1);
            copyRow[0] = copy.getRowNum() + 1;
            copy.createCell(ValuesWorkbook.SCHOOL_ID).setCellValue(school);
            copy.createCell(ValuesWorkbook.CODE).setCellValue("Н1.1");
            copy.createCell(ValuesWorkbook.VALUE).setCellValue("нет");
        });
        assertThat(rejected(file)).containsExactly(new ImportError(copyRow[0], "Код показателя",
                "Н1.1: эта школа и этот показатель уже есть в строке " + rowOf("Н1.1") + " — оставьте одну строку"));
    }

    @Test
    void anEmptyFile() throws Exception {
        assertThat(rejected(new byte[0])).containsExactly(
                ImportError.ofFile("Файл пустой (0 байт): выберите заполненную книгу Excel (.xlsx)."));
    }

    @Test
    void aCorruptedFile() throws Exception {
        byte[] cut = Arrays.copyOf(edited(s -> { }), template.length / 2);
        assertThat(rejected(cut)).containsExactly(ImportError.ofFile(
                "Файл повреждён или не является книгой Excel (.xlsx). Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)»."));
    }
}

package ru.rsoko.vsoko.selfassessment;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.platform.spreadsheet.XlsxReader;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.Answers;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkRepository;
import ru.rsoko.vsoko.framework.Indicator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region's workbook of 1,000 schools × 189 indicators — 189,000 values — is checked and saved in seconds. It runs
 * in its own JVM with a heap of 512 MB (the «heavy» surefire execution of the pom), so streaming is what makes it pass.
 */
@Tag("heavy")
@IntegrationTest
class ValuesImportHeavyTest {

    static final int MUNICIPALITIES = 10, SCHOOLS_EACH = 100, DIRECTIONS = 7, PER_DIRECTION = 27;

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
    Fixtures fixtures;
    @Autowired
    OrgUnitService directory;

    /** What the test types for a school and an indicator: every kind of answer, and links where required. */
    static Object answer(Indicator indicator, int school, int position) {
        int k = school + position;
        return switch (indicator.getValueType()) {
            case YES_NO -> k % 3 == 0 ? "нет" : "да";
            case NUMBER -> k % 25;
            case PERCENT -> k % 101;
            case CHOICE -> indicator.getOptions().get(k % 3).getLabel();
        };
    }

    static String link(Indicator indicator, long schoolId, int position) {
        return indicator.isEvidenceRequired() || position % 5 == 0
                ? "https://school" + schoolId + ".example.ru/vsoko/doc" + position + ".pdf" : null;
    }

    @Test
    void aRegionsWorkbookOf189000ValuesUploadsWithin512Megabytes() throws Exception {
        System.out.println("heavy test heap: max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        VsokoWorkbookFixtures vsoko = new VsokoWorkbookFixtures(frameworks, campaigns, jdbc, userDetails);
        ValuesWorkbookDriver driver = new ValuesWorkbookDriver(mvc, users, jdbc);
        VsokoWorkbookFixtures.TestRegion region = vsoko.region(MUNICIPALITIES, SCHOOLS_EACH);
        String keeper = fixtures.newAccount(Role.REGION, directory.get(Scope.all(), region.regionId())).username();
        jdbc.update("update user_account set must_change_password = false where username = ?", keeper);
        CurrentUser user = vsoko.user(keeper);
        Framework framework = vsoko.bigFramework(region.regionId(), DIRECTIONS, PER_DIRECTION);
        CampaignView campaign = vsoko.openCampaign(user, framework);
        List<Indicator> indicators = jdbc.query("select id from vsoko_indicator where framework_id = ? order by id",
                (rs, n) -> rs.getLong(1), framework.getId()).stream()
                .map(id -> framework.indicators().stream().filter(i -> i.getId().equals(id)).findFirst().orElseThrow())
                .toList();
        assertThat(indicators).hasSize(189);
        assertThat(campaigns.participants(campaign.id())).isEqualTo(1000L);

        // the CPU time of this thread beside the wall-clock time: MockMvc answers on it, and on a shared machine the
        // wall clock of one phase may include another process's load that the other phase did not see
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        byte[] template = driver.template(keeper, campaign.id());
        long templateMillis = (System.nanoTime() - started) / 1_000_000;
        long templateCpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        // the template's first school, read with the import's own reader (reading all of it back would double the test)
        List<String> firstSchool = new java.util.ArrayList<>();
        try {
            XlsxReader.read(new ByteArrayInputStream(template), ValuesWorkbook.SHEET, row -> {
                if (row.number() > 2 + 189) {
                    throw new IllegalStateException("enough");
                }
                firstSchool.add(row.cell(ValuesWorkbook.SCHOOL_ID).value() + " " + row.cell(ValuesWorkbook.CODE).value());
            });
        } catch (IllegalStateException enough) {
            // stopped after the first school
        }
        assertThat(firstSchool).hasSize(2 + 189);
        assertThat(firstSchool.get(0)).as("the marker row").startsWith(ValuesWorkbook.MARKER);
        String first = firstSchool.get(2).split(" ")[0];
        assertThat(region.schoolIds()).contains(Long.valueOf(first));
        assertThat(firstSchool.subList(2, firstSchool.size())).as("every indicator of the first school")
                .allMatch(line -> line.startsWith(first + " ")).doesNotHaveDuplicates();

        byte[] workbook = workbook(campaign, framework, region.schoolIds(), indicators);
        cpu = threads.getCurrentThreadCpuTime();
        started = System.nanoTime();
        int rawBytes = rawTemplate(region.schoolIds(), indicators);
        long rawMillis = (System.nanoTime() - started) / 1_000_000;
        long rawCpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        System.out.printf("template of 189,000 rows: %d ms, %d KB; a raw SXSSF write of the same cells from memory: %d ms, "
                + "%d KB; upload workbook %d KB%n", templateMillis, template.length / 1024, rawMillis, rawBytes / 1024,
                workbook.length / 1024);
        System.out.printf("CPU of the test's thread: template %d ms (the database's own work not included), raw write %d ms%n",
                templateCpuMillis, rawCpuMillis);

        started = System.nanoTime();
        ValuesImportService.Summary summary = driver.accepted(keeper, campaign.id(), workbook);
        long uploadMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("upload of 189,000 values: %d ms%n", uploadMillis);
        assertThat(summary).isEqualTo(new ValuesImportService.Summary(1000, 1000, 189_000));
        // its time is printed, not asserted: speed is shown by the benchmark (the machines are shared); what this test
        // holds is that the whole upload is read, checked and saved within a 512 MB heap

        // every value stored as typed, with the points its indicator gives it
        Map<Long, Integer> schoolIndex = new HashMap<>();
        for (int s = 0; s < region.schoolIds().size(); s++) {
            schoolIndex.put(region.schoolIds().get(s), s);
        }
        Map<Long, Integer> position = new HashMap<>();
        Map<Long, Indicator> byId = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            position.put(indicators.get(i).getId(), i);
            byId.put(indicators.get(i).getId(), indicators.get(i));
        }
        AtomicLong checked = new AtomicLong();
        jdbc.query("""
                select s.school_id, v.indicator_id, v.value, v.points, v.evidence_url, s.status
                from vsoko_value v join vsoko_submission s on s.id = v.submission_id where s.campaign_id = ?""", rs -> {
            long schoolId = rs.getLong(1);
            Indicator indicator = byId.get(rs.getLong(2));
            int p = position.get(indicator.getId());
            BigDecimal expected = Answers.read(indicator, String.valueOf(answer(indicator, schoolIndex.get(schoolId), p)));
            assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(expected);
            assertThat(rs.getBigDecimal(4)).isEqualByComparingTo(indicator.pointsFor(expected));
            assertThat(rs.getString(5)).isEqualTo(link(indicator, schoolId, p));
            assertThat(rs.getString(6)).isEqualTo("IN_PROGRESS");
            checked.incrementAndGet();
        }, campaign.id());
        assertThat(checked.get()).isEqualTo(189_000L);
        assertThat(jdbc.queryForObject("""
                select count(*) from vsoko_submission_event e join vsoko_submission s on s.id = e.submission_id
                where s.campaign_id = ? and e.action = 'UPLOADED' and e.detail = 'загружено из Excel: изменено 189 значений'""",
                Long.class, campaign.id())).isEqualTo(1000L);
    }

    /** The template's cells written with plain SXSSF from memory, no database and no styles: what the template is compared to. */
    static int rawTemplate(List<Long> schools, List<Indicator> indicators) throws Exception {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = book.createSheet(ValuesWorkbook.SHEET);
            int r = 0;
            for (int s = 0; s < schools.size(); s++) {
                for (Indicator indicator : indicators) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(schools.get(s));
                    row.createCell(1).setCellValue("МОУ «СОШ № " + s + "» района");
                    row.createCell(2).setCellValue("Район");
                    row.createCell(3).setCellValue(indicator.getDirection().getCode());
                    row.createCell(4).setCellValue(indicator.getCode());
                    row.createCell(5).setCellValue(indicator.getWording());
                    row.createCell(6).setCellValue("да / нет");
                    row.createCell(7);
                    row.createCell(8);
                    row.createCell(9).setCellValue("нет");
                }
            }
            book.write(out);
            return out.size();
        }
    }

    /** The region's workbook as the template lays it out, every cell filled, written streamed as the product does. */
    static byte[] workbook(CampaignView campaign, Framework framework, List<Long> schools, List<Indicator> indicators) throws Exception {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet(ValuesWorkbook.SHEET);
            Row marker = sheet.createRow(0);
            marker.createCell(0).setCellValue(ValuesWorkbook.MARKER);
            marker.createCell(ValuesWorkbook.CAMPAIGN_CELL).setCellValue(campaign.id());
            marker.createCell(ValuesWorkbook.FRAMEWORK_CELL).setCellValue(framework.getId());
            Row header = sheet.createRow(1);
            for (int c = 0; c < ValuesWorkbook.HEADERS.size(); c++) {
                header.createCell(c).setCellValue(ValuesWorkbook.HEADERS.get(c));
            }
            int r = 2;
            for (int s = 0; s < schools.size(); s++) {
                for (int i = 0; i < indicators.size(); i++) {
                    Indicator indicator = indicators.get(i);
                    Row row = sheet.createRow(r++);
                    row.createCell(ValuesWorkbook.SCHOOL_ID).setCellValue(schools.get(s));
                    row.createCell(ValuesWorkbook.SCHOOL).setCellValue("Школа " + s);
                    row.createCell(ValuesWorkbook.CODE).setCellValue(indicator.getCode());
                    Object answer = answer(indicator, s, i);
                    if (answer instanceof Integer n) {
                        row.createCell(ValuesWorkbook.VALUE).setCellValue(n);
                    } else {
                        row.createCell(ValuesWorkbook.VALUE).setCellValue((String) answer);
                    }
                    String link = link(indicator, schools.get(s), i);
                    if (link != null) {
                        row.createCell(ValuesWorkbook.LINK).setCellValue(link);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}

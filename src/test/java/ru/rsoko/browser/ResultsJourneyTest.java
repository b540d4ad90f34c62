package ru.rsoko.browser;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regional staff enter a ВПР's results from the product's workbook: they download the template, fill in one school's
 * mathematics in grade 5, upload it, see the report with a share they can check by hand, and open the school's page.
 */
@IntegrationTest
class ResultsJourneyTest {

    /** A year of Tver no other test plans in (2017–2019: other journeys, 2020–2022: demo data). */
    static final int YEAR = 2016;
    static final String SCHOOL = DemoOrganisations.SONKOVO_SCHOOL;

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    PlanFixtures plans;
    @Autowired
    Fixtures fixtures;

    static Plan plan;
    static Procedure vpr;

    @BeforeEach
    void approvedPlanWithVpr() {
        if (plan == null) {
            plan = plans.plan(fixtures.org(DemoOrganisations.TVER).id(), YEAR, true);
            vpr = plans.vpr(plan, LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 21));
        }
    }

    private byte[] download(String href) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    @Test
    void regionalStaffUploadTheTemplateAndSeeTheReport() throws Exception {
        browser.loginAs("tver.coko");
        browser.open("/procedures/" + vpr.id() + "/results/upload");
        String href = browser.waitFor(By.id("template-link")).getDomProperty("href");
        long school = fixtures.org(SCHOOL).id();
        Path filled = Files.createTempFile("results", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(href)))) {
            boolean found = false;
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() >= 2 && (long) row.getCell(0).getNumericCellValue() == school
                        && row.getCell(3).getNumericCellValue() == 5 && "Математика".equals(row.getCell(4).getStringCellValue())) {
                    // 16 participants: «2» 2, «3» 6, «4» 5, «5» 3 — quality 8 of 16 = 50,0 %, «5» 3 of 16 = 18,8 %
                    double[] figures = {16, 2, 6, 5, 3, 13.5, 1, 14, 1};
                    for (int i = 0; i < figures.length; i++) {
                        row.getCell(5 + i).setCellValue(figures[i]);
                    }
                    found = true;
                }
            }
            assertThat(found).as("строка ОО, 5 класс, математика в шаблоне").isTrue();
            try (OutputStream out = Files.newOutputStream(filled)) {
                workbook.write(out);
            }
        }
        browser.chooseFile(By.id("file"), filled);
        browser.clickAndLoad(By.id("upload"));
        assertThat(browser.text(By.id("message"))).contains("добавлено — 1");
        assertThat(browser.text(By.id("procedure-title"))).isEqualTo(vpr.title());
        String region = browser.text(By.id("by-region"));
        assertThat(region).contains("Математика").contains("16").contains("50,0 %").contains("18,8 %");
        browser.clickAndLoad(By.linkText(fixtures.org(SCHOOL).name()));
        assertThat(browser.text(By.id("school-name"))).isEqualTo(fixtures.org(SCHOOL).name());
        assertThat(browser.text(By.id("results-" + YEAR))).contains("50,0 %").contains("рег.");
        Files.deleteIfExists(filled);
    }
}

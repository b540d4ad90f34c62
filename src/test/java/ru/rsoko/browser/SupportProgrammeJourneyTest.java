package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;

/**
 * The director of Берёзовская СОШ (on the 2021 ШНОР list) follows the school's support programme: sees its overdue
 * measures, reports one done with what was done, and sees it counted done; regional staff see the same in the regional
 * report of the year's ШНОР schools.
 */
@IntegrationTest
class SupportProgrammeJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Fixtures fixtures;

    @Test
    void theDirectorReportsAnOverdueMeasureDoneAndTheRegionSeesItCounted() {
        long school = fixtures.org(DemoOrganisations.SONKOVO_SCHOOL).id();
        browser.loginAs("sonkovo.school");
        browser.click(By.id("monitoring-menu"));
        browser.clickAndLoad(By.id("nav-support-programmes"));
        browser.open("/support-programmes?year=2021");
        browser.clickAndLoad(By.cssSelector("tr[data-school-id='" + school + "'] a.programme-link"));
        assertThat(browser.text(By.id("programme-title"))).contains("Берёзовская СОШ");
        assertThat(browser.text(By.id("programme-status"))).isEqualTo("Действует");

        int done = Integer.parseInt(browser.text(By.id("count-done")));
        int overdue = Integer.parseInt(browser.text(By.id("count-overdue")));
        List<WebElement> late = browser.all(By.cssSelector("#measure-table tr.table-danger"));
        assertThat(overdue).as("the demo programme has two overdue measures").isGreaterThanOrEqualTo(1);
        assertThat(late).hasSize(overdue);
        assertThat(late).allSatisfy(row -> assertThat(row.getText()).contains("просрочено"));

        // the first overdue measure: «Выполнено» today, with what was done
        String measure = late.getFirst().getDomAttribute("data-measure-id");
        String form = "//tr[@id='measure-" + measure + "']/following-sibling::tr[1]//details[contains(@class,'report-form')]";
        browser.click(By.xpath(form + "/summary"));
        browser.choose(By.xpath(form + "//select[@name='status']"), "Выполнено");
        browser.setDate(By.xpath(form + "//input[@name='doneOn']"), LocalDate.now(fixtures.org("Тверская область").zone()));
        browser.fill(By.xpath(form + "//textarea[@name='report']"), "Проведены два среза, результаты обсуждены на педсовете");
        browser.clickAndLoad(By.xpath(form + "//button[normalize-space(.)='Сохранить отчёт']"));

        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Отчёт о мере сохранён");
        assertThat(browser.text(By.id("count-done"))).isEqualTo(String.valueOf(done + 1));
        assertThat(browser.text(By.id("count-overdue"))).isEqualTo(String.valueOf(overdue - 1));
        assertThat(browser.text(By.id("measure-" + measure))).contains("Выполнено", "Проведены два среза")
                .doesNotContain("просрочено");
        assertThat(browser.text(By.id("history"))).contains("Проведены два среза");

        // regional staff see it counted in the report of 2021
        browser.loginAs("tver.coko");
        browser.open("/support-programmes?year=2021");
        String row = browser.text(By.cssSelector("tr[data-school-id='" + school + "']"));
        assertThat(row).contains("Берёзовская СОШ", "Действует");
        assertThat(browser.text(By.cssSelector("tr[data-school-id='" + school + "'] .measures-done")))
                .isEqualTo(String.valueOf(done + 1));
        assertThat(browser.text(By.cssSelector("tr[data-school-id='" + school + "'] .measures-overdue")))
                .isEqualTo(String.valueOf(overdue - 1));
        assertThat(browser.has(button("Скачать .xlsx"))).isTrue();
    }
}

package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.results.Subject;
import ru.rsoko.results.signs.ResultRows;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regional staff open the year's flags from the lists page, accept one school with a comment and dismiss another,
 * then find the accepted school on the list «Признаки необъективности» with its reasons as the basis.
 */
@IntegrationTest
class ObjectivityReviewJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanFixtures plans;
    @Autowired
    Fixtures fixtures;

    @Test
    void regionalStaffBuildTheNonObjectivityListFromTheFlags() {
        // a year of Tver no other test has results of: the region's share is these two schools' alone
        int year = PlanFixtures.freshYear();
        OrgUnit zarechnaya = fixtures.org("МОУ «Заречная СОШ»");
        OrgUnit berezovskaya = fixtures.org(DemoOrganisations.SONKOVO_SCHOOL);
        new ResultRows(jdbc, plans, fixtures.org(DemoOrganisations.TVER).id())
                .add(year, zarechnaya, Subject.MATHEMATICS, 5, 0, 0, 2, 10)   // «5» 83,3 % at 10 of 25 = 40 % in the region
                .add(year, berezovskaya, Subject.MATHEMATICS, 5, 0, 13, 0, 0)
                .add(year, berezovskaya, Subject.RUSSIAN, 6, 0, 12, 0, 0, 0, 9, 3); // повысили 25 %
        String reason = "доля «5» по математике 5 кл. 83,3 % при 40 % по региону";

        browser.loginAs("tver.coko");
        browser.open("/school-lists?year=" + year);
        browser.clickAndLoad(By.id("signs-link"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Признаки необъективности результатов ВПР " + year + " года");
        By zarechnayaRow = By.id("school-" + zarechnaya.id());
        By berezovskayaRow = By.id("school-" + berezovskaya.id());
        assertThat(browser.text(zarechnayaRow)).contains(reason);
        assertThat(browser.text(berezovskayaRow)).contains("доля «повысили» по русскому языку 6 кл. 25 % (порог 20 %)");

        browser.fill(By.cssSelector("#school-" + zarechnaya.id() + " input[name=comment]"), "Подтверждено перепроверкой работ");
        browser.clickAndLoad(By.cssSelector("#school-" + zarechnaya.id() + " button[value=ACCEPTED]"));
        assertThat(browser.text(By.cssSelector(".alert-success")))
                .isEqualTo("Школа включена в список «Признаки необъективности» " + year + " года");
        assertThat(browser.text(zarechnayaRow)).contains("В списке", "Включена в список", "Подтверждено перепроверкой работ");

        browser.fill(By.cssSelector("#school-" + berezovskaya.id() + " input[name=comment]"), "Повышение объяснено сменой учителя");
        browser.clickAndLoad(By.cssSelector("#school-" + berezovskaya.id() + " button[value=DISMISSED]"));
        assertThat(browser.text(berezovskayaRow)).contains("Не включать", "Повышение объяснено сменой учителя");
        assertThat(browser.rows(By.id("history"))).hasSize(2);

        browser.open("/school-lists?year=" + year + "&kind=NON_OBJECTIVE");
        assertThat(browser.rows(By.id("entries"))).singleElement().asString()
                .contains("Признаки необъективности", "МОУ «Заречная СОШ»", reason);
    }
}

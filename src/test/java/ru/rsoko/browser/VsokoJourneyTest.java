package ru.rsoko.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.VsokoFixtures;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.navLink;

/**
 * A director fills part of a direction of the school's ВСОКО self-assessment, comes back later to find it saved,
 * finishes and hands it in; the municipal officer sees it handed in.
 */
@IntegrationTest
class VsokoJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UserDetailsService users;
    @Autowired
    PlatformTransactionManager transactions;

    CampaignView campaign;

    @BeforeEach
    void openCampaign() {
        campaign = new VsokoFixtures(frameworks, campaigns, users, new TransactionTemplate(transactions)).openCampaign("tver.coko");
    }

    long indicator(String code) {
        return jdbc.queryForObject("select id from vsoko_indicator where framework_id = ? and code = ?", Long.class,
                campaign.framework().id(), code);
    }

    /** Types an answer and leaves the field, as a person does; waits until the form says it is saved. */
    void answer(String code, String text) {
        By input = By.id("value-" + indicator(code));
        browser.fill(input, text);
        browser.driver().findElement(input).sendKeys(Keys.TAB);
        saved(code);
    }

    void choose(String code, String option) {
        browser.choose(By.id("value-" + indicator(code)), option);
        saved(code);
    }

    void link(String code, String url) {
        By input = By.id("evidence-" + indicator(code));
        browser.fill(input, url);
        browser.driver().findElement(input).sendKeys(Keys.TAB);
        saved(code);
    }

    void saved(String code) {
        browser.waitForText(By.cssSelector("#form-" + indicator(code) + " .row-status"), "Сохранено");
        // the next change of this answer must go with the version the save returned
        browser.waitUntil("новая версия ответа " + code, d -> !d.findElement(By.id("version-" + indicator(code)))
                .getDomProperty("value").isEmpty());
    }

    @Test
    void aDirectorFillsPartComesBackFinishesAndHandsInAndTheMunicipalitySeesIt() {
        browser.loginAs("sonkovo.school");
        browser.clickAndLoad(navLink("ВСОКО"));
        assertThat(browser.text(By.id("campaigns"))).contains(campaign.name(), "не начата");
        browser.clickAndLoad(By.linkText(campaign.name()));
        assertThat(browser.text(By.id("school-name"))).isEqualTo("МОУ «Берёзовская СОШ»");
        assertThat(browser.text(By.id("overall-progress"))).isEqualTo("0 из 5");

        // part of the first direction; an answer without its required link is saved and said not to count;
        // a wrong percentage is refused in place and fixed
        browser.choose(By.id("value-" + indicator("1.01")), "да");
        browser.waitForText(By.cssSelector("#form-" + indicator("1.01") + " .row-status"), "не засчитан: нужна ссылка");
        By percent = By.id("value-" + indicator("1.02"));
        browser.fill(percent, "140");
        browser.driver().findElement(percent).sendKeys(Keys.TAB);
        browser.waitForText(By.cssSelector("#form-" + indicator("1.02") + " .row-status"), "процент должен быть от 0 до 100");
        answer("1.02", "85");
        assertThat(browser.text(By.id("overall-progress"))).as("1.01 still needs its link").isEqualTo("1 из 5");

        // later: everything typed is there
        browser.driver().navigate().refresh();
        browser.waitFor(By.id("overall-progress"));
        assertThat(browser.chosen(By.id("value-" + indicator("1.01")))).isEqualTo("да");
        assertThat(browser.value(percent)).isEqualTo("85");
        assertThat(browser.text(By.id("overall-progress"))).isEqualTo("1 из 5");

        link("1.01", "https://berezovka.example.ru/docs/vsoko.pdf");
        answer("1.03", "6");
        assertThat(browser.text(By.id("overall-progress"))).isEqualTo("3 из 5");
        browser.clickAndLoad(By.id("next-direction"));
        assertThat(browser.text(By.id("direction-title"))).startsWith("2.");
        choose("2.01", "частично");
        choose("2.02", "да");
        assertThat(browser.text(By.id("overall-progress"))).isEqualTo("5 из 5");

        browser.clickAndLoad(By.id("submit-submission"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Самооценка представлена");
        assertThat(browser.text(By.id("submission-status"))).isEqualTo("представлена");
        assertThat(browser.has(By.id("value-" + indicator("1.02")))).as("the form is locked").isFalse();
        assertThat(browser.has(By.id("submit-submission"))).isFalse();
        assertThat(browser.text(By.id("answer-" + indicator("1.03")))).isEqualTo("6");

        // the municipal officer sees it handed in among the municipality's schools
        browser.loginAs("sonkovo.mouo");
        browser.open("/vsoko/campaigns/" + campaign.id());
        assertThat(browser.text(By.id("count-SUBMITTED"))).isEqualTo("1");
        browser.clickAndLoad(By.id("all-submissions"));
        assertThat(browser.rows(By.id("submissions"))).filteredOn(row -> row.contains("Берёзовская"))
                .singleElement().asString().contains("5 из 5", "представлена");
        browser.clickAndLoad(By.linkText("МОУ «Берёзовская СОШ»"));
        assertThat(browser.text(By.id("answer-" + indicator("1.02")))).isEqualTo("85 %");
        assertThat(browser.has(By.id("return-submission"))).isTrue();
    }
}

package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.VsokoFixtures;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Ask once, sign off once: a director fills this year's self-assessment from last year's answers, confirms what did not
 * change and hands it in; the municipal officer approves it with another school's at once; regional staff accept both.
 * The campaigns are of 2032, so that no other campaign is «last year» for the school.
 */
@IntegrationTest
class VsokoSignOffJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    MockMvc mvc;
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

    long indicator(CampaignView campaign, String code) {
        return jdbc.queryForObject("select id from vsoko_indicator where framework_id = ? and code = ?", Long.class,
                campaign.framework().id(), code);
    }

    long school(String username) {
        return jdbc.queryForObject("select org_unit_id from user_account where username = ?", Long.class, username);
    }

    /** All five answers of the fixture's framework, through the API as the user fills them. */
    void answerAll(String username, CampaignView campaign, long school) throws Exception {
        long version = jdbc.queryForObject("select version from vsoko_submission where campaign_id = ? and school_id = ?",
                Long.class, campaign.id(), school);
        mvc.perform(put("/api/v1/vsoko/campaigns/" + campaign.id() + "/submissions/" + school).with(api(username))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"version": %d, "values": [
                                  {"code": "1.01", "value": "да", "evidenceUrl": "https://berezovka.example.ru/vsoko.pdf"},
                                  {"code": "1.02", "value": "80"}, {"code": "1.03", "value": "6"},
                                  {"code": "2.01", "value": "частично"}, {"code": "2.02", "value": "да"}]}""".formatted(version)))
                .andExpect(status().isOk());
    }

    @Test
    void aDirectorPrefillsConfirmsAndHandsInTheMunicipalityApprovesTwoAtOnceAndTheRegionAcceptsThem() throws Exception {
        VsokoFixtures vsoko = new VsokoFixtures(frameworks, campaigns, users, new TransactionTemplate(transactions));
        CampaignView lastYear = vsoko.openCampaign("tver.coko", 2032, LocalDate.of(2032, 9, 1), false);
        CampaignView current = vsoko.openCampaign("tver.coko", 2032, LocalDate.of(2032, 10, 1), true);
        long berezovka = school("sonkovo.school");
        answerAll("sonkovo.school", lastYear, berezovka);
        // another school of Сонковский, filled and handed in by the municipality
        long other = jdbc.queryForObject("""
                select s.school_id from vsoko_submission s where s.campaign_id = ? and s.school_id <> ?
                  and s.municipality_id = (select municipality_id from vsoko_submission where campaign_id = ? and school_id = ?)
                order by s.school_id limit 1""", Long.class, current.id(), berezovka, current.id(), berezovka);
        answerAll("sonkovo.mouo", current, other);
        mvc.perform(post("/api/v1/vsoko/campaigns/" + current.id() + "/submissions/" + other + "/submit")
                .param("version", String.valueOf(jdbc.queryForObject(
                        "select version from vsoko_submission where campaign_id = ? and school_id = ?", Long.class, current.id(), other)))
                .with(api("sonkovo.mouo"))).andExpect(status().isOk());

        // the director fills the form from last year's answers: nothing typed again, nothing handed in by itself
        browser.loginAs("sonkovo.school");
        browser.open("/vsoko/campaigns/" + current.id() + "/submissions/" + berezovka);
        assertThat(browser.text(By.id("overall-progress"))).isEqualTo("0 из 5");
        assertThat(browser.has(By.cssSelector("#submit-submission[disabled]"))).as("nothing to hand in yet").isTrue();
        browser.clickAndLoad(By.id("prefill-submission"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).startsWith("Заполнено из прошлых ответов: 5 показателей");
        assertThat(browser.text(By.id("unconfirmed-count"))).contains("5 ответов");
        assertThat(browser.text(By.id("overall-progress"))).as("copied answers count once confirmed").isEqualTo("0 из 5");
        assertThat(browser.all(By.cssSelector(".prefilled-mark"))).hasSize(3);
        assertThat(browser.value(By.id("value-" + indicator(current, "1.02")))).isEqualTo("80");

        // one answer changed this year; one confirmed by its button; the rest of each direction at once
        By percent = By.id("value-" + indicator(current, "1.02"));
        browser.fill(percent, "90");
        browser.driver().findElement(percent).sendKeys(org.openqa.selenium.Keys.TAB);
        browser.waitForText(By.cssSelector("#form-" + indicator(current, "1.02") + " .row-status"), "Сохранено");
        browser.click(By.id("confirm-" + indicator(current, "1.01")));
        browser.waitForText(By.cssSelector("#form-" + indicator(current, "1.01") + " .row-status"), "Сохранено");
        browser.waitUntil("отметка подтверждённого ответа снята", d -> d.findElements(By.id("confirm-" + indicator(current, "1.01"))).isEmpty());
        assertThat(browser.text(By.id("overall-progress"))).isEqualTo("2 из 5");
        browser.clickAndLoad(By.id("confirm-direction"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Подтверждено: 1 ответ");
        browser.clickAndLoad(By.id("next-direction"));
        browser.clickAndLoad(By.id("confirm-direction"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Подтверждено: 2 ответа");
        assertThat(browser.text(By.id("overall-progress"))).isEqualTo("5 из 5");
        assertThat(browser.has(By.id("missing-summary"))).isFalse();
        browser.clickAndLoad(By.id("submit-submission"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Самооценка представлена");
        assertThat(browser.text(By.id("awaits-approval"))).isEqualTo("ждёт согласования муниципалитета");

        // the municipal officer approves both handed-in self-assessments at once
        browser.loginAs("sonkovo.mouo");
        browser.open("/vsoko/campaigns/" + current.id() + "/submissions?status=SUBMITTED");
        browser.click(By.id("tick-" + berezovka));
        browser.click(By.id("tick-" + other));
        browser.clickAndLoad(By.id("bulk-approve"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Согласовано: 2 самооценки");
        browser.open("/vsoko/campaigns/" + current.id() + "/submissions?status=APPROVED");
        assertThat(browser.rows(By.id("submissions"))).hasSize(2)
                .allSatisfy(row -> assertThat(row).contains("согласована муниципалитетом", "5 из 5"));

        // regional staff see the stage per municipality and accept both
        browser.loginAs("tver.coko");
        browser.open("/vsoko/campaigns/" + current.id());
        assertThat(browser.rows(By.id("municipality-progress"))).filteredOn(row -> row.startsWith("Сонковский"))
                .singleElement().asString().contains("ждут приёма регионом — 2");
        browser.open("/vsoko/campaigns/" + current.id() + "/submissions?status=APPROVED");
        browser.click(By.id("tick-all"));
        browser.clickAndLoad(By.id("bulk-accept"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Принято: 2 самооценки");
        assertThat(jdbc.queryForList("select status from vsoko_submission where campaign_id = ? and school_id in (?, ?)",
                String.class, current.id(), berezovka, other)).containsOnly("ACCEPTED");
    }
}

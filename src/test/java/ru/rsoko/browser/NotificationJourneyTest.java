package ru.rsoko.browser;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.browser.Browser.button;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Regional staff send a signed protocol with a decision for the schools of Сонковский округ; the director of
 * Берёзовская sees the bell count it without reloading, opens the notifications page, follows the notification to
 * the decision addressed to the school, finds it read afterwards, and chooses that deadline reminders stay in the
 * app.
 */
@IntegrationTest
class NotificationJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void aSentProtocolRingsTheDirectorsBellAndLeadsToTheDecision() throws Exception {
        ZoneId tver = ZoneId.of("Europe/Moscow");
        String title = Fixtures.unique("Совещание о колокольчике");
        long sonkovo = fixtures.org(DemoOrganisations.SONKOVO).id();
        String due = LocalDate.now(tver).plusDays(14).toString();
        String created = mvc.perform(post("/api/v1/meetings").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title": "%s", "date": "%s", "kind": "SEMINAR_MEETING",
                         "decisions": [{"number": "1", "text": "Обсудить результаты ВПР на педагогическом совете.",
                           "responsibleParties": [{"kind": "SCHOOLS_OF", "orgUnitId": %d}],
                           "deadline": {"kind": "BY_DATE", "dueDate": "%s", "originalText": "до %s"}}]}"""
                        .formatted(title, LocalDate.now(tver), sonkovo, due, due)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long meeting = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/meetings/{id}/sign", meeting).with(api("tver.coko"))
                .param("version", String.valueOf(((Number) JsonPath.read(created, "$.version")).longValue())))
                .andExpect(status().isOk());

        browser.loginAs("tver.coko");
        browser.open("/meetings/" + meeting);
        String question = browser.clickAndConfirm(By.id("send-protocol"));
        assertThat(question).startsWith("Направить протокол?");
        assertThat(browser.text(By.cssSelector(".alert-success"))).startsWith("Протокол направлен");
        browser.logout();

        browser.loginAs("sonkovo.school");
        // the bell is filled in by htmx after the page has loaded
        String count = browser.waitFor(By.id("bell-count")).getText();
        assertThat(count).matches("\\d+|99\\+");
        browser.clickAndLoad(By.id("notification-bell"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Уведомления");
        By item = By.xpath("//div[contains(@class,'list-group-item')][.//span[contains(., '" + title + "')]]");
        assertThat(browser.text(item)).contains("Решения для вашей организации").contains("новое")
                .contains("ответственный за 1 решение");
        browser.clickAndLoad(By.xpath("//div[contains(@class,'list-group-item')][.//span[contains(., '" + title + "')]]"
                + "//button[normalize-space()='Открыть']"));
        assertThat(browser.currentPath()).startsWith("/executions/");
        assertThat(browser.text(By.tagName("body"))).contains("Обсудить результаты ВПР на педагогическом совете.");

        browser.open("/notifications?unread=true");
        assertThat(browser.has(item)).as("the notification opened is read").isFalse();

        browser.clickAndLoad(By.id("notification-settings-link"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Настройки уведомлений");
        assertThat(browser.isChecked(By.id("email-DEADLINE_SOON"))).isTrue();
        browser.click(By.id("email-DEADLINE_SOON"));
        browser.choose(By.id("digestDay"), "по пятницам");
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Настройки уведомлений сохранены");
        assertThat(browser.isChecked(By.id("email-DEADLINE_SOON"))).isFalse();
        assertThat(browser.chosen(By.id("digestDay"))).isEqualTo("по пятницам");
    }
}

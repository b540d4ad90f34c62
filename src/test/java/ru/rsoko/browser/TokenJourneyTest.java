package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static ru.rsoko.browser.Browser.button;

/**
 * The director of Калининский's school makes a token for the school's journal from the user menu, copies it (it is
 * shown once), the journal calls the API with it; later the director revokes it and the API refuses it.
 */
@IntegrationTest
class TokenJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    MockMvc mvc;

    @Test
    void aDirectorMakesATokenOnTheProfileAndRevokesIt() throws Exception {
        browser.loginAs("kalinin.school");
        browser.click(By.cssSelector("nav .user-menu"));
        browser.clickAndLoad(By.id("nav-tokens"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Токены доступа к API");

        browser.fill(By.id("name"), "Электронный журнал");
        LocalDate lastDay = LocalDate.now(ZoneId.of("Europe/Moscow")).plusMonths(6);
        browser.setDate(By.id("expiresOn"), lastDay);
        browser.clickAndLoad(button("Создать токен"));

        assertThat(browser.text(By.id("issued-token"))).contains("Скопируйте сейчас, больше он показан не будет");
        String token = browser.value(By.id("token-value"));
        assertThat(token).startsWith("rsoko_");
        assertThat(status(token)).isEqualTo(200);
        By row = By.xpath("//table[@id='tokens']//tr[.//td[normalize-space()='Электронный журнал']]");
        assertThat(browser.text(row)).contains("действует")
                .contains("по " + ru.rsoko.platform.web.Formats.DATE.format(lastDay)).contains(token.substring(0, 10));

        // shown once: opened again, the page has the token in its list but not the token itself
        browser.open("/me/tokens");
        assertThat(browser.has(By.id("token-value"))).isFalse();
        assertThat(browser.driver().getPageSource()).doesNotContain(token);

        String question = browser.clickAndConfirm(By.xpath(
                "//table[@id='tokens']//tr[.//td[normalize-space()='Электронный журнал']]//button[normalize-space()='Отозвать']"));
        assertThat(question).startsWith("Отозвать токен «Электронный журнал»?");
        assertThat(browser.text(By.cssSelector(".alert-success"))).contains("Токен «Электронный журнал» отозван");
        assertThat(browser.text(row)).contains("отозван").contains("kalinin.school");
        assertThat(status(token)).isEqualTo(401);
    }

    private int status(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getStatus();
    }
}

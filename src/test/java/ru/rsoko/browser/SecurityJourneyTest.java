package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import ru.rsoko.access.Role;
import ru.rsoko.account.domain.Account;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;

/**
 * Someone guesses a director's password: after a few wrong ones the sign-in from that address waits. The region's
 * administrator finds the attempts in the security log and the throttled sign-in under «Ограничения входа», and
 * releases it; the director signs in and sees the failed attempts on their own page.
 */
@IntegrationTest
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class SecurityJourneyTest {

    private static final String PASSWORD = "Verno-Parol-2026";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void wrongPasswordsAreThrottledTheAdministratorReleasesThemAndTheOwnerSeesTheAttempts() {
        Account director = fixtures.newAccount(Role.SCHOOL, fixtures.org(fixtures.account("kalinin.school").orgUnitId()));
        jdbc.update("update user_account set password_hash = ?, must_change_password = false where id = ?",
                encoder.encode(PASSWORD), director.id());

        String message = "";
        for (int attempt = 1; attempt <= 8 && !message.contains("Слишком много"); attempt++) {
            browser.login(director.username(), "podbor-" + attempt);
            message = browser.text(By.id("login-error"));
        }
        assertThat(message).startsWith("Слишком много неудачных попыток с этого адреса. Повторите через");
        // while throttled, even the right password waits: the same address
        browser.login(director.username(), PASSWORD);
        assertThat(browser.text(By.id("login-error"))).startsWith("Слишком много неудачных попыток");

        browser.loginAs("tver.admin");
        browser.clickAndLoad(By.id("nav-security"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Журнал безопасности");
        assertThat(browser.text(By.id("security-events"))).contains(director.username()).contains("Неудачный вход");

        browser.clickAndLoad(button("Ограничения входа"));
        By row = By.xpath("//table[@id='throttled']//tr[.//a[contains(., '" + director.username() + "')]]");
        // the browser's own address (127.0.0.1 or ::1, as the machine resolves localhost)
        String address = browser.text(By.xpath("//table[@id='throttled']//tr[.//a[contains(., '" + director.username()
                + "')]]//code"));
        assertThat(address).isNotBlank();
        browser.clickAndLoad(By.xpath("//table[@id='throttled']//tr[.//a[contains(., '" + director.username()
                + "')]]//button[normalize-space()='Снять']"));
        assertThat(browser.text(By.cssSelector(".alert-success")))
                .contains("Ограничение входа «" + director.username() + "» с адреса " + address + " снято");
        assertThat(browser.has(row)).isFalse();
        browser.logout();

        browser.login(director.username(), PASSWORD);
        browser.waitFor(By.id("home-org"));
        browser.open("/me/tokens");
        assertThat(browser.text(By.id("failed-logins"))).contains("Неудачные попытки входа за 30 дней")
                .contains(address).contains("приостанавливался");
    }
}

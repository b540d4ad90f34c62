package ru.rsoko.account.domain;

import ru.rsoko.access.Scope;
import ru.rsoko.access.Role;
import ru.rsoko.access.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;
import ru.rsoko.support.WebClientSession;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LoginTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccountService accounts;
    @Autowired
    OrgUnitService directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    AccountUserDetailsService details;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSignedInPersonsSessionIsKeptInPostgreSql() {
        WebClientSession browser = new WebClientSession(port);
        assertThat(browser.login("kalinin.mouo", "demo")).endsWith("/");
        assertThat(browser.get("/").body()).contains("Калининский муниципальный округ");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'kalinin.mouo'", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("select last_login_at is not null from user_account where username = 'kalinin.mouo'", Boolean.class))
                .isTrue();

        browser.post("/logout", Map.of());
        assertThat(browser.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aWrongPasswordIsToldInRussian() {
        WebClientSession browser = new WebClientSession(port);
        assertThat(browser.login("sonkovo.mouo", "неверно")).endsWith("/login?error=bad");
        assertThat(browser.get("/login?error=bad").body()).contains("Неверное имя пользователя или пароль.");
    }

    @Test
    void repeatedFailuresThrottleTheAddressNotTheAccount() throws Exception {
        // issue 15: the hard lock is gone; LoginThrottleTest has the whole story
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        String username = account.username();
        String realPassword = resetTo(account, "Verno-12345");
        WebClientSession browser = new WebClientSession(port);
        for (int i = 0; i < 5; i++) {
            browser.login(username, "not-the-password");
        }
        Account after = fixtures.account(username);
        assertThat(after.failedAttempts()).isZero();
        assertThat(after.lockedUntil()).isNull();

        // this address is throttled, and told so in words about the address
        assertThat(browser.login(username, realPassword)).contains("/login?error=throttled");
        assertThat(browser.get("/login?error=throttled&minutes=1").body())
                .contains("Слишком много неудачных попыток с этого адреса. Повторите через 1 мин.");

        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, realPassword)))
                .andExpect(status().isOk());
    }

    @Test
    void anAdministratorLiftsAThrottling() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), "wrong-password")));
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), "wrong-password")))
                .andExpect(status().isTooManyRequests());
        accounts.unlock(Scope.all(), account.id());
        mvc.perform(get("/api/v1/me").with(httpBasic(account.username(), "wrong-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledAccountAndAnAccountOfADeactivatedOrganisationCannotSignIn() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        String password = resetTo(account, "Verno-12345");
        Account current = fixtures.account(account.username());
        CurrentUser actor = details.loadUserByUsername("admin");
        accounts.setEnabled(Scope.all(), current.id(), false, current.version(), actor);
        WebClientSession browser = new WebClientSession(port);
        assertThat(browser.login(account.username(), password)).endsWith("/login?error=disabled");
        assertThat(browser.get("/login?error=disabled").body()).contains("отключена");

        OrgUnit school = fixtures.newSchool(fixtures.org("Бежецкий муниципальный округ"));
        Account other = fixtures.newAccount(Role.SCHOOL, school);
        String otherPassword = resetTo(other, "Verno-67890");
        directory.setActive(Scope.all(), school.id(), false, school.version());
        mvc.perform(get("/api/v1/me").with(httpBasic(other.username(), otherPassword)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Учётная запись отключена"));
    }

    @Test
    void disablingAnAccountEndsItsSessions() {
        Account account = fixtures.newAccount(Role.MUNICIPALITY, fixtures.org("Кашинский городской округ"));
        String password = resetTo(account, "Verno-12345");
        WebClientSession browser = new WebClientSession(port);
        browser.login(account.username(), password);
        changeOwnPassword(browser, password, "Svoi-parol-1");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        Account current = fixtures.account(account.username());
        accounts.setEnabled(Scope.all(), current.id(), false, current.version(),
                details.loadUserByUsername("admin"));
        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aTemporaryPasswordMustBeReplacedBeforeAnythingElse() {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Сосновская СОШ»"));
        String temporary = accounts.resetPassword(Scope.all(), account.id(), null);
        WebClientSession browser = new WebClientSession(port);
        browser.login(account.username(), temporary);
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account/password"));
        assertThat(browser.get("/account/password").body()).contains("Вы вошли с временным паролем");

        HttpResponse<String> tooShort = browser.post("/account/password",
                Map.of("current", temporary, "password", "short", "repeat", "short"));
        assertThat(tooShort.body()).contains("Пароль — не короче 8 символов");
        HttpResponse<String> mismatch = browser.post("/account/password",
                Map.of("current", temporary, "password", "Svoi-parol-1", "repeat", "Svoi-parol-2"));
        assertThat(mismatch.body()).contains("Пароли не совпадают");

        changeOwnPassword(browser, temporary, "Svoi-parol-1");
        assertThat(browser.get("/").body()).contains("МОУ «Сосновская СОШ»");
    }

    @Test
    void aPageFormWithoutTheCsrfTokenIsRefused() {
        WebClientSession browser = new WebClientSession(port);
        browser.login("admin", "demo");
        HttpResponse<String> forged = browser.post("/directory/1/deactivate", Map.of("_csrf", "forged", "version", "0"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private void changeOwnPassword(WebClientSession browser, String current, String next) {
        browser.get("/account/password");
        HttpResponse<String> changed = browser.post("/account/password", Map.of("current", current, "password", next, "repeat", next));
        assertThat(changed.statusCode()).isEqualTo(302);
    }

    private String resetTo(Account account, String password) {
        accounts.resetPassword(Scope.all(), account.id(), password);
        return password;
    }
}

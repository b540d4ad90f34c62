package ru.rsoko.account.domain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 15: a stranger who knows a login cannot keep its owner out. Failures are throttled per (login, address) with
 * growing waits and per address; the owner's own address is untouched; a wait gives back a failure, not a fresh full
 * lock; a known and an unknown login are answered alike.
 */
@IntegrationTest
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class LoginThrottleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    DemoUsers users;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private String form(String username, String password, String address) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(from(address))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        return response.getRedirectedUrl();
    }

    private MockHttpServletResponse basic(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/me").with(httpBasic(username, password)).with(from(address))).andReturn().getResponse();
    }

    @Test
    void aStrangerCannotKeepTheOwnerOut() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        String username = account.username();
        String password = "Verno-12345";
        accounts.resetPassword(Scope.all(), account.id(), password);
        String stranger = "10.15.0.1";
        String owner = "10.15.0.2";

        List<String> formAnswers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            formAnswers.add(form(username, "not-the-password-" + i, stranger));
        }
        List<Integer> apiAnswers = new ArrayList<>();
        MockHttpServletResponse last = null;
        for (int i = 0; i < 50; i++) {
            last = basic(username, "not-the-password-" + i, stranger);
            apiAnswers.add(last.getStatus());
        }
        // five failures free, then the address is throttled on both doors
        assertThat(formAnswers.subList(0, 5)).allMatch(url -> url.endsWith("/login?error=bad"));
        assertThat(formAnswers.subList(5, 50)).allMatch(url -> url.endsWith("/login?error=throttled&minutes=1"));
        assertThat(apiAnswers).containsOnly(429);
        assertThat(last.getContentType()).startsWith("application/problem+json");
        assertThat(last.getHeader("Retry-After")).isNotNull();
        assertThat(Long.parseLong(last.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(last.getContentAsString(StandardCharsets.UTF_8))
                .contains("Слишком много неудачных попыток с этого адреса. Повторите через 1 мин.");
        // even the right password is refused from the stranger's address while it is throttled
        assertThat(basic(username, password, stranger).getStatus()).isEqualTo(429);

        // the owner, from their own address, signs in at once on both doors
        assertThat(form(username, password, owner)).endsWith("/");
        assertThat(basic(username, password, owner).getStatus()).isEqualTo(200);
        // the account itself is not locked
        assertThat(fixtures.account(username).isLockedAt(clock.instant())).isFalse();
        assertThat(mvc.perform(get("/login").param("error", "throttled").param("minutes", "1")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Слишком много неудачных попыток с этого адреса");
    }

    @Test
    void waitsGrowAndAWaitGivesBackOneFailureNotAFullLock() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        String address = "10.15.1.1";
        for (int i = 0; i < 5; i++) {
            assertThat(basic(account.username(), "wrong", address).getStatus()).isEqualTo(401);
        }
        List<Long> waits = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            MockHttpServletResponse refused = basic(account.username(), "wrong", address);
            assertThat(refused.getStatus()).isEqualTo(429);
            long wait = Long.parseLong(refused.getHeader("Retry-After"));
            waits.add(wait);
            clock.advance(Duration.ofSeconds(wait + 1));
            // after the wait one wrong password is checked again (401), not refused for the whole longest period
            assertThat(basic(account.username(), "wrong", address).getStatus()).isEqualTo(401);
        }
        assertThat(waits.getFirst()).isBetween(1L, 60L);
        for (int i = 1; i < waits.size(); i++) {
            assertThat(waits.get(i)).as("waits %s never shrink", waits).isGreaterThanOrEqualTo(waits.get(i - 1) - 5);
        }
        assertThat(waits.getLast()).isGreaterThan(4 * 60L).isLessThanOrEqualTo(30 * 60L);

        // a quiet spell gives the free failures back: no counter stays behind
        clock.advance(Duration.ofDays(1));
        for (int i = 0; i < 5; i++) {
            assertThat(basic(account.username(), "wrong", address).getStatus()).isEqualTo(401);
        }
    }

    @Test
    void aKnownAndAnUnknownLoginAreAnsweredAlike() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            known.add(form(account.username(), "wrong", "10.15.2.1"));
            unknown.add(form("nobody.at.all." + account.id(), "wrong", "10.15.2.1"));
        }
        assertThat(unknown).isEqualTo(known);
        List<String> knownApi = new ArrayList<>();
        List<String> unknownApi = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MockHttpServletResponse k = basic(account.username(), "wrong", "10.15.2.2");
            MockHttpServletResponse u = basic("nobody.at.all." + account.id(), "wrong", "10.15.2.2");
            knownApi.add(k.getStatus() + " " + k.getContentAsString(StandardCharsets.UTF_8));
            unknownApi.add(u.getStatus() + " " + u.getContentAsString(StandardCharsets.UTF_8));
        }
        assertThat(unknownApi).isEqualTo(knownApi);
    }

    @Test
    void credentialStuffingFromOneAddressIsThrottledAcrossLogins() throws Exception {
        // one attempt per login, never twice the same: only the address's bucket (100 failures) can stop it
        String address = "10.15.3.1";
        int attempts = 0;
        int status = 0;
        while (status != 429 && attempts < 200) {
            status = basic("stuffed." + attempts, "password" + attempts, address).getStatus();
            attempts++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(attempts).isGreaterThan(100);
        // a demo user from another address is not touched
        assertThat(basic("sonkovo.mouo", DemoUsers.PASSWORD, "10.15.3.2").getStatus()).isEqualTo(200);
    }

    @Test
    void wrongTokensCountForTheAddress() throws Exception {
        String address = "10.15.4.1";
        int refused = 0;
        MockHttpServletResponse last = null;
        for (int i = 0; i < 110; i++) {
            last = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer rsoko_" + "x".repeat(43))
                    .with(from(address))).andReturn().getResponse();
            if (last.getStatus() == 429) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(5);
        assertThat(last.getHeader("Retry-After")).isNotNull();
        // another address is not concerned
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer rsoko_" + "x".repeat(43))
                .with(from("10.15.4.2"))).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void theOwnerSeesTheAttemptsAndIsToldOnceAndAnAdministratorReleases() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        for (int i = 0; i < 30; i++) {
            form(account.username(), "wrong", "10.15.5.1");
        }
        assertThat(jdbc.queryForObject("select count(*) from notification where account_id = ? and kind = 'LOGIN_THROTTLED'",
                Integer.class, account.id())).isEqualTo(1);
        jdbc.update("update user_account set must_change_password = false where id = ?", account.id());
        String page = mvc.perform(get("/me/tokens").with(users.page(account.username()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Неудачные попытки входа").contains("10.15.5.1");

        // an administrator lifts it: the address may try again at once
        accounts.unlock(Scope.all(), account.id());
        assertThat(form(account.username(), "wrong", "10.15.5.1")).endsWith("/login?error=bad");
    }

    @Test
    void administratorsSeeThrottledAccountsOfTheirScopeAndReleaseOne() throws Exception {
        Account tver = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        for (int i = 0; i < 6; i++) {
            basic(tver.username(), "wrong", "10.15.6.1");
            basic("seversk.mouo", "wrong", "10.15.6.2");
        }
        String regional = adminPage("tver.admin");
        assertThat(regional).contains(tver.username()).contains("10.15.6.1").doesNotContain("seversk.mouo");
        String deployment = adminPage("admin");
        assertThat(deployment).contains(tver.username()).contains("seversk.mouo");
        assertThat(mvc.perform(get("/admin/login-throttling.xlsx").with(users.page("tver.admin"))).andReturn().getResponse()
                .getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        // a region's administrator cannot release another region's account: not found
        String seversk = LoginThrottle.loginKey("seversk.mouo", "10.15.6.2");
        assertThat(mvc.perform(post("/admin/login-throttling/release").param("key", seversk).with(csrf())
                .with(users.page("tver.admin"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        String own = LoginThrottle.loginKey(tver.username(), "10.15.6.1");
        assertThat(mvc.perform(post("/admin/login-throttling/release").param("key", own).with(csrf())
                .with(users.page("tver.admin"))).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(basic(tver.username(), "wrong", "10.15.6.1").getStatus()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from security_event where kind = 'THROTTLE_RELEASED' and username = ?"
                + " and actor = 'tver.admin'", Integer.class, tver.username())).isEqualTo(1);
        // the deployment administrator releases the other
        assertThat(mvc.perform(post("/admin/login-throttling/release").param("key", seversk).with(csrf())
                .with(users.page("admin"))).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(basic("seversk.mouo", DemoUsers.PASSWORD, "10.15.6.2").getStatus()).isEqualTo(200);
    }

    private String adminPage(String username) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/admin/login-throttling").with(users.page(username)))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }
}

package ru.rsoko.securitylog;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.account.domain.Account;
import ru.rsoko.account.domain.AccountForm;
import ru.rsoko.account.domain.UserAccountService;
import ru.rsoko.securitylog.domain.SecurityLog;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 15: each kind of security event is written by doing the real thing, shown to administrators with filters and
 * as .xlsx, a region's administrator seeing their region's only, and purged after the retention period.
 */
@IntegrationTest
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class SecurityLogTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoUsers users;
    @Autowired
    SecurityLog securityLog;
    @Autowired
    UserDetailsService userDetails;

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            r.addHeader("User-Agent", "Тестовый браузер/1.0 " + "x".repeat(400));
            return r;
        };
    }

    private List<String> kinds(String username) {
        return jdbc.queryForList("select kind from security_event where username = ? order by id", String.class, username);
    }

    @Test
    void everyKindIsWrittenByTheRealAction() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        String username = account.username();
        String password = "Verno-12345";
        accounts.resetPassword(Scope.all(), account.id(), password);
        jdbc.update("update user_account set must_change_password = false where id = ?", account.id());

        // a sign-in on the form, a wrong password, a run of them, a sign-out
        mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from("10.16.0.1")));
        mvc.perform(post("/login").param("username", username).param("password", "wrong").with(csrf()).with(from("10.16.0.2")));
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "wrong")).with(from("10.16.0.3")));
        }
        mvc.perform(post("/logout").with(users.page(username)).with(csrf()).with(from("10.16.0.1")));

        // the owner changes the password; makes and revokes a token
        mvc.perform(post("/account/password").with(users.page(username)).with(csrf()).with(from("10.16.0.1"))
                .param("current", password).param("password", "Novyi-parol-1").param("repeat", "Novyi-parol-1"));
        MockHttpServletResponse token = mvc.perform(post("/api/v1/me/tokens").with(httpBasic(username, "Novyi-parol-1"))
                .with(from("10.16.0.1")).contentType("application/json").content("{\"name\": \"Журнал\"}"))
                .andReturn().getResponse();
        assertThat(token.getStatus()).isEqualTo(201);
        long tokenId = Long.parseLong(token.getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(mvc.perform(delete("/api/v1/me/tokens/{id}", tokenId).with(httpBasic(username, "Novyi-parol-1"))
                .with(from("10.16.0.1"))).andReturn().getResponse().getStatus()).isEqualTo(204);

        // an administrator changes the role and the organisation, disables, enables, resets, lifts the throttling
        Account current = fixtures.account(username);
        AccountForm form = new AccountForm();
        form.setFullName(current.fullName());
        form.setRole(Role.MUNICIPALITY);
        form.setOrgUnitId(fixtures.org("Сонковский муниципальный округ").id());
        form.setVersion(current.version());
        CurrentUser adminUser = adminUser();
        accounts.update(Scope.all(), account.id(), form, adminUser);
        current = fixtures.account(username);
        accounts.setEnabled(Scope.all(), account.id(), false, current.version(), adminUser);
        current = fixtures.account(username);
        accounts.setEnabled(Scope.all(), account.id(), true, current.version(), adminUser);
        accounts.resetPassword(Scope.all(), account.id(), null);
        accounts.unlock(Scope.all(), account.id());

        assertThat(kinds(username)).contains("ACCOUNT_CREATED", "LOGIN", "LOGIN_FAILED", "LOGIN_THROTTLED", "LOGOUT",
                "PASSWORD_CHANGED", "TOKEN_CREATED", "TOKEN_REVOKED", "ROLE_CHANGED", "ACCOUNT_CHANGED",
                "ACCOUNT_DISABLED", "ACCOUNT_ENABLED", "PASSWORD_RESET", "THROTTLE_RELEASED");
        Map<String, Object> login = jdbc.queryForMap(
                "select address, user_agent, region_id from security_event where username = ? and kind = 'LOGIN'", username);
        assertThat(login.get("address")).isEqualTo("10.16.0.1");
        assertThat((String) login.get("user_agent")).startsWith("Тестовый браузер/1.0").hasSizeLessThanOrEqualTo(200);
        assertThat(login.get("region_id")).isNotNull();
        assertThat(jdbc.queryForList("select address from security_event where username = ? and kind = 'LOGIN_FAILED'",
                String.class, username)).contains("10.16.0.2", "10.16.0.3");

        // a region-wide download by regional staff is logged; a school's download of its part is not
        mvc.perform(get("/executions.xlsx").with(users.page("tver.coko")).with(from("10.16.0.9")));
        mvc.perform(get("/executions.xlsx").with(users.page("sonkovo.school")).with(from("10.16.0.9")));
        assertThat(jdbc.queryForObject("select count(*) from security_event where kind = 'DOWNLOAD' and address = '10.16.0.9'"
                + " and username = 'tver.coko' and details like '/executions.xlsx%'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from security_event where kind = 'DOWNLOAD' and address = '10.16.0.9'"
                + " and username = 'sonkovo.school'", Integer.class)).isZero();
    }

    private CurrentUser adminUser() {
        return (CurrentUser) userDetails.loadUserByUsername("admin");
    }

    @Test
    void administratorsFilterTheLogAndARegionsAdministratorSeesTheirRegionOnly() throws Exception {
        // an event of Tver region (a sign-in of tver.coko) and one of another region (seversk.mouo)
        mvc.perform(post("/login").param("username", "tver.coko").param("password", DemoUsers.PASSWORD).with(csrf())
                .with(from("10.16.1.1")));
        mvc.perform(post("/login").param("username", "seversk.mouo").param("password", DemoUsers.PASSWORD).with(csrf())
                .with(from("10.16.1.2")));

        String regional = page("tver.admin", "/admin/security-log?address=10.16.1.");
        assertThat(regional).contains("tver.coko").doesNotContain("seversk.mouo");
        String all = page("admin", "/admin/security-log?address=10.16.1.");
        assertThat(all).contains("tver.coko").contains("seversk.mouo");
        assertThat(page("admin", "/admin/security-log?address=10.16.1.&person=seversk")).doesNotContain("tver.coko")
                .contains("seversk.mouo");
        assertThat(page("admin", "/admin/security-log?address=10.16.1.&kind=LOGOUT")).doesNotContain("seversk.mouo");
        assertThat(page("admin", "/admin/security-log?address=10.16.1.&from=01.01.2000&to=31.12.2000"))
                .doesNotContain("seversk.mouo");
        assertThat(page("admin", "/admin/security-log?address=10.16.1.&from=nonsense")).contains("seversk.mouo");

        MockHttpServletResponse xlsx = mvc.perform(get("/admin/security-log.xlsx").param("address", "10.16.1.")
                .with(users.page("tver.admin"))).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        List<String> usernames = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    usernames.add(row.getCell(2).getStringCellValue());
                }
            }
        }
        assertThat(usernames).contains("tver.coko").doesNotContain("seversk.mouo");
        // the download of the log is itself in the log
        assertThat(jdbc.queryForObject("select count(*) from security_event where kind = 'DOWNLOAD' and username = 'tver.admin'"
                + " and details like '/admin/security-log.xlsx%'", Integer.class)).isPositive();
    }

    private String page(String username, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(users.page(username))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void rowsOlderThanTheRetentionPeriodArePurged() {
        Instant old = Instant.now().minus(401, ChronoUnit.DAYS);
        Instant recent = Instant.now().minus(399, ChronoUnit.DAYS);
        jdbc.update("insert into security_event (at, kind, username, details) values (?, 'LOGIN', 'purge.old', ''), (?, 'LOGIN', 'purge.recent', '')",
                Timestamp.from(old), Timestamp.from(recent));
        assertThat(securityLog.retention().getDays()).isEqualTo(400);
        assertThat(securityLog.purge()).isPositive();
        assertThat(jdbc.queryForList("select username from security_event where username like 'purge.%'", String.class))
                .containsExactly("purge.recent");
    }
}

package ru.rsoko.platform.security;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Headers, sessions and the actuator as a browser and a stranger meet them: real HTTP to the running application
 * (sessions in PostgreSQL), with no proxy trusted (the default; the trusted proxy: {@link TrustedProxyTest}).
 */
@IntegrationTest
class SecurityHeadersAndSessionsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;

    @Test
    void pagesAndTheApiSayNosniffAndRefuseBrowserFeaturesButNoHstsOverPlainHttp() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/login");
        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(browser.uri("/api/v1/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("sonkovo.school:" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8))));
        assertThat(api.statusCode()).isEqualTo(200);
        for (HttpResponse<String> response : List.of(page, api)) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Permissions-Policy").orElseThrow())
                    .contains("camera=()", "microphone=()", "geolocation=()");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
        assertThat(sessionCookieHeader(page)).isNotNull().doesNotContainIgnoringCase("secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void forwardedHeadersFromAClientThatIsNoTrustedProxyChangeNothing() throws Exception {
        Browser stranger = new Browser();
        HttpResponse<String> redirect = stranger.send(HttpRequest.newBuilder(stranger.uri("/"))
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.9"));
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotContain("evil.example").doesNotStartWith("https:");
        assertThat(location).matches("(http://localhost:" + port + ")?/login");
        assertThat(redirect.headers().firstValue("Strict-Transport-Security")).isEmpty();

        Browser another = new Browser(); // with no session yet, so that the answer sets its cookie
        HttpResponse<String> login = another.send(HttpRequest.newBuilder(another.uri("/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookieHeader(login)).doesNotContainIgnoringCase("secure");
    }

    @Test
    void signingInChangesTheSessionIdAndSigningOutDeletesTheSession() {
        Browser browser = new Browser();
        browser.get("/login");
        String before = browser.sessionCookie();
        assertThat(before).isNotNull();
        HttpResponse<String> login = browser.post("/login", "username=sonkovo.school&password=" + DemoUsers.PASSWORD);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = browser.sessionCookie();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(sessionRows(before)).isZero();
        assertThat(sessionRows(after)).isEqualTo(1);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.post("/logout", "");
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(sessionRows(after)).as("the session's row in spring_session").isZero();

        // the old cookie, kept by someone who copied it, leads to the login form
        Browser thief = new Browser();
        HttpResponse<String> replay = thief.send(HttpRequest.newBuilder(thief.uri("/")).header("Cookie", "SESSION=" + after));
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aSessionOlderThanTheAbsoluteTimeoutEndsHoweverActive() {
        Browser browser = new Browser();
        browser.get("/login");
        browser.post("/login", "username=sonkovo.school&password=" + DemoUsers.PASSWORD);
        String session = browser.sessionCookie();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        // begun 12 hours and a minute ago (rsoko.session.absolute-timeout=12h), used a moment ago: idle it is not
        jdbc.update("update spring_session set creation_time = creation_time - ? where session_id = ?",
                Duration.ofHours(12).plusMinutes(1).toMillis(), id(session));
        HttpResponse<String> page = browser.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(sessionRows(session)).isZero();
    }

    @Test
    void theAbsoluteTimeoutCountsFromTheSessionsCreation() throws Exception {
        AbsoluteSessionTimeout filter = new AbsoluteSessionTimeout(Duration.ofMillis(200));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        HttpSession session = request.getSession(true);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(request.getSession(false)).as("a young session stays").isSameAs(session);

        Thread.sleep(300);
        MockHttpServletRequest later = new MockHttpServletRequest("GET", "/");
        later.setSession(session);
        session.setAttribute("touched", true); // activity does not keep it
        filter.doFilter(later, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(later.getSession(false)).as("an old session ends").isNull();
    }

    @Test
    void actuatorDetailsAreTheDeploymentAdministratorsOnly() throws Exception {
        // the deployment's administrator (no region)
        mvc.perform(get("/actuator/metrics").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/flyway").with(users.page("admin"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/health").with(users.page("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.components.db.status").value("UP"));
        // a region's administrator: health without details, the rest refused
        mvc.perform(get("/actuator/metrics").with(users.page("tver.admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/flyway").with(users.page("tver.admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health").with(users.page("tver.admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        // anyone
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP")).andExpect(jsonPath("$.components").doesNotExist());
    }

    private long sessionRows(String cookie) {
        return jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class, id(cookie));
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String id(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private static String sessionCookieHeader(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElse(null);
    }

    /** Real HTTP with cookies kept, redirects not followed, the CSRF token of the last page sent with a form. */
    private class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html"));
            Matcher matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, String form) {
            String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        String sessionCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

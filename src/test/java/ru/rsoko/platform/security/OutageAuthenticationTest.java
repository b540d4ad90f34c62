package ru.rsoko.platform.security;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import ru.rsoko.platform.web.DatabaseOutage;
import ru.rsoko.platform.web.ServerOverload;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the account or token cannot be read because the database is down, the caller is not told «требуется вход» or
 * «неверный пароль»: the API answers 503 problem+json, the login form leaves it to the outage page (503).
 * The whole path over HTTP is in DatabaseRestartTest.
 */
class OutageAuthenticationTest {

    private static final InternalAuthenticationServiceException LOOKUP_FAILED = new InternalAuthenticationServiceException(
            "lookup failed", new CannotCreateTransactionException("no connection",
            new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms", "08001")));

    @Test
    void theApiAnswers503NotUnauthorizedWhenTheAccountCannotBeRead() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemAuthenticationHandlers(JsonMapper.builder().build())
                .commence(new MockHttpServletRequest("GET", "/api/v1/me"), response, LOOKUP_FAILED);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(DatabaseOutage.TITLE).doesNotContain("Требуется вход");
        assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseOutage.RETRY_AFTER);
        assertThat(response.getHeaders("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aBusyPoolIsAnOverloadNotAWrongPasswordNorAnOutage() throws Exception {
        InternalAuthenticationServiceException busy = new InternalAuthenticationServiceException("lookup failed",
                new CannotCreateTransactionException("no connection", new SQLTransientConnectionException(
                        "rsoko - Connection is not available, request timed out after 3000ms "
                                + "(total=10, active=10, idle=0, waiting=40)", null, 0, null)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemAuthenticationHandlers(JsonMapper.builder().build())
                .commence(new MockHttpServletRequest("GET", "/api/v1/me"), response, busy);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(ServerOverload.RETRY_AFTER);
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(ServerOverload.TITLE, ServerOverload.DETAIL).doesNotContain(DatabaseOutage.TITLE, "Требуется вход");

        MockHttpServletResponse form = new MockHttpServletResponse();
        assertThatThrownBy(() -> new OutageAwareFailureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error=bad"))
                .onAuthenticationFailure(new MockHttpServletRequest("POST", "/login"), form, busy))
                .isInstanceOf(ServletException.class)
                .satisfies(e -> assertThat(ServerOverload.isCause(e)).isTrue());
        assertThat(form.getRedirectedUrl()).isNull();
    }

    @Test
    void aWrongPasswordIsStillAWrongPassword() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemAuthenticationHandlers(JsonMapper.builder().build())
                .commence(new MockHttpServletRequest("GET", "/api/v1/me"), response, new BadCredentialsException("bad"));
        assertThat(response.getStatus()).isEqualTo(401);

        MockHttpServletResponse form = new MockHttpServletResponse();
        new OutageAwareFailureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error=bad"))
                .onAuthenticationFailure(new MockHttpServletRequest("POST", "/login"), form, new BadCredentialsException("bad"));
        assertThat(form.getRedirectedUrl()).isEqualTo("/login?error=bad");
    }

    @Test
    void theLoginFormDoesNotCallAnOutageAWrongPassword() {
        MockHttpServletResponse form = new MockHttpServletResponse();
        assertThatThrownBy(() -> new OutageAwareFailureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error=bad"))
                .onAuthenticationFailure(new MockHttpServletRequest("POST", "/login"), form, LOOKUP_FAILED))
                .isInstanceOf(ServletException.class)
                .satisfies(e -> assertThat(DatabaseOutage.isCause(e)).isTrue());
        assertThat(form.getRedirectedUrl()).isNull();
    }
}

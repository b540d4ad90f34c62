package ru.rsoko.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import ru.rsoko.platform.web.DatabaseOutage;
import ru.rsoko.platform.web.ServerOverload;
import ru.rsoko.platform.web.TooManyAttemptsException;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;

/**
 * 401 and 403 of the API as problem+json with a Russian detail, like every other API error. A wrong, expired or
 * revoked token gets the same answer as a wrong password: nothing tells which of them it was. A sign-in refused because
 * the caller's address is throttled answers 429 with {@code Retry-After} (seconds). When the account or token could
 * not be read, the caller is told why (the database is down, or the server overloaded), not that they must sign in.
 */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ProblemAuthenticationHandlers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseOutage.isCause(e)) { // the account or token could not be read: not a wrong password
            response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER);
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.TITLE, DatabaseOutage.DETAIL);
            return;
        }
        if (ServerOverload.isCause(e)) { // no connection to read it with in time: the server is overloaded
            ServerOverload.refused(request, e);
            response.setHeader("Retry-After", ServerOverload.RETRY_AFTER);
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ServerOverload.TITLE, ServerOverload.DETAIL);
            return;
        }
        if (e instanceof TooManyAttemptsException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Слишком много попыток", throttled.getMessage());
            return;
        }
        String detail = switch (e) {
            case LockedException ignored ->
                    "Учётная запись временно заблокирована после нескольких неудачных попыток входа";
            case DisabledException ignored -> "Учётная запись отключена";
            default -> "Требуется вход: укажите действующий токен доступа (Authorization: Bearer …) "
                    + "или имя пользователя и пароль (HTTP Basic)";
        };
        response.setHeader("WWW-Authenticate", "Bearer realm=\"RSOKO\"");
        response.addHeader("WWW-Authenticate", "Basic realm=\"RSOKO\", charset=\"UTF-8\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "Требуется вход", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Доступ запрещён", "Недостаточно прав для этого действия");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                       String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

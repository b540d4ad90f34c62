package ru.rsoko.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The outermost filter: a database outage that escapes everything else becomes a clean 503 — a Russian page for
 * people, problem+json under {@code /api} — and so does an overload ({@link ServerOverload}), with its own message. Most such failures happen before Spring MVC, where {@link ErrorHandling}
 * cannot see them: Spring Session reads the session from PostgreSQL in its own filter, and Spring Security loads the
 * account or token of the caller in its filters. Without this filter they reached Tomcat as its bare English
 * «HTTP Status 500». The page is static (no layout, no session, no database), so it renders when nothing else can.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    /** The standalone pages, also the views {@link ErrorHandling} shows for an outage or an overload inside Spring MVC. */
    static final String PAGE = "error-unavailable";
    static final String OVERLOADED_PAGE = "error-overloaded";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ObjectMapper json;
    private final byte[] page;
    private final byte[] overloadedPage;

    DatabaseOutageFilter(ObjectMapper json) {
        this.json = json;
        this.page = read(PAGE);
        this.overloadedPage = read(OVERLOADED_PAGE);
    }

    private static byte[] read(String page) {
        try (var in = new ClassPathResource("templates/" + page + ".html").getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            if (DatabaseOutage.isCause(e)) {
                log.warn("База данных недоступна: {} {} — ответ 503 ({})", request.getMethod(), request.getRequestURI(),
                        NestedExceptionUtils.getMostSpecificCause(e).getMessage());
                response.reset();
                write(request, response, DatabaseOutage.TITLE, DatabaseOutage.DETAIL, DatabaseOutage.RETRY_AFTER, page);
            } else if (ServerOverload.isCause(e)) {
                ServerOverload.refused(request, e);
                response.reset();
                write(request, response, ServerOverload.TITLE, ServerOverload.DETAIL, ServerOverload.RETRY_AFTER,
                        overloadedPage);
            } else {
                throw e;
            }
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String title, String detail,
                       String retryAfter, byte[] page) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", retryAfter);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (ErrorHandling.isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setTitle(title);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
            response.getOutputStream().write(page);
        }
    }
}

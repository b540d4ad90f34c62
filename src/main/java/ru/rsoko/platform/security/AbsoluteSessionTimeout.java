package ru.rsoko.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * The absolute session timeout ({@code rsoko.session.absolute-timeout}): a session older than that, counted from its
 * creation, ends however active it was (the idle timeout, {@code spring.session.timeout}, ends one nobody used). The
 * filter runs after Spring Session has found the session and before Spring Security reads it, so a request on an
 * expired session goes on as anonymous: a page leads to the login form, the API (which keeps no session) is
 * unaffected.
 */
public class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AbsoluteSessionTimeout.class);

    private final Duration timeout;

    /**
     * Spring Session stamps a session with the machine's time, not with the application's {@code Clock} (which tests
     * move), so the age is read against the machine's time too.
     */
    public AbsoluteSessionTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Static files never read the session (Spring Security loads it lazily): asking for it here would cost them a
     * query each; the next page ends an old session all the same.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && expired(session)) {
            log.debug("Сессия {} завершена: прошло больше {} с её создания", session.getId(), timeout);
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile by another request: nothing left to do
            }
        }
        chain.doFilter(request, response);
    }

    private boolean expired(HttpSession session) {
        try {
            return System.currentTimeMillis() - session.getCreationTime() > timeout.toMillis();
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }
}

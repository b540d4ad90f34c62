package ru.rsoko.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import ru.rsoko.platform.web.DatabaseOutage;
import ru.rsoko.platform.web.ServerOverload;

import java.io.IOException;

/**
 * The login form's failure handler that does not call a database outage «неверный пароль»: when the account could
 * not be read, the failure is rethrown and the outermost filter answers 503 with the outage (or overload) page.
 */
class OutageAwareFailureHandler implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler delegate;

    OutageAwareFailureHandler(AuthenticationFailureHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException, ServletException {
        if (DatabaseOutage.isCause(e)) {
            throw new ServletException(DatabaseOutage.TITLE, e);
        }
        if (ServerOverload.isCause(e)) {
            throw new ServletException(ServerOverload.TITLE, e);
        }
        delegate.onAuthenticationFailure(request, response, e);
    }
}

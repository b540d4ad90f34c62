package ru.rsoko.account.domain;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import ru.rsoko.access.CurrentUser;

import java.io.Serial;

/**
 * A call authenticated by a personal access token: the principal is the person, as with a password, but the kind
 * tells them apart, so that login bookkeeping ({@link LoginAttempts}) leaves token calls alone.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;

    ApiTokenAuthentication(CurrentUser user) {
        super(user.getAuthorities());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }
}

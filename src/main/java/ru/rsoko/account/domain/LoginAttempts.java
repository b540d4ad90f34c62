package ru.rsoko.account.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import ru.rsoko.access.CurrentUser;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;

/**
 * Guessing passwords is stopped by locking the account for a while after a run of failed logins, on pages
 * and on the API alike. An administrator can lift the lock earlier.
 * <p>
 * Only passwords count: a personal access token is 32 random bytes, nothing to guess, and a call with one neither
 * counts as a failed login nor clears failed ones. A successful login writes only when the account it loaded had
 * something to clear, so that an API call with HTTP Basic is no UPDATE of {@code user_account}.
 */
@Component
public class LoginAttempts {

    private final UserAccountRepository accounts;
    private final ApiTokens tokens;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginAttempts(UserAccountRepository accounts, ApiTokens tokens, Clock clock,
                  @Value("${rsoko.security.max-failed-logins:5}") int maxFailures,
                  @Value("${rsoko.security.lockout:15m}") Duration lockout) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration lockout() {
        return lockout;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String username = AccountUserDetailsService.normalise(event.getAuthentication().getName());
        accounts.recordFailedLogin(username, maxFailures, clock.instant().plus(lockout));
        // the run may have locked the account: its tokens are refused as soon as it is
        tokens.forget(username);
    }

    // no transaction of its own: most logins have nothing to clear, and then not even a connection is taken
    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        // the update is conditional too: a login elsewhere may have cleared them since the account was loaded
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken login
                && login.getPrincipal() instanceof CurrentUser user && user.hasFailedLogins()) {
            accounts.clearFailedLogins(user.getUsername());
        }
    }

    @EventListener
    @Transactional
    public void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        accounts.recordLogin(event.getAuthentication().getName(), clock.instant());
    }
}

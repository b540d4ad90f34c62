package ru.rsoko.account.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;

/**
 * Guessing passwords is stopped by locking the account for a while after a run of failed logins, on pages
 * and on the API alike. An administrator can lift the lock earlier.
 */
@Component
public class LoginAttempts {

    private final UserAccountRepository accounts;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginAttempts(UserAccountRepository accounts, Clock clock,
                  @Value("${rsoko.security.max-failed-logins:5}") int maxFailures,
                  @Value("${rsoko.security.lockout:15m}") Duration lockout) {
        this.accounts = accounts;
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
        accounts.recordFailedLogin(AccountUserDetailsService.normalise(event.getAuthentication().getName()),
                maxFailures, clock.instant().plus(lockout));
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        accounts.clearFailedLogins(event.getAuthentication().getName());
    }

    @EventListener
    @Transactional
    public void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        accounts.recordLogin(event.getAuthentication().getName(), clock.instant());
    }
}

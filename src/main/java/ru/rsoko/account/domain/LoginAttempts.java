package ru.rsoko.account.domain;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * When a person last signed in on the form. Failed sign-ins no longer lock an account: they are throttled per source
 * address by {@link LoginThrottle} (issue 15), so that a stranger cannot keep the owner out.
 */
@Component
public class LoginAttempts {

    private final UserAccountRepository accounts;
    private final Clock clock;

    LoginAttempts(UserAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        accounts.recordLogin(event.getAuthentication().getName(), clock.instant());
    }
}

package ru.rsoko.securitylog.domain;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.account.AccountSecurityEvent;
import ru.rsoko.account.AccountService;

/**
 * What the security log hears: Spring Security's own events for signing in on the form (an HTTP Basic call is a
 * sign-in per call and is not logged when it succeeds), refusals other than a wrong password (a disabled account) and
 * signing out; and the accounts module's events for wrong passwords and tokens, throttling, passwords, roles,
 * accounts and tokens.
 */
@Component
class SecurityLogListeners {

    private final SecurityLog log;
    private final AccountService accounts;

    SecurityLogListeners(SecurityLog log, AccountService accounts) {
        this.log = log;
        this.accounts = accounts;
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            log.record(SecurityEventKind.LOGIN, user.accountId(), user.getUsername(), user.regionId(), "форма входа");
        }
    }

    /** Wrong passwords are the accounts module's to report (with the address's count); the other refusals here. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            return;
        }
        String username = event.getAuthentication().getName();
        log.record(SecurityEventKind.LOGIN_FAILED, null, username == null ? "" : username, null,
                event.getException().getMessage() == null ? "" : event.getException().getMessage());
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            log.record(SecurityEventKind.LOGOUT, user.accountId(), user.getUsername(), user.regionId(), "");
        }
    }

    @EventListener
    void on(AccountSecurityEvent event) {
        Long regionId = event.regionId();
        if (regionId == null && event.accountId() != null) {
            regionId = accounts.user(event.accountId()).map(CurrentUser::regionId).orElse(null);
        }
        log.record(SecurityEventKind.valueOf(event.kind().name()), event.accountId(), event.username(), regionId,
                event.details());
    }
}

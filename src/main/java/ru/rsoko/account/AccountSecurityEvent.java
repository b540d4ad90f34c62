package ru.rsoko.account;

import org.jspecify.annotations.Nullable;

/**
 * Something the security log records about an account (the security log module listens): failed and throttled
 * sign-ins, passwords, roles, the account's organisation and state, API tokens. {@code accountId} and {@code username}
 * say whom it is about (the account id is null for a login that does not exist), {@code regionId} the account's region
 * where the publisher knows it (else the log asks); who did it and from where is the
 * request's. Published inside the transaction that makes the change; the log writes in its own.
 */
public record AccountSecurityEvent(Kind kind, @Nullable Long accountId, String username, @Nullable Long regionId,
                                   String details) {

    public enum Kind {
        LOGIN_FAILED, LOGIN_THROTTLED, THROTTLE_RELEASED, PASSWORD_CHANGED, PASSWORD_RESET, ROLE_CHANGED,
        ACCOUNT_CREATED, ACCOUNT_CHANGED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, TOKEN_CREATED, TOKEN_REVOKED
    }

    public static AccountSecurityEvent of(Kind kind, @Nullable Long accountId, String username, String details) {
        return new AccountSecurityEvent(kind, accountId, username, null, details);
    }
}

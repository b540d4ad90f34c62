package ru.rsoko.account.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.Role;

import java.time.Instant;

/** An account as pages and other modules see it: who, which role, which organisation, and its state. */
public record Account(long id, String username, String fullName, @Nullable String position, @Nullable String email,
                      Role role, long orgUnitId, String orgUnitName, boolean enabled, boolean mustChangePassword,
                      int failedAttempts, @Nullable Instant lockedUntil, @Nullable Instant lastLoginAt, Instant createdAt, long version) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

package ru.rsoko.securitylog.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One row of the security log: when, what, whom it is about (account and login), who did it (the actor, when not the
 * person themselves), in which region, from which address and browser, and what exactly.
 */
public record SecurityEvent(long id, Instant at, SecurityEventKind kind, @Nullable Long accountId, String username,
                            @Nullable String actor, @Nullable Long regionId, @Nullable String address,
                            @Nullable String userAgent, String details) {
}

package ru.rsoko.account.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A personal access token as lists show it: never the token, never its hash. */
public record ApiTokenView(long id, String name, String hint, Instant createdAt, @Nullable Instant expiresAt,
                           @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, @Nullable String revokedBy,
                           TokenState state) {

    /**
     * The last day the token works, when it was given one (it expires at the midnight that ends it, in the zone);
     * null when it expires at another moment, or never.
     */
    public @Nullable LocalDate lastDay(ZoneId zone) {
        if (expiresAt == null) {
            return null;
        }
        ZonedDateTime end = expiresAt.atZone(zone);
        return end.toLocalTime().equals(LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1) : null;
    }
}

package ru.rsoko.securitylog.domain;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** What the administrator looks for: a kind, a person (login or actor, a part of it), an address, days (inclusive). */
public record SecurityEventFilter(@Nullable SecurityEventKind kind, @Nullable String person, @Nullable String address,
                                  @Nullable LocalDate from, @Nullable LocalDate to) {
}

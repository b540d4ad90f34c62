package ru.rsoko.account.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A token just made: the only moment its secret is known, to be shown to its owner once. */
public record IssuedToken(long id, String name, String token, @Nullable Instant expiresAt) {
}

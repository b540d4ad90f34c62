package ru.rsoko.plan.domain;

import java.time.Instant;

/** A file of a procedure's results as its page lists it; {@code storedFileId} is what the download serves. */
public record FileLine(long id, long storedFileId, String name, Instant createdAt, String createdBy) {
}

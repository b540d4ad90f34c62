package ru.rsoko.execution.domain;

import java.time.Instant;

/** A remark on an execution record, with who wrote it and from which organisation. */
public record CommentView(long id, String text, String author, String authorName, String orgUnitName, Instant createdAt) {
}

package ru.rsoko.execution.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.execution.ExecutionRecord;

import java.time.Instant;
import java.time.LocalDate;

/** A period's report on an ongoing decision, as the record's card shows it. */
public record ReportView(long id, LocalDate periodStart, LocalDate periodEnd, String text, @Nullable String evidenceUrl,
                         ExecutionRecord.@Nullable Attachment evidenceFile, Instant createdAt, String createdBy) {
}

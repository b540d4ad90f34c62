package ru.rsoko.execution;

import org.jspecify.annotations.Nullable;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.meeting.DecisionFacts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one responsible organisation does about one decision, as lists, cards, home pages and the API show it: the
 * decision with its meeting (from the meeting module), the organisation, status, report and evidence.
 *
 * @param dueDate the next date something is owed; null when the deadline gives none
 */
public record ExecutionRecord(long id, DecisionFacts decision, Organisation orgUnit, long regionId,
                              @Nullable Long municipalityId, ExecutionStatus status, boolean recurring,
                              LocalDate periodStart, @Nullable LocalDate dueDate, @Nullable String report,
                              @Nullable String reason, @Nullable String evidenceUrl, @Nullable Attachment evidenceFile,
                              @Nullable Instant completedAt, @Nullable Instant updatedAt, @Nullable String updatedBy,
                              long version) {

    /** Whether something owed was not delivered by its date, as of the given day of the region. */
    public boolean isOverdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && status.owes(recurring);
    }

    /** The statuses this record may take next. */
    public java.util.List<ExecutionStatus> allowedStatuses() {
        return ExecutionStatus.allowed(recurring);
    }

    /** The responsible organisation as the directory names it. */
    public record Organisation(long id, OrgUnitType type, String name, @Nullable String shortName, String displayName,
                               @Nullable String parentName) {
    }

    /** An uploaded file of evidence: its id for the download, name and size. */
    public record Attachment(long id, String name, long size, String sizeLabel) {
    }
}

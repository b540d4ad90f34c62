package ru.rsoko.meeting;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A decision's deadline: its normalised kind, the dates that follow from it, and the wording of the protocol,
 * which users quote and which is always kept.
 *
 * @param kind         what sort of deadline it is
 * @param dueDate      the date it is due: the date of BY_DATE and BY_DATE_THEN_ONGOING, the last day of
 *                     WITHIN_PERIOD, the latest date of OTHER when the wording gives one; null otherwise
 * @param periodStart  the first day of WITHIN_PERIOD's period; null otherwise
 * @param originalText the wording as written, e.g. «до 31 мая 2021 года»
 */
public record Deadline(DeadlineKind kind, @Nullable LocalDate dueDate, @Nullable LocalDate periodStart,
                       @Nullable String originalText) {

    public static Deadline other(@Nullable String originalText) {
        return new Deadline(DeadlineKind.OTHER, null, null, originalText);
    }

    /** Reported period by period rather than done once: «постоянно» and what follows «далее - постоянно». */
    public boolean isOngoing() {
        return kind == DeadlineKind.ONGOING || kind == DeadlineKind.BY_DATE_THEN_ONGOING;
    }
}

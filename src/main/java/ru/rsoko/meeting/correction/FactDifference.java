package ru.rsoko.meeting.correction;

import org.jspecify.annotations.Nullable;

/**
 * One fact that the person confirmed otherwise than the parser read it.
 *
 * @param where the decision's number (as confirmed, or as parsed when it was removed) or the speaker; null for the
 *              document's date and number
 */
public record FactDifference(FactKind fact, @Nullable String where) {
}

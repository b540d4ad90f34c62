package ru.rsoko.meeting.protocol;

import java.util.List;

/**
 * Where a decision's facts came from in the text the person gave.
 *
 * @param text        the decision's wording; null when it could not be found again
 * @param responsible one per responsible party, in the decision's order; an element is null when not found
 * @param deadline    the deadline's wording; null when there is none or it was not found
 */
public record DecisionSource(Span text, List<Span> responsible, Span deadline) {
}

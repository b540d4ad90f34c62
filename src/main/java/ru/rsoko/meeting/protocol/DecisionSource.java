package ru.rsoko.meeting.protocol;

import java.util.List;

/**
 * Where a decision's facts came from in the text the person gave, and how sure the import is of each.
 *
 * @param text                  the decision's wording; null when it could not be found again
 * @param responsible           one per responsible party, in the decision's order; an element is null when not found
 * @param deadline              the deadline's wording; null when there is none or it was not found
 * @param textConfidence        how sure the decision's wording and number are
 * @param responsibleConfidence one per responsible party, in the decision's order
 * @param deadlineConfidence    how sure the deadline is; null when there is none and nothing suggests one
 */
public record DecisionSource(Span text, List<Span> responsible, Span deadline, Confidence textConfidence,
                             List<Confidence> responsibleConfidence, Confidence deadlineConfidence) {

    public DecisionSource(Span text, List<Span> responsible, Span deadline) {
        this(text, responsible, deadline, null, List.of(), null);
    }
}

package ru.rsoko.meeting.protocol;

import io.swagger.v3.oas.annotations.media.Schema;

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
@Schema(description = "Откуда в тексте взяты решение, его ответственные и срок, и насколько разбор в них уверен")
public record DecisionSource(
        @Schema(description = "формулировка решения; null — не найдена в тексте") Span text,
        @Schema(description = "по одному на каждого ответственного из responsible, в том же порядке; элемент null — не найден")
        List<Span> responsible,
        @Schema(description = "формулировка срока; null — срока нет или он не найден") Span deadline,
        @Schema(description = "уверенность в тексте и номере решения") Confidence textConfidence,
        @Schema(description = "по одной на каждого ответственного, в том же порядке") List<Confidence> responsibleConfidence,
        @Schema(description = "уверенность в сроке; null — срока нет и ничто на него не указывает") Confidence deadlineConfidence) {

    public DecisionSource(Span text, List<Span> responsible, Span deadline) {
        this(text, responsible, deadline, null, List.of(), null);
    }
}

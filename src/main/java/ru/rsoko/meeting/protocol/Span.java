package ru.rsoko.meeting.protocol;

import io.swagger.v3.oas.annotations.media.Schema;

/** A piece of the text a person gave: characters {@code start} (inclusive) to {@code end} (exclusive). */
@Schema(description = "Место в тексте протокола (sourceText): знаки с start (включительно) по end (не включая), "
        + "отсчёт с 0; sourceText.substring(start, end) — формулировка, как она написана")
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span " + start + ".." + end);
        }
    }
}

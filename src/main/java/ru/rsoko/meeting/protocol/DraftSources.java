package ru.rsoko.meeting.protocol;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where the header's facts came from in the text the person gave, and how sure the import is of each.
 *
 * @param date             the document's date; null when there is none or it was not found
 * @param number           the document's number; null when there is none or it was not found
 * @param dateConfidence   how sure the date is (CHECK when the draft has none)
 * @param numberConfidence how sure the number is; null when the draft has none
 */
@Schema(description = "Откуда в тексте взяты дата и номер документа, и насколько разбор в них уверен")
public record DraftSources(@Schema(description = "дата документа; null — нет или не найдена") Span date,
                           @Schema(description = "номер документа; null — нет или не найден") Span number,
                           @Schema(description = "уверенность в дате (CHECK, если дата не распознана)") Confidence dateConfidence,
                           @Schema(description = "уверенность в номере; null — номера нет") Confidence numberConfidence) {

    public DraftSources(Span date, Span number) {
        this(date, number, null, null);
    }
}

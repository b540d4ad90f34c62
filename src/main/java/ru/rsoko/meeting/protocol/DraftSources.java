package ru.rsoko.meeting.protocol;

/**
 * Where the header's facts came from in the text the person gave, and how sure the import is of each.
 *
 * @param date             the document's date; null when there is none or it was not found
 * @param number           the document's number; null when there is none or it was not found
 * @param dateConfidence   how sure the date is (CHECK when the draft has none)
 * @param numberConfidence how sure the number is; null when the draft has none
 */
public record DraftSources(Span date, Span number, Confidence dateConfidence, Confidence numberConfidence) {

    public DraftSources(Span date, Span number) {
        this(date, number, null, null);
    }
}

package ru.rsoko.meeting.protocol;

/**
 * Where the header's facts came from in the text the person gave.
 *
 * @param date   the document's date; null when there is none or it was not found
 * @param number the document's number; null when there is none or it was not found
 */
public record DraftSources(Span date, Span number) {
}

package ru.rsoko.meeting.protocol;

/** A piece of the text a person gave: characters {@code start} (inclusive) to {@code end} (exclusive). */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span " + start + ".." + end);
        }
    }
}

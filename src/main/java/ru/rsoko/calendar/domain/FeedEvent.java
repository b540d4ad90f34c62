package ru.rsoko.calendar.domain;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a feed, before it is written as iCalendar: either whole days ({@code firstDay}..{@code lastDay},
 * both included) or a moment with a length.
 *
 * @param uid stable across fetches («execution-15@rsoko»), so that a calendar app updates the event instead of adding it twice
 */
public record FeedEvent(String uid, String summary, @Nullable String description, @Nullable String location,
                        @Nullable String url, @Nullable LocalDate firstDay, @Nullable LocalDate lastDay,
                        @Nullable Instant start, @Nullable Duration length) {

    public static FeedEvent days(String uid, String summary, @Nullable String description, @Nullable String url,
                                 LocalDate first, LocalDate last) {
        return new FeedEvent(uid, summary, description, null, url, first, last.isBefore(first) ? first : last, null, null);
    }

    public static FeedEvent at(String uid, String summary, @Nullable String description, @Nullable String location,
                               @Nullable String url, Instant start, Duration length) {
        return new FeedEvent(uid, summary, description, location, url, null, null, start, length);
    }

    public boolean allDay() {
        return firstDay != null;
    }

    /** The event with a place, for all-day meetings. */
    public FeedEvent at(@Nullable String place) {
        return new FeedEvent(uid, summary, description, place, url, firstDay, lastDay, start, length);
    }
}

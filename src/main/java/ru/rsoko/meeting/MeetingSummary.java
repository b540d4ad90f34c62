package ru.rsoko.meeting;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A meeting as lists and other modules show it: what, when, whose (the region's, or a municipality's own with its
 * schools) and how far its protocol has got.
 *
 * @param startTime when it begins on its day, in the region's time zone; null when not set
 * @param place     where it is held, as the organiser wrote it
 */
public record MeetingSummary(long id, MeetingKind kind, String title, LocalDate date, MeetingStatus status, long regionId,
                             @Nullable Long municipalityId, @Nullable String protocolNumber, @Nullable LocalTime startTime,
                             @Nullable String place) {

    /** A municipality's own meeting with its schools, rather than the region's. */
    public boolean municipal() {
        return municipalityId != null;
    }
}

package ru.rsoko.meeting;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A meeting as lists and other modules show it: what, when, whose (the region's, or a municipality's own with its
 * schools) and how far its protocol has got.
 */
public record MeetingSummary(long id, MeetingKind kind, String title, LocalDate date, MeetingStatus status, long regionId,
                             @Nullable Long municipalityId) {

    /** A municipality's own meeting with its schools, rather than the region's. */
    public boolean municipal() {
        return municipalityId != null;
    }
}

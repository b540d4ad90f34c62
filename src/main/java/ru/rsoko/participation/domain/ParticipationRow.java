package ru.rsoko.participation.domain;

import java.time.Instant;

/** A stored participation row (one school's grade at one procedure) with the names a person reads it by. */
public record ParticipationRow(long id, long schoolId, String schoolName, Long municipalityId, String municipalityName,
                               int grade, int pupils, int participants, boolean observers, long version,
                               Instant updatedAt, String updatedBy) {
}

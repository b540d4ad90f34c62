package ru.rsoko.support;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * What other modules ask of the support programmes of ШНОР schools: the measures still owed by a deadline (the daily
 * reminders of notification), and a school's programmes in short (status, measures done and overdue) for its profile.
 */
public interface SupportProgrammes {

    /** The region's measures neither done nor cancelled whose due date is between {@code from} and {@code to}. */
    List<MeasureDue> owingDue(long regionId, LocalDate from, LocalDate to);

    /** A measure owed by a school: what, by when, of which programme. */
    record MeasureDue(long id, long programmeId, long regionId, @Nullable Long municipalityId, long schoolId,
                      int year, String text, String responsible, LocalDate dueOn, MeasureStatus status) {

        public String link() {
            return "/support-programmes/" + programmeId + "#measure-" + id;
        }
    }
}

package ru.rsoko.directory;

import java.time.Instant;

/**
 * The number of pupils of one grade of a school in a school year, as the directory keeps it: entered once (on the
 * school's card, by the directory's workbook or as participation in a procedure is entered) and read by every
 * feature that needs it.
 */
public record GradePupils(long schoolId, SchoolYear schoolYear, int grade, int pupils, long version, Instant updatedAt,
                          String updatedBy) {

    /** The most pupils one grade of one school may have: more is a typing error. */
    public static final int MAX = 10_000;

    /** A figure to record: pupils of a school's grade. */
    public record Figure(long schoolId, int grade, int pupils) {
    }
}

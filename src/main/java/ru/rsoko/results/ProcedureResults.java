package ru.rsoko.results;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What other modules ask of the procedures' results: a school's marks by year and subject with its region's beside
 * (the school profile, the support programmes' effect, the dashboards' charts). One figure, one rule: shares are
 * computed by {@link Marks}.
 */
public interface ProcedureResults {

    /** The procedure type whose results the objectivity rules and the ШНОР rule read. */
    String VPR = "VPR";

    /**
     * A school's results of the procedures of a type ({@code procedureType}, e.g. {@link #VPR}) from {@code fromYear}
     * to {@code toYear}, summed over grades, per year and subject, with the region's sums of the same year and
     * subject beside; oldest year first, subjects in their order. Empty when the school has none.
     */
    List<SubjectYear> ofSchool(long schoolId, String procedureType, int fromYear, int toYear);

    /** {@link #ofSchool} for many schools in one statement (a report with a row per school), by school id. */
    java.util.Map<Long, List<SubjectYear>> ofSchools(java.util.Collection<Long> schoolIds, String procedureType,
                                                     int fromYear, int toYear);

    /** The years that have results of the type in the region, newest first. */
    List<Integer> years(long regionId, String procedureType);

    record SubjectYear(int year, Subject subject, Marks school, Marks region) {
    }

    /**
     * The distribution of marks of the latest year with results of the type in the region, per subject (all grades
     * summed): of the municipality (or the region when {@code municipalityId} is null) with the region's beside.
     * Empty when the region has none.
     */
    java.util.Optional<Distribution> latest(long regionId, @Nullable Long municipalityId, String procedureType);

    record Distribution(int year, List<SubjectMarks> subjects) {
    }

    record SubjectMarks(Subject subject, Marks scope, Marks region) {
    }

    /** Marks summed over some results; the comparison counts are null when none of them had it. */
    record Marks(long participants, long mark2, long mark3, long mark4, long mark5,
                 @Nullable Long lowered, @Nullable Long confirmed, @Nullable Long raised) {

        public static final Marks NONE = new Marks(0, 0, 0, 0, 0, null, null, null);

        /** Share of «2» in percent, one decimal; 0 without participants. */
        public double failShare() {
            return percent(mark2, participants);
        }

        /** Share of «4» and «5» in percent, one decimal. */
        public double qualityShare() {
            return percent(mark4 + mark5, participants);
        }

        /** Share of «5» in percent, one decimal. */
        public double topShare() {
            return percent(mark5, participants);
        }

        public @Nullable Double loweredShare() {
            return lowered == null ? null : percent(lowered, participants);
        }

        public @Nullable Double raisedShare() {
            return raised == null ? null : percent(raised, participants);
        }

        public Marks plus(Marks other) {
            return new Marks(participants + other.participants, mark2 + other.mark2, mark3 + other.mark3,
                    mark4 + other.mark4, mark5 + other.mark5, sum(lowered, other.lowered), sum(confirmed, other.confirmed),
                    sum(raised, other.raised));
        }

        private static @Nullable Long sum(@Nullable Long a, @Nullable Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(a + b);
        }

        public static double percent(long part, long whole) {
            return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
        }
    }
}

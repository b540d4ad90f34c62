package ru.rsoko.plan;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.web.Formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One monitoring procedure of a plan, as other modules and pages see it: ВПР in grades 4–8 in March–May, the
 * ВСОКО study in October… Its planned period stays as approved; a move keeps the new dates beside it, and the days it
 * was moved, cancelled or done tell its {@link #outcomeOn outcome} as of any day.
 *
 * @param grades         the grades it is held in, ascending; empty when it names none
 * @param participantIds the chosen municipalities or schools when not all schools take part
 * @param responsibleId  the responsible organisation of the directory, with its name as the directory publishes it
 */
public record Procedure(long id, long planId, String planTitle, long regionId, int position,
                        long typeId, String typeCode, String typeName, String title,
                        LocalDate periodStart, LocalDate periodEnd,
                        @Nullable LocalDate movedStart, @Nullable LocalDate movedEnd, @Nullable LocalDate movedOn,
                        List<Integer> grades, @Nullable String subjects, Participants participants, Set<Long> participantIds,
                        @Nullable Long responsibleId, @Nullable String responsibleName,
                        boolean observersRequired, @Nullable BigDecimal coverageTarget, @Nullable Long vsokoCampaignId,
                        ProcedureStatus status, @Nullable LocalDate doneOn, @Nullable String cancelReason,
                        @Nullable LocalDate cancelledOn, @Nullable String resultsSummary,
                        @Nullable Instant updatedAt, @Nullable String updatedBy, long version) {

    public Procedure {
        grades = List.copyOf(grades);
        participantIds = Set.copyOf(participantIds);
    }

    /** The dates it is held on now: the new ones once moved. */
    public LocalDate effectiveStart() {
        return movedStart != null ? movedStart : periodStart;
    }

    public LocalDate effectiveEnd() {
        return movedEnd != null ? movedEnd : periodEnd;
    }

    public boolean wasMoved() {
        return movedEnd != null;
    }

    /**
     * Where the procedure stood at the end of the given day, from the days recorded: done on time or late (against
     * the dates in force, the new ones if it was moved), moved, cancelled, overdue, under way, or not yet begun.
     */
    public Outcome outcomeOn(LocalDate day) {
        if (status == ProcedureStatus.CANCELLED && (cancelledOn == null || !cancelledOn.isAfter(day))) {
            return Outcome.CANCELLED;
        }
        if (status == ProcedureStatus.DONE && doneOn != null && !doneOn.isAfter(day)) {
            return doneOn.isAfter(effectiveEnd()) ? Outcome.LATE : Outcome.ON_TIME;
        }
        if (wasMoved() && (movedOn == null || !movedOn.isAfter(day))) {
            return Outcome.MOVED;
        }
        if (periodEnd.isBefore(day)) {
            return Outcome.OVERDUE;
        }
        return periodStart.isAfter(day) ? Outcome.PLANNED : Outcome.UNDER_WAY;
    }

    /** The grades (ascending, each once). */
    public List<Integer> gradeList() {
        return grades;
    }

    /** «4–8», «10», «4, 6, 11»: the grades as people write them. */
    public String gradesText() {
        return gradesText(grades);
    }

    public String periodText() {
        return Formats.DATE.format(periodStart) + " – " + Formats.DATE.format(periodEnd);
    }

    /** Whether the procedure counts coverage or needs observers: then participation is entered for it. */
    public boolean takesParticipation() {
        return coverageTarget != null || observersRequired;
    }

    /** «4–8», «10», «4, 6, 11»: any grades as people write them; «» for none. */
    public static String gradesText(Integer @Nullable [] grades) {
        return grades == null ? "" : gradesText(Arrays.asList(grades));
    }

    public static String gradesText(@Nullable Collection<Integer> grades) {
        if (grades == null || grades.isEmpty()) {
            return "";
        }
        int[] sorted = grades.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        boolean consecutive = sorted.length > 2 && sorted[sorted.length - 1] - sorted[0] == sorted.length - 1;
        if (consecutive) {
            return sorted[0] + "–" + sorted[sorted.length - 1];
        }
        return Arrays.stream(sorted).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }
}

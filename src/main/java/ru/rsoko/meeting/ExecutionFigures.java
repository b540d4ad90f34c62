package ru.rsoko.meeting;

import ru.rsoko.access.Scope;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What meetings need to know about the execution of their decisions: figures per meeting for lists, the decision ×
 * municipality matrix of one meeting, and which meetings assigned something to a scope (a municipality opens those
 * too). The meeting module declares it and never knows who answers; the execution module implements it over its
 * records, so that meeting does not depend on execution.
 */
public interface ExecutionFigures {

    /** Figures per meeting, for a page of meetings: one query for the whole page. Meetings without records are left out. */
    Map<Long, Counts> countsByMeeting(Scope scope, Collection<Long> meetingIds);

    /**
     * Decision × municipality: what the records in the scope add up to. A municipal meeting's columns are the
     * municipality's own organisations (itself and its schools).
     */
    Matrix matrix(Scope scope, MeetingSummary meeting);

    /** Ids of the meetings that assigned something to an organisation in the scope. */
    Set<Long> meetingsAddressedTo(Scope scope);

    /** Whether the meeting assigned something to an organisation in the scope. */
    boolean isAddressedTo(Scope scope, long meetingId);

    /** Counts of a set of records: how many done, in work, overdue, not started, not done. */
    record Counts(long total, long done, long inWork, long overdue, long notStarted, long notDone) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(total + other.total, done + other.done, inWork + other.inWork, overdue + other.overdue,
                    notStarted + other.notStarted, notDone + other.notDone);
        }

        public long donePercent() {
            return total == 0 ? 0 : Math.round(100.0 * done / total);
        }

        /**
         * How a cell of the matrix reads, on the page and in its .xlsx alike: «2 из 5 выполнено», then only the
         * parts that are not zero: «в работе 1», «просрочено 1», «не начато 1», «не выполнено 1». Each part has the
         * colour the page gives it.
         */
        public List<Part> parts() {
            List<Part> parts = new java.util.ArrayList<>();
            parts.add(new Part(done + " из " + total + " выполнено",
                    total > 0 && done == total ? "fw-semibold text-success" : "fw-semibold"));
            if (inWork > 0) {
                parts.add(new Part("в работе " + inWork, "text-primary"));
            }
            if (overdue > 0) {
                parts.add(new Part("просрочено " + overdue, "text-danger fw-semibold"));
            }
            if (notStarted > 0) {
                parts.add(new Part("не начато " + notStarted, "text-secondary"));
            }
            if (notDone > 0) {
                parts.add(new Part("не выполнено " + notDone, "text-body"));
            }
            return parts;
        }

        /** The parts of {@link #parts()} in one line, as the .xlsx of the matrix writes a cell: «2 из 5 выполнено · в работе 1». */
        public String text() {
            return String.join(" · ", parts().stream().map(Part::text).toList());
        }
    }

    /** A part of a matrix cell: its words and the CSS classes that colour it on the page. */
    record Part(String text, String css) {
    }

    /** One column of the matrix: a municipality (or, for a municipal meeting, an organisation); id 0 is the region's own. */
    record Column(long id, String name) {
    }

    /** Figures of one meeting: by decision and column, by decision, by column, and in all. */
    record Matrix(List<Column> columns, Map<Long, Map<Long, Counts>> cells, Map<Long, Counts> byDecision,
                  Map<Long, Counts> byColumn, Counts total) {

        public static final Matrix EMPTY = new Matrix(List.of(), Map.of(), Map.of(), Map.of(), Counts.NONE);

        public Counts cell(long decisionId, long columnId) {
            return cells.getOrDefault(decisionId, Map.of()).getOrDefault(columnId, Counts.NONE);
        }

        public Counts decision(long decisionId) {
            return byDecision.getOrDefault(decisionId, Counts.NONE);
        }

        public Counts column(long columnId) {
            return byColumn.getOrDefault(columnId, Counts.NONE);
        }
    }
}

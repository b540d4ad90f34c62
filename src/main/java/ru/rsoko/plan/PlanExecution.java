package ru.rsoko.plan;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.web.Share;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * «Выполнение плана-графика» as of a day: how many procedures were done on time, late, moved, cancelled, are
 * overdue, under way or still ahead — for the whole plan and for each month by the planned end of the procedure,
 * which is how the plan lists them.
 */
public record PlanExecution(LocalDate asOf, Figures total, List<Month> months) {

    /** What shares of due procedures are shares of, as they follow «8 из 9 …». */
    public static final String DUE = "процедур, срок которых наступил";
    /** {@link #DUE} after «из 1», «из 21»: «процедуры, срок которой наступил». */
    public static final String DUE_ONE = "процедуры, срок которой наступил";

    /** The counts of one set of procedures by outcome, and their shares. */
    public record Figures(int total, Map<Outcome, Integer> byOutcome) {

        public int count(Outcome outcome) {
            return byOutcome.getOrDefault(outcome, 0);
        }

        public int done() {
            return count(Outcome.ON_TIME) + count(Outcome.LATE);
        }

        public int doneOnTime() {
            return count(Outcome.ON_TIME);
        }

        public int late() {
            return count(Outcome.LATE);
        }

        public int moved() {
            return count(Outcome.MOVED);
        }

        public int cancelled() {
            return count(Outcome.CANCELLED);
        }

        public int overdue() {
            return count(Outcome.OVERDUE);
        }

        public int planned() {
            return count(Outcome.PLANNED) + count(Outcome.UNDER_WAY);
        }

        /**
         * The procedures whose term has come: done (on time or late), moved (the approved dates were not kept) and
         * overdue. Cancelled procedures are not due; those ahead or under way are not due yet.
         */
        public int due() {
            return done() + overdue() + moved();
        }

        /**
         * «Выполнено в срок»: the procedures done on time among those {@link #due() due} as of the day. This is the
         * one definition of the figure: the execution page, the plan list, the home pages, the API, the .xlsx and the
         * annual task «обеспечить выполнение плана-графика» all show this share (through
         * {@link PlanExecutionService#onTimeShare}), never a share of all procedures of the plan.
         */
        public Share onTime() {
            return shareOfDue(doneOnTime());
        }

        /** A count of due procedures (on time, late, moved, overdue) as a share of the {@link #due() due} ones. */
        public Share shareOfDue(int count) {
            return Share.of(count, due(), DUE_ONE, DUE);
        }

        /** A count as a share of all procedures of the plan (cancelled and those ahead are not due, so not shares of due). */
        public Share shareOfAll(int count) {
            return Share.of(count, total, "процедуры плана-графика", "процедур плана-графика");
        }

        /** The share of all procedures, in per cent with one decimal; null when there are none. */
        public @Nullable BigDecimal share(int count) {
            return shareOfAll(count).percent();
        }

        /** {@link #onTime()} in per cent; null when nothing was due yet. */
        public @Nullable BigDecimal onTimeShareOfDue() {
            return onTime().percent();
        }

        static Figures of(Collection<Procedure> procedures, LocalDate asOf) {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            for (Procedure p : procedures) {
                counts.merge(p.outcomeOn(asOf), 1, Integer::sum);
            }
            return new Figures(procedures.size(), counts);
        }
    }

    public record Month(@Nullable YearMonth month, Figures figures) {

        /** «Май 2021»; «Итого за год» for the total line of a table. */
        public String label() {
            if (month == null) {
                return "Итого за год";
            }
            String name = month.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, java.util.Locale.forLanguageTag("ru"));
            return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + month.getYear();
        }
    }

    public static PlanExecution of(Collection<Procedure> procedures, LocalDate asOf) {
        Map<YearMonth, List<Procedure>> byMonth = new TreeMap<>();
        for (Procedure p : procedures) {
            byMonth.computeIfAbsent(YearMonth.from(p.periodEnd()), m -> new java.util.ArrayList<>()).add(p);
        }
        List<Month> months = byMonth.entrySet().stream()
                .map(e -> new Month(e.getKey(), Figures.of(e.getValue(), asOf))).toList();
        return new PlanExecution(asOf, Figures.of(procedures, asOf), months);
    }
}

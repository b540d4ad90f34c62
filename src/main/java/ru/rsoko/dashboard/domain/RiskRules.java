package ru.rsoko.dashboard.domain;

import ru.rsoko.platform.web.Plurals;
import org.jspecify.annotations.Nullable;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.participation.Coverage;
import ru.rsoko.vsoko.Level;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stated rules of a school's risk level. Each rule met adds its weight (kept per region in {@link Settings}):
 * <ul>
 *     <li>the latest published ВСОКО result within the years looked back: «не сформирована», «частично», or a
 *     self-assessment not handed in;</li>
 *     <li>each decision addressed to the school that is overdue today, up to a cap;</li>
 *     <li>each year on the ШНОР list and on the list of signs of non-objectivity within the years looked back;</li>
 *     <li>each procedure of the year with a coverage target the school is under (or has no data for), and each
 *     requiring public observers where it had none.</li>
 * </ul>
 * The sum gives the level: high from {@code highFrom}, medium from {@code mediumFrom}, low below. Every reason is
 * written out with its weight, so that a level is never a mystery.
 */
public final class RiskRules {

    private RiskRules() {
    }

    /** The published ВСОКО result a risk reads: the campaign's year, and the level (null: not handed in). */
    public record VsokoFact(int year, @Nullable Level level) {
    }

    /** A list a school was on. */
    public record ListFact(int year, ListKind kind) {
    }

    /** What the rules read about one school. */
    public record Facts(@Nullable VsokoFact vsoko, long overdue, List<ListFact> lists, List<Coverage.School> coverage,
                        List<String> procedureTitles) {
    }

    public record Reason(String text, int weight) {
    }

    public record Risk(RiskLevel level, int score, List<Reason> reasons) {
    }

    public static Risk evaluate(Facts facts, Settings settings, java.util.function.LongFunction<String> procedureTitle) {
        List<Reason> reasons = new ArrayList<>();
        VsokoFact vsoko = facts.vsoko();
        if (vsoko != null) {
            if (vsoko.level() == null) {
                add(reasons, "самооценка ВСОКО за " + vsoko.year() + " год не представлена", settings.weightVsokoNotSubmitted());
            } else if (vsoko.level() == Level.NOT_FORMED) {
                add(reasons, "ВСОКО не сформирована в " + vsoko.year(), settings.weightVsokoNotFormed());
            } else if (vsoko.level() == Level.PARTIAL) {
                add(reasons, "ВСОКО сформирована частично в " + vsoko.year(), settings.weightVsokoPartial());
            }
        }
        if (facts.overdue() > 0) {
            long counted = Math.min(facts.overdue(), settings.overdueCap());
            add(reasons, overdueText(facts.overdue()), (int) counted * settings.weightOverdue());
        }
        for (ListFact list : facts.lists()) {
            if (list.kind() == ListKind.LOW_RESULTS) {
                add(reasons, "в списке ШНОР " + list.year(), settings.weightLowResults());
            } else {
                add(reasons, "признаки необъективности результатов ВПР " + list.year(), settings.weightNonObjective());
            }
        }
        for (Coverage.School school : facts.coverage()) {
            String title = procedureTitle.apply(school.procedureId());
            if (school.underTarget()) {
                add(reasons, school.withoutData()
                        ? "нет данных об участии: " + title + " (" + school.missingText() + ")"
                        : "охват ниже цели: " + title + " — " + Coverage.text(school.coverage()) + " при цели "
                          + percent(school.target()), settings.weightUnderTarget());
            }
        }
        for (String title : facts.procedureTitles()) {
            add(reasons, "без общественных наблюдателей: " + title, settings.weightNoObservers());
        }
        reasons.sort(Comparator.comparingInt(Reason::weight).reversed());
        int score = reasons.stream().mapToInt(Reason::weight).sum();
        return new Risk(settings.level(score), score, List.copyOf(reasons));
    }

    private static void add(List<Reason> reasons, String text, int weight) {
        if (weight > 0) {
            reasons.add(new Reason(text, weight));
        }
    }

    /** «1 просроченное поручение», «3 просроченных поручения», «5 просроченных поручений». */
    static String overdueText(long n) {
        return Plurals.of(n, "просроченное поручение", "просроченных поручения", "просроченных поручений");
    }

    private static String percent(@Nullable BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }
}

package ru.rsoko.results.signs;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.results.ProcedureResults.Marks;
import ru.rsoko.results.Subject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signs of non-objectivity of a year, per school, subject and grade, computed from the region's ВПР results by the
 * region's rules ({@link Rules}). Only a subject and grade with at least the minimum of participants is judged; shares
 * are those of {@link Marks} (percent, one decimal), and a share exactly at a threshold counts.
 */
@Service
@Transactional(readOnly = true)
public class ObjectivitySigns implements SchoolsWithSigns {

    /** One sign: the rule, the school's figure, what it is compared with (the region's, the previous year's or the threshold). */
    public record Sign(SignRule rule, double value, double regionValue, String text) {
    }

    /** A school's subject and grade the rules flag, with its signs. */
    public record Flag(VprRows.School school, Subject subject, int grade, List<Sign> signs) {
    }

    private final VprRows rows;
    private final RuleService rules;

    ObjectivitySigns(VprRows rows, RuleService rules) {
        this.rows = rows;
        this.rules = rules;
    }

    @Override
    public Set<Long> of(long regionId, int year, Subject subject, int grade) {
        return ofRegion(regionId, year).stream().filter(f -> f.subject() == subject && f.grade() == grade)
                .map(f -> f.school().id()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The flags of the year the user may see: REGION and ADMIN the region's, MUNICIPALITY its schools', SCHOOL its own. */
    public List<Flag> flags(CurrentUser user, int year) {
        Long regionId = user.regionId();
        if (regionId == null) {
            return List.of();
        }
        Scope scope = user.scope();
        return ofRegion(regionId, year).stream()
                .filter(f -> scope.covers(regionId, f.school().municipalityId(), f.school().id())).toList();
    }

    /** Every flag of the region's year, by municipality, school, subject and grade. */
    public List<Flag> ofRegion(long regionId, int year) {
        Rules r = rules.rules(regionId);
        List<VprRows.SchoolMarks> marks = rows.marks(regionId, year - 1, year, true);
        Map<Key, Marks> region = new HashMap<>();
        Map<SchoolKey, Marks> previous = new HashMap<>();
        for (VprRows.SchoolMarks m : marks) {
            region.merge(new Key(m.year(), m.subject(), m.grade()), m.marks(), Marks::plus);
            if (m.year() == year - 1) {
                previous.put(new SchoolKey(m.schoolId(), m.subject(), m.grade()), m.marks());
            }
        }
        Map<SchoolKey, VprRows.Rechecked> rechecked = new HashMap<>();
        for (VprRows.Rechecked c : rows.rechecked(regionId, year)) {
            rechecked.put(new SchoolKey(c.schoolId(), c.subject(), c.grade()), c);
        }
        record Found(long schoolId, Subject subject, int grade, List<Sign> signs) {
        }
        List<Found> found = new ArrayList<>();
        for (VprRows.SchoolMarks m : marks) {
            if (m.year() != year || m.marks().participants() < r.minParticipants()) {
                continue;
            }
            List<Sign> signs = judge(r, year, m, region.get(new Key(year, m.subject(), m.grade())),
                    previous.get(new SchoolKey(m.schoolId(), m.subject(), m.grade())),
                    rechecked.get(new SchoolKey(m.schoolId(), m.subject(), m.grade())));
            if (!signs.isEmpty()) {
                found.add(new Found(m.schoolId(), m.subject(), m.grade(), signs));
            }
        }
        Map<Long, VprRows.School> schools = rows.schools(found.stream().map(Found::schoolId).distinct().toList());
        return found.stream()
                .map(f -> new Flag(schools.getOrDefault(f.schoolId(), new VprRows.School(f.schoolId(), "ОО " + f.schoolId(), null, null)),
                        f.subject(), f.grade(), f.signs()))
                .sorted(ORDER).toList();
    }

    static final Comparator<Flag> ORDER = Comparator
            .comparing((Flag f) -> f.school().municipalityName() == null ? "" : f.school().municipalityName())
            .thenComparing(f -> f.school().name()).thenComparing(f -> f.school().id())
            .thenComparing(Flag::subject).thenComparing(Flag::grade);

    /** The year's years with ВПР results of the user's region, newest first. */
    public List<Integer> years(CurrentUser user) {
        return user.regionId() == null ? List.of() : rows.years(user.regionId());
    }

    static List<Sign> judge(Rules r, int year, VprRows.SchoolMarks m, Marks region, Marks previous, VprRows.Rechecked rechecked) {
        List<Sign> signs = new ArrayList<>();
        Marks s = m.marks();
        String what = m.subject().byLabel() + " " + m.grade() + " кл.";
        double top = s.topShare();
        double regionTop = region.topShare();
        if (atLeast(top, dec(regionTop).multiply(r.topMarkFactor()))
                && atLeast(top, dec(regionTop).add(r.topMarkMargin()))) {
            signs.add(new Sign(SignRule.TOP_MARKS, top, regionTop,
                    "доля «5» " + what + " " + Rules.percent(top) + " при " + Rules.percent(regionTop) + " по региону"));
        }
        Double raised = s.raisedShare();
        if (raised != null && atLeast(raised, r.raisedShare())) {
            signs.add(new Sign(SignRule.RAISED, raised, r.raisedShare().doubleValue(), "доля «повысили» " + what + " "
                    + Rules.percent(raised) + " (порог " + Rules.number(r.raisedShare()) + " %)"));
        }
        Double lowered = s.loweredShare();
        if (lowered != null && atLeast(lowered, r.loweredShare())) {
            signs.add(new Sign(SignRule.LOWERED, lowered, r.loweredShare().doubleValue(), "доля «понизили» " + what + " "
                    + Rules.percent(lowered) + " (порог " + Rules.number(r.loweredShare()) + " %)"));
        }
        if (rechecked != null && rechecked.works() >= r.recheckMinWorks()) {
            double share = Marks.percent(rechecked.differing(), rechecked.works());
            if (atLeast(share, r.recheckDiscrepancyShare())) {
                signs.add(new Sign(SignRule.RECHECK, share, r.recheckDiscrepancyShare().doubleValue(),
                        "перепроверка " + what + ": отметка эксперта расходится с отметкой школы в " + rechecked.differing()
                                + " из " + rechecked.works() + " работ, " + Rules.percent(share) + " (порог "
                                + Rules.number(r.recheckDiscrepancyShare()) + " %)"));
            }
        }
        if (previous != null && previous.participants() >= r.minParticipants()) {
            double quality = s.qualityShare();
            double before = previous.qualityShare();
            if (atLeast(dec(quality).subtract(dec(before)).abs().doubleValue(), r.yearJump())) {
                signs.add(new Sign(SignRule.YEAR_JUMP, quality, before, "доля «4» и «5» " + what + " "
                        + Rules.percent(quality) + " при " + Rules.percent(before) + " в " + (year - 1) + " году"));
            }
        }
        return signs;
    }

    static BigDecimal dec(double share) {
        return BigDecimal.valueOf(share);
    }

    static boolean atLeast(double share, BigDecimal threshold) {
        return dec(share).compareTo(threshold) >= 0;
    }

    private record Key(int year, Subject subject, int grade) {
    }

    private record SchoolKey(long schoolId, Subject subject, int grade) {
    }
}

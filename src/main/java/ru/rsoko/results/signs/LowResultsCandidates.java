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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ШНОР candidates of a year: a school is one when, in the year judged and each of the (low_years − 1) years before
 * it, either its share of «2» (all grades of a subject summed) reaches low_fail_share in at least low_subjects subjects,
 * or it is among the low_bottom_share % of the region's schools with ВПР results that year with the highest share of
 * «2» over all its works. A subject, and a school's works as a whole, is judged only with at least the minimum of
 * participants. «Among the X %»: the school's place (1 — the highest share; equal shares share the place) is at most
 * X % of the number of the region's schools with results that year.
 */
@Service
@Transactional(readOnly = true)
public class LowResultsCandidates {

    public record Reason(int year, String text) {
    }

    public record Candidate(VprRows.School school, List<Reason> reasons) {
    }

    private final VprRows rows;
    private final RuleService rules;

    LowResultsCandidates(VprRows rows, RuleService rules) {
        this.rows = rows;
        this.rules = rules;
    }

    /** The candidates of the year the user may see (the rule still ranks a school among all of the region's). */
    public List<Candidate> candidates(CurrentUser user, int year) {
        Long regionId = user.regionId();
        if (regionId == null) {
            return List.of();
        }
        Scope scope = user.scope();
        return ofRegion(regionId, year).stream()
                .filter(c -> scope.covers(regionId, c.school().municipalityId(), c.school().id())).toList();
    }

    public List<Candidate> ofRegion(long regionId, int year) {
        Rules r = rules.rules(regionId);
        int from = year - r.lowYears() + 1;
        // per year: school → subject → marks over all grades
        Map<Integer, Map<Long, Map<Subject, Marks>>> byYear = new HashMap<>();
        for (VprRows.SchoolMarks m : rows.marks(regionId, from, year, false)) {
            byYear.computeIfAbsent(m.year(), y -> new HashMap<>()).computeIfAbsent(m.schoolId(), s -> new TreeMap<>())
                    .put(m.subject(), m.marks());
        }
        Map<Long, List<Reason>> reasons = null;
        for (int y = year; y >= from; y--) {
            Map<Long, List<Reason>> thisYear = reasonsOf(r, y, byYear.getOrDefault(y, Map.of()));
            if (reasons == null) {
                reasons = new HashMap<>(thisYear);
            } else {
                reasons.keySet().retainAll(thisYear.keySet());
                for (Map.Entry<Long, List<Reason>> e : reasons.entrySet()) {
                    List<Reason> all = new ArrayList<>(e.getValue());
                    all.addAll(thisYear.get(e.getKey()));
                    e.setValue(all);
                }
            }
        }
        Map<Long, List<Reason>> found = reasons == null ? Map.of() : reasons;
        Map<Long, VprRows.School> schools = rows.schools(found.keySet());
        return found.entrySet().stream()
                .map(e -> new Candidate(schools.getOrDefault(e.getKey(), new VprRows.School(e.getKey(), "ОО " + e.getKey(), null, null)),
                        e.getValue().stream().sorted(Comparator.comparingInt(Reason::year).reversed()).toList()))
                .sorted(Comparator.comparing((Candidate c) -> c.school().municipalityName() == null ? "" : c.school().municipalityName())
                        .thenComparing(c -> c.school().name()).thenComparing(c -> c.school().id()))
                .toList();
    }

    /** The schools for which one of the two conditions holds in the year, with the reason in words. */
    static Map<Long, List<Reason>> reasonsOf(Rules r, int year, Map<Long, Map<Subject, Marks>> schools) {
        Map<Long, Double> overall = new HashMap<>();
        for (Map.Entry<Long, Map<Subject, Marks>> e : schools.entrySet()) {
            Marks all = e.getValue().values().stream().reduce(Marks.NONE, Marks::plus);
            overall.put(e.getKey(), all.participants() >= r.minParticipants() ? all.failShare() : null);
        }
        int total = schools.size();
        Map<Long, List<Reason>> reasons = new HashMap<>();
        for (Map.Entry<Long, Map<Subject, Marks>> e : schools.entrySet()) {
            List<String> parts = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            for (Map.Entry<Subject, Marks> s : e.getValue().entrySet()) {
                Marks m = s.getValue();
                if (m.participants() >= r.minParticipants() && ObjectivitySigns.atLeast(m.failShare(), r.lowFailShare())) {
                    subjects.add(s.getKey().byLabel() + " " + Rules.percent(m.failShare()));
                }
            }
            if (subjects.size() >= r.lowSubjects()) {
                parts.add("доля «2» " + String.join(", ", subjects) + " (порог " + Rules.number(r.lowFailShare()) + " %)");
            }
            Double share = overall.get(e.getKey());
            if (share != null && r.lowBottomShare().signum() > 0) {
                long place = 1 + overall.values().stream().filter(o -> o != null && o > share).count();
                if (BigDecimal.valueOf(place * 100).compareTo(r.lowBottomShare().multiply(BigDecimal.valueOf(total))) <= 0) {
                    parts.add("доля «2» по всем работам " + Rules.percent(share) + " — " + place + "-е место из " + total
                            + " школ региона (" + Rules.number(r.lowBottomShare()) + " % школ с наибольшей долей «2»)");
                }
            }
            if (!parts.isEmpty()) {
                reasons.put(e.getKey(), List.of(new Reason(year, year + ": " + String.join("; ", parts))));
            }
        }
        return reasons;
    }

    public List<Integer> years(CurrentUser user) {
        return user.regionId() == null ? List.of() : rows.years(user.regionId());
    }
}

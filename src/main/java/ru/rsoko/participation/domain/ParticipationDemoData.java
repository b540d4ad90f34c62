package ru.rsoko.participation.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.audit.RevisionUserListener;
import ru.rsoko.platform.demo.DemoDataSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Participation of the Tver schools in ВПР of 2021 (the procedure the plan demo data creates; without it, nothing):
 * plausible class sizes, everyone present almost everywhere. In Сонковский округ Заречная СОШ had 2 pupils absent in
 * grade 6 and Лесновская СОШ has not entered grade 8; one Калининский school had one absent in grade 7; public
 * observers were present everywhere but at Ольховская ООШ and, in grade 5, at Полевая ООШ. A primary school (НОШ) has
 * no pupils in grades 5–8. Figures come from the school's place in the list, so every start gives the same ones.
 */
@Component
class ParticipationDemoData implements DemoDataSet {

    private static final String REGION = "Тверская область";
    /** Pupils absent, by school and grade. */
    private static final Map<String, Map<Integer, Integer>> ABSENT = Map.of(
            "МОУ «Заречная СОШ»", Map.of(6, 2),
            "МОУ «Рябиновская СОШ»", Map.of(7, 1));
    /** Grades a school has not entered. */
    private static final Map<String, Set<Integer>> MISSING = Map.of("МОУ «Лесновская СОШ»", Set.of(8));
    private static final Set<String> NO_OBSERVERS = Set.of("МОУ «Ольховская ООШ»");
    private static final Map<String, Set<Integer>> NO_OBSERVERS_IN = Map.of("МОУ «Полевая ООШ»", Set.of(5));

    private final JdbcTemplate jdbc;
    private final PlanAccess plans;
    private final ParticipationQueries queries;
    private final ParticipationWriter writer;

    ParticipationDemoData(JdbcTemplate jdbc, PlanAccess plans, ParticipationQueries queries, ParticipationWriter writer) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.queries = queries;
        this.writer = writer;
    }

    @Override
    public String name() {
        return "participation";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void load() {
        List<Long> regions = jdbc.queryForList("select id from directory_org_unit where type = 'REGION' and name = ?",
                Long.class, REGION);
        Optional<Procedure> found = regions.stream().findFirst().flatMap(region -> plans.ofYear(region, 2021))
                .flatMap(plan -> plans.procedures(plan).stream()
                        .filter(p -> p.typeCode().equals("VPR") && p.coverageTarget() != null)
                        .min(Comparator.comparingInt(Procedure::position).thenComparingLong(Procedure::id)));
        if (found.isEmpty()) {
            return;
        }
        Procedure procedure = found.get();
        write(queries, writer, procedure, new Exceptions(ABSENT, MISSING, NO_OBSERVERS, NO_OBSERVERS_IN),
                (place, grade) -> 12 + (place * 7 + grade * 5) % 17);
    }

    /** What departs from «every pupil present, observers everywhere» in a demo ВПР, by school name. */
    record Exceptions(Map<String, Map<Integer, Integer>> absent, Map<String, Set<Integer>> missing,
                      Set<String> noObservers, Map<String, Set<Integer>> noObserversIn) {
    }

    /**
     * Writes a demo ВПР's rows for its participating schools in name order: pupils of a grade from the school's place
     * in the list (none above grade 4 in a primary school, НОШ), the exceptions as given.
     */
    static void write(ParticipationQueries queries, ParticipationWriter writer, Procedure procedure, Exceptions x,
                      java.util.function.IntBinaryOperator pupilsByPlaceAndGrade) {
        List<ParticipationQueries.SchoolRef> schools = new ArrayList<>(queries.participating(Scope.all(), procedure).values());
        schools.sort(Comparator.comparing(ParticipationQueries.SchoolRef::name).thenComparing(ParticipationQueries.SchoolRef::id));
        List<ParticipationWriter.Write> rows = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            ParticipationQueries.SchoolRef school = schools.get(i);
            boolean primary = school.name().contains("НОШ");
            for (int grade : procedure.gradeList()) {
                if (x.missing().getOrDefault(school.name(), Set.of()).contains(grade)) {
                    continue;
                }
                int pupils = primary && grade > 4 ? 0 : pupilsByPlaceAndGrade.applyAsInt(i, grade);
                int absent = Math.min(pupils, x.absent().getOrDefault(school.name(), Map.of()).getOrDefault(grade, 0));
                boolean observers = !x.noObservers().contains(school.name())
                        && !x.noObserversIn().getOrDefault(school.name(), Set.of()).contains(grade);
                rows.add(new ParticipationWriter.Write(school.id(), school.regionId(), school.municipalityId(), grade,
                        pupils, pupils - absent, observers, null));
            }
        }
        writer.write(RevisionUserListener.SYSTEM, procedure.id(), rows, false);
    }
}

package ru.rsoko.participation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureRepository;
import ru.rsoko.platform.audit.RevisionUserListener;
import ru.rsoko.platform.demo.DemoDataSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    private final ProcedureRepository procedures;
    private final ParticipationQueries queries;
    private final ParticipationWriter writer;

    ParticipationDemoData(JdbcTemplate jdbc, ProcedureRepository procedures, ParticipationQueries queries,
                          ParticipationWriter writer) {
        this.jdbc = jdbc;
        this.procedures = procedures;
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
        List<Long> found = jdbc.queryForList("""
                select p.id from plan_procedure p
                join plan pl on pl.id = p.plan_id
                join org_unit r on r.id = pl.region_id and r.type = 'REGION'
                join procedure_type t on t.id = p.type_id
                where r.name = ? and pl.year = 2021 and t.code = 'VPR' and p.coverage_target is not null
                order by p.position, p.id limit 1""", Long.class, REGION);
        if (found.isEmpty()) {
            return;
        }
        Procedure procedure = procedures.findById(found.getFirst()).orElseThrow();
        List<ParticipationQueries.SchoolRef> schools = new ArrayList<>(queries.participating(Scope.all(), procedure).values());
        schools.sort(Comparator.comparing(ParticipationQueries.SchoolRef::name).thenComparing(ParticipationQueries.SchoolRef::id));
        List<ParticipationWriter.Write> rows = new ArrayList<>();
        for (int i = 0; i < schools.size(); i++) {
            ParticipationQueries.SchoolRef school = schools.get(i);
            boolean primary = school.name().contains("НОШ");
            for (int grade : procedure.gradeList()) {
                if (MISSING.getOrDefault(school.name(), Set.of()).contains(grade)) {
                    continue;
                }
                int pupils = primary && grade > 4 ? 0 : 12 + (i * 7 + grade * 5) % 17;
                int absent = Math.min(pupils, ABSENT.getOrDefault(school.name(), Map.of()).getOrDefault(grade, 0));
                boolean observers = !NO_OBSERVERS.contains(school.name())
                        && !NO_OBSERVERS_IN.getOrDefault(school.name(), Set.of()).contains(grade);
                rows.add(new ParticipationWriter.Write(school.id(), school.regionId(), school.municipalityId(), grade,
                        pupils, pupils - absent, observers, null));
            }
        }
        writer.write(RevisionUserListener.SYSTEM, procedure.getId(), rows, false);
    }
}

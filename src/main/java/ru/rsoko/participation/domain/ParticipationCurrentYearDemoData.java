package ru.rsoko.participation.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.audit.RevisionUserListener;
import ru.rsoko.platform.demo.DemoCalendar;
import ru.rsoko.platform.demo.DemoDataSet;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Participation of the Tver schools in this year's ВПР of grades 4–8 (the procedure with a 95 % target of the current
 * year's plan; without it, nothing). Three schools stay under the target (Заречная, Рябиновская, Гимназия № 103), one
 * has not entered grade 8 (Лесновская), two had no observers at all (Светлая, Крутецкая) and one none in grade 4
 * (Славковская). Figures come from the school's place in the list, so every start gives the same ones.
 */
@Component
class ParticipationCurrentYearDemoData implements DemoDataSet {

    private ru.rsoko.directory.DirectoryService directory;

    @org.springframework.beans.factory.annotation.Autowired
    void setDirectory(ru.rsoko.directory.DirectoryService directory) {
        this.directory = directory;
    }

    /** Pupils absent, by school and grade: more than 5 % of the school's pupils. */
    private static final Map<String, Map<Integer, Integer>> ABSENT = Map.of(
            "МОУ «Заречная СОШ»", Map.of(5, 3, 6, 4),
            "МОУ «Рябиновская СОШ»", Map.of(6, 3, 7, 5),
            "МОУ «Гимназия № 103»", Map.of(4, 4, 8, 4),
            "МОУ «Кленовская СОШ»", Map.of(5, 1));
    private static final Map<String, Set<Integer>> MISSING = Map.of("МОУ «Лесновская СОШ»", Set.of(8));
    private static final Set<String> NO_OBSERVERS = Set.of("МОУ «Светлая ООШ»", "МОУ «Крутецкая СОШ»");
    private static final Map<String, Set<Integer>> NO_OBSERVERS_IN = Map.of("МОУ «Славковская ООШ»", Set.of(4));

    private final JdbcTemplate jdbc;
    private final PlanAccess plans;
    private final ParticipationQueries queries;
    private final ParticipationWriter writer;
    private final Clock clock;

    ParticipationCurrentYearDemoData(JdbcTemplate jdbc, PlanAccess plans, ParticipationQueries queries,
                                     ParticipationWriter writer, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.queries = queries;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "participation-current-year";
    }

    @Override
    public int order() {
        return 75;
    }

    @Override
    public void load() {
        java.util.Optional<ru.rsoko.directory.OrgUnit> tver = ru.rsoko.directory.DemoOrganisations.region(directory,
                ru.rsoko.directory.DemoOrganisations.TVER);
        if (tver.isEmpty()) {
            return;
        }
        long region = tver.get().id();
        int year = DemoCalendar.of(clock, java.util.Objects.requireNonNull(tver.get().zone())).year();
        Optional<Procedure> found = plans.ofYear(region, year)
                .flatMap(plan -> plans.procedures(plan).stream()
                        .filter(p -> p.typeCode().equals("VPR") && p.coverageTarget() != null)
                        .min(Comparator.comparingInt(Procedure::position).thenComparingLong(Procedure::id)));
        if (found.isEmpty()) {
            return;
        }
        Procedure procedure = found.get();
        Integer entered = jdbc.queryForObject("select count(*) from participation where procedure_id = ?", Integer.class, procedure.id());
        if (entered != null && entered > 0) {
            return;
        }
        ParticipationDemoData.write(queries, writer, procedure,
                new ParticipationDemoData.Exceptions(ABSENT, MISSING, NO_OBSERVERS, NO_OBSERVERS_IN),
                (place, grade) -> 14 + (place * 5 + grade * 7) % 15);
    }
}

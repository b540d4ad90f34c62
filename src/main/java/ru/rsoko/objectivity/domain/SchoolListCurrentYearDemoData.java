package ru.rsoko.objectivity.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.platform.demo.DemoCalendar;
import ru.rsoko.platform.demo.DemoDataSet;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Tver's lists of the live demo year (today's year in the region, by the application's clock), drawn up after this
 * year's ВПР: Берёзовская (sonkovo.school) is still among the ШНОР, Полевая has left the list and Крутецкая joined it;
 * Рябиновская and Гимназия № 103 show signs of non-objective results. A year that already has lists keeps them.
 */
@Component
class SchoolListCurrentYearDemoData implements DemoDataSet {

    private ru.rsoko.directory.DirectoryService directory;

    @org.springframework.beans.factory.annotation.Autowired
    void setDirectory(ru.rsoko.directory.DirectoryService directory) {
        this.directory = directory;
    }

    private final SchoolListRepository entries;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SchoolListCurrentYearDemoData(SchoolListRepository entries, JdbcTemplate jdbc, Clock clock) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "school-lists-current-year";
    }

    @Override
    public int order() {
        return 85;
    }

    @Override
    public void load() {
        java.util.Optional<ru.rsoko.directory.OrgUnit> found = ru.rsoko.directory.DemoOrganisations.region(directory,
                ru.rsoko.directory.DemoOrganisations.TVER);
        if (found.isEmpty()) {
            return;
        }
        long tver = found.get().id();
        DemoCalendar calendar = DemoCalendar.of(clock, java.util.Objects.requireNonNull(found.get().zone()));
        int year = calendar.year();
        Integer existing = jdbc.queryForObject("select count(*) from school_list_entry where region_id = ? and year = ?",
                Integer.class, tver, year);
        if (existing != null && existing > 0) {
            return;
        }
        var at = calendar.inYear(-60).atTime(9, 0).toInstant(ZoneOffset.UTC);
        String vpr = "ВПР-" + year;
        add(tver, year, ListKind.LOW_RESULTS, Map.of(
                DemoOrganisations.SONKOVO_SCHOOL, vpr + ": доля отметок «2» по математике в 5–7 классах выше региональной",
                "МОУ «Крутецкая СОШ»", vpr + ": низкие результаты по русскому языку в 4–6 классах",
                "МОУ «Гороховская ООШ»", "ВПР-" + (year - 1) + ", " + vpr + ": математика 4–6 кл."), at);
        add(tver, year, ListKind.NON_OBJECTIVE, Map.of(
                "МОУ «Рябиновская СОШ»", vpr + ": математика 6, 7 кл.; расхождение с годовыми отметками",
                "МОУ «Гимназия № 103»", vpr + ": русский язык 4 кл."), at);
    }

    private void add(long region, int year, ListKind kind, Map<String, String> schools, java.time.Instant at) {
        schools.forEach((name, basis) -> jdbc.query(
                "select id, municipality_id from directory_org_unit where region_id = ? and type = 'SCHOOL' and name = ?",
                rs -> {
                    entries.save(new SchoolListEntry(region, rs.getObject(2, Long.class), rs.getLong(1), year, kind, basis,
                            at, "tver.coko"));
                }, region, name));
        entries.flush();
    }
}

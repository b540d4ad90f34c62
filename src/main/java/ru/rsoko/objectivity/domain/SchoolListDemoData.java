package ru.rsoko.objectivity.domain;

import ru.rsoko.objectivity.ListKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.platform.demo.DemoDataSet;

import java.time.Instant;
import java.util.Map;

/**
 * Tver's lists of 2021: schools with low results (ШНОР) and schools with signs of non-objective ВПР results.
 * School names are invented (as the whole demo directory); Берёзовская (sonkovo.school) is on the ШНОР list and
 * Ручьёвская (kalinin.school) on the other, so that both directors see their school's place.
 */
@Component
class SchoolListDemoData implements DemoDataSet {

    private static final int YEAR = 2021;

    private final SchoolListRepository entries;
    private final JdbcTemplate jdbc;

    SchoolListDemoData(SchoolListRepository entries, JdbcTemplate jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "school-lists";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public void load() {
        Long tver = jdbc.query("select id from directory_org_unit where type = 'REGION' and name = 'Тверская область'",
                rs -> rs.next() ? rs.getLong(1) : null);
        if (tver == null) {
            return;
        }
        Instant at = Instant.parse("2021-06-15T09:00:00Z");
        Map<String, String> lowResults = Map.of(
                DemoOrganisations.SONKOVO_SCHOOL, "ВПР-2021: доля отметок «2» по русскому языку и математике в 5–7 классах выше региональной в 2 раза",
                "МОУ «Полевая ООШ»", "ВПР-2020, ВПР-2021: низкие результаты по математике в 5–8 классах",
                "МОУ «Светлая ООШ»", "ВПР-2021: русский язык 5, 6 кл.; ОГЭ-2021: доля неудовлетворительных результатов",
                "МОУ «Гороховская ООШ»", "ВПР-2021: математика 4–6 кл.");
        Map<String, String> nonObjective = Map.of(
                "МОУ «Заречная СОШ»", "ВПР-2021: математика 5, 6 кл.",
                DemoOrganisations.KALININ_SCHOOL, "ВПР-2021: русский язык 4 кл.; расхождение с годовыми отметками",
                "МОУ «Кашинская СОШ № 31»", "ВПР-2021: окружающий мир 4 кл., биология 5 кл.");
        add(tver, ListKind.LOW_RESULTS, lowResults, at);
        add(tver, ListKind.NON_OBJECTIVE, nonObjective, at);
    }

    private void add(long region, ListKind kind, Map<String, String> schools, Instant at) {
        schools.forEach((name, basis) -> jdbc.query("select id, municipality_id from directory_org_unit where region_id = ? and type = 'SCHOOL' and name = ?",
                rs -> {
                    entries.save(new SchoolListEntry(region, rs.getObject(2, Long.class), rs.getLong(1), YEAR, kind, basis,
                            at, "tver.coko"));
                }, region, name));
        entries.flush();
    }
}

package ru.rsoko.results.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.demo.DemoDataSet;
import ru.rsoko.results.Subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ВПР results of every Tver demo school in 2020 (grades 5–9, held in the autumn), 2021 and 2022 (grades 4–8): Russian
 * and mathematics, and the world around in grade 4. The figures are invented (демонстрационные данные), shaped so
 * that the region's default rules (V22) find in 2021: Ручьёвская's «5» in mathematics grade 5 far above the region
 * and its «понизили» in Russian grade 4; Заречная's «повысили» in mathematics grade 6 and the jump of its quality
 * there against 2020; and four ШНОР candidates with a share of «2» at or above 30 % in both subjects in 2020 and 2021
 * — Берёзовская, Полевая, Светлая and Гороховская, every other school under 20 %. In 2022 Берёзовская improves (the
 * support programme's effect). {@code ResultDemoDataTest} states these flags from the rows by plain SQL.
 */
@Component
class ResultDemoData implements DemoDataSet {

    static final List<String> LOW = List.of("МОУ «Берёзовская СОШ»", "МОУ «Полевая ООШ»", "МОУ «Светлая ООШ»",
            "МОУ «Гороховская ООШ»");
    static final String RUCHYI = "МОУ «Ручьёвская СОШ»";
    static final String ZARECHNAYA = "МОУ «Заречная СОШ»";
    static final String BEREZOVSKAYA = "МОУ «Берёзовская СОШ»";

    private final JdbcTemplate jdbc;
    private final PlanAccess plans;

    ResultDemoData(JdbcTemplate jdbc, PlanAccess plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    @Override
    public String name() {
        return "procedure-results";
    }

    @Override
    public int order() {
        return 100;
    }

    private record School(long id, String name, Long municipalityId) {
    }

    /** Shares of «2», «4», «5» in per cent (the rest «3»), and of «понизили», «повысили». */
    private record Shape(double fail, double good, double top, double lowered, double raised) {
    }

    private static final Shape BASE = new Shape(10, 34, 14, 8, 8);
    private static final Shape LOW_SHAPE = new Shape(36, 15, 4, 8, 8);
    private static final Shape IMPROVED = new Shape(15, 30, 10, 8, 8);

    @Override
    public void load() {
        List<Long> regions = jdbc.queryForList("select id from directory_org_unit where type = 'REGION' and name = 'Тверская область'",
                Long.class);
        if (regions.isEmpty()) {
            return;
        }
        long region = regions.getFirst();
        List<School> schools = jdbc.query("select id, name, municipality_id from directory_org_unit where type = 'SCHOOL' "
                        + "and region_id = ? and active order by name, id",
                (rs, i) -> new School(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)), region);
        List<Object[]> rows = new ArrayList<>();
        for (int year : new int[]{2020, 2021, 2022}) {
            Optional<Procedure> vpr = vpr(region, year);
            if (vpr.isEmpty()) {
                continue;
            }
            Procedure procedure = vpr.get();
            for (School school : schools) {
                for (int grade : procedure.gradeList()) {
                    if (school.name().contains("НОШ") && grade > 4) {
                        continue;
                    }
                    List<Subject> subjects = grade == 4 ? List.of(Subject.RUSSIAN, Subject.MATHEMATICS, Subject.WORLD)
                            : List.of(Subject.RUSSIAN, Subject.MATHEMATICS);
                    for (Subject subject : subjects) {
                        rows.add(row(procedure, region, year, school, grade, subject));
                    }
                }
            }
        }
        jdbc.batchUpdate("insert into procedure_result (procedure_id, procedure_type, region_id, municipality_id, school_id, "
                + "year, grade, subject, participants, mark2, mark3, mark4, mark5, mean_score, lowered, confirmed, raised, "
                + "updated_at, updated_by) values (?, 'VPR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "timestamp with time zone '2021-06-15 09:00:00+03', 'demo')", rows);
    }

    /** The year's ВПР of grades 4–8 (5–9 in 2020) of the region's plan. */
    private Optional<Procedure> vpr(long region, int year) {
        Optional<Plan> plan = plans.ofYear(region, year);
        return plan.flatMap(p -> plans.procedures(p).stream()
                .filter(x -> x.typeCode().equals("VPR") && x.gradeList().contains(5) && !x.gradeList().contains(11))
                .findFirst());
    }

    private static Object[] row(Procedure procedure, long region, int year, School school, int grade, Subject subject) {
        int p = 12 + Math.floorMod((school.name() + grade + subject + year).hashCode(), 17);
        int[] marks;
        int lowered, raised;
        boolean math = subject == Subject.MATHEMATICS;
        if (school.name().equals(RUCHYI) && math && grade == 5) {
            // «5» 12 of 25 = 48 % in 2021; the quality near 60 % in the other years, so that no year jumps
            p = 25;
            marks = year == 2021 ? new int[]{1, 4, 8, 12} : new int[]{2, 8, 10, 5};
            lowered = 2;
            raised = 2;
        } else if (school.name().equals(RUCHYI) && subject == Subject.RUSSIAN && grade == 4 && year == 2021) {
            p = 24;
            marks = new int[]{3, 10, 8, 3};
            lowered = 13; // 54,2 % «понизили»
            raised = 1;
        } else if (school.name().equals(ZARECHNAYA) && math && grade == 6 && year != 2022) {
            p = 24;
            // 2020: quality 6 of 24 = 25 %; 2021: 17 of 24 = 70,8 % (+45,8 п. п.), «повысили» 6 of 24 = 25 %
            marks = year == 2020 ? new int[]{3, 15, 5, 1} : new int[]{1, 6, 11, 6};
            lowered = year == 2020 ? 2 : 1;
            raised = year == 2020 ? 2 : 6;
        } else {
            Shape shape = LOW.contains(school.name()) && subject != Subject.WORLD
                    ? (school.name().equals(BEREZOVSKAYA) && year == 2022 ? IMPROVED : LOW_SHAPE) : BASE;
            int m2 = (int) Math.round(p * shape.fail() / 100);
            int m4 = (int) Math.round(p * shape.good() / 100);
            int m5 = (int) Math.round(p * shape.top() / 100);
            marks = new int[]{m2, p - m2 - m4 - m5, m4, m5};
            lowered = (int) Math.round(p * shape.lowered() / 100);
            raised = (int) Math.round(p * shape.raised() / 100);
        }
        double mean = (marks[0] * 6.0 + marks[1] * 11 + marks[2] * 16 + marks[3] * 20) / p;
        return new Object[]{procedure.id(), region, school.municipalityId(), school.id(), year, grade, subject.name(), p,
                marks[0], marks[1], marks[2], marks[3], java.math.BigDecimal.valueOf(Math.round(mean * 100) / 100.0),
                lowered, p - lowered - raised, raised};
    }
}

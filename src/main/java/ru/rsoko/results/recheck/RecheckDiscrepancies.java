package ru.rsoko.results.recheck;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.web.Share;
import ru.rsoko.results.Subject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The discrepancy between the school's and the experts' marks, computed from {@code recheck_work}, never typed. One rule
 * (the signs' rule «discrepancy at re-check» reads the same tables by SQL and keeps it identical): a work is checked
 * when both marks are present; it differs when {@code expert_mark <> school_mark}; lowered when the expert's mark is
 * below the school's, raised when above; the mean score difference is expert − school over checked works with both
 * scores.
 */
@Component
public class RecheckDiscrepancies {

    /** One school's figures in one re-check (subject, grade), or summed over the year's re-checks of a subject and grade. */
    public record Figure(long recheckId, long schoolId, String schoolName, @Nullable String municipalityName,
                         Subject subject, int grade, long works, long checked, long differs, long lowered, long raised,
                         long scored, BigDecimal scoreDifferenceSum) {

        /** Expert − school, in primary points, over the checked works with both scores; null without any. */
        public @Nullable BigDecimal meanScoreDifference() {
            return mean(scoreDifferenceSum, scored);
        }

        /** The share of checked works whose expert mark differs. */
        public Share differsShare() {
            return Share.of(differs, checked, "проверенной работы", "проверенных работ");
        }
    }

    /** What the rule counts, as SQL over {@code recheck_work w}: the same in every read. */
    static final String FIGURES = """
            count(*),
            count(*) filter (where w.school_mark is not null and w.expert_mark is not null),
            count(*) filter (where w.expert_mark <> w.school_mark),
            count(*) filter (where w.expert_mark < w.school_mark),
            count(*) filter (where w.expert_mark > w.school_mark),
            count(w.expert_score - w.school_score) filter (where w.school_mark is not null and w.expert_mark is not null),
            coalesce(sum(w.expert_score - w.school_score) filter (where w.school_mark is not null and w.expert_mark is not null), 0)""";

    private final JdbcTemplate jdbc;

    RecheckDiscrepancies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per school of one re-check, within the scope (a municipality sees its schools, a director their own). */
    public List<Figure> ofRecheck(long recheckId, Scope scope) {
        List<Object> args = new ArrayList<>(List.of(recheckId));
        String where = "w.recheck_id = ? and " + scope.toSql("r.region_id", "w.municipality_id", "w.school_id", args);
        return query(where, args);
    }

    /** Per re-check and school of a region's year, within the scope, in the order of the re-checks. */
    public List<Figure> ofYear(long regionId, int year, Scope scope) {
        List<Object> args = new ArrayList<>(List.of(regionId, year));
        String where = "r.region_id = ? and r.year = ? and " + scope.toSql("r.region_id", "w.municipality_id", "w.school_id", args);
        return query(where, args);
    }

    /** Totals of a list of figures (a re-check's, or a report's): the same rule summed. */
    public static Totals totals(List<Figure> figures) {
        long works = 0, checked = 0, differs = 0, lowered = 0, raised = 0;
        BigDecimal diff = BigDecimal.ZERO;
        long scored = 0;
        for (Figure f : figures) {
            scored += f.scored();
            diff = diff.add(f.scoreDifferenceSum());
            works += f.works();
            checked += f.checked();
            differs += f.differs();
            lowered += f.lowered();
            raised += f.raised();
        }
        return new Totals(works, checked, differs, lowered, raised, mean(diff, scored));
    }

    public record Totals(long works, long checked, long differs, long lowered, long raised,
                         @Nullable BigDecimal meanScoreDifference) {
        public Share differsShare() {
            return Share.of(differs, checked, "проверенной работы", "проверенных работ");
        }
    }

    static @Nullable BigDecimal mean(BigDecimal sum, long count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private List<Figure> query(String where, List<Object> args) {
        return jdbc.query("select r.id, w.school_id, s.name, coalesce(m.short_name, m.name), r.subject, r.grade, "
                + FIGURES
                + " from recheck_work w join recheck r on r.id = w.recheck_id"
                + " join directory_org_unit s on s.id = w.school_id"
                + " left join directory_org_unit m on m.id = w.municipality_id"
                + " where " + where
                + " group by r.id, w.school_id, s.name, m.short_name, m.name, r.subject, r.grade"
                + " order by r.id, min(w.code)", RecheckDiscrepancies::figure, args.toArray());
    }

    private static Figure figure(ResultSet rs, int i) throws SQLException {
        return new Figure(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Subject.valueOf(rs.getString(5)),
                rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                rs.getLong(12), rs.getBigDecimal(13));
    }
}

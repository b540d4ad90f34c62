package ru.rsoko.dashboard.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.List;

/**
 * The figures the database keeps ready for dashboards and results (execution tallies, participation sums, ВСОКО points
 * per direction and on shared indicators; V9, V17) are counted afresh from the records: after a restore from a backup,
 * a manual correction in the database, or to prove that nothing drifted. Each table reports how many of its rows
 * differed from what was kept — zero when all is well.
 */
@Service
public class Summaries {

    public record Rebuilt(String summary, long rows, long differing) {
    }

    private final JdbcTemplate jdbc;

    Summaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Deployment administrators only: the rebuild reads every region's records. */
    @Transactional
    public List<Rebuilt> rebuild(CurrentUser user) {
        if (!user.is(Role.ADMIN) || user.regionId() != null) {
            throw RuleViolationException.forbidden(
                    "Пересчитать сводные показатели может только администратор всей системы: пересчёт затрагивает все регионы");
        }
        return rebuild();
    }

    @Transactional
    public List<Rebuilt> rebuild() {
        return jdbc.query("select summary, rows, differing from rsoko_rebuild_summaries()",
                (rs, i) -> new Rebuilt(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }
}

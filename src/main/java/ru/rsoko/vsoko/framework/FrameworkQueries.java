package ru.rsoko.vsoko.framework;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Frameworks read whole for pages, workbooks and the API, as {@link FrameworkView}s built inside the transaction
 * (no session is open while a page renders).
 */
@Service
@Transactional(readOnly = true)
class FrameworkQueries {

    /** One framework of a list with its counts. */
    public record Summary(long id, String name, int year, boolean sample, int directions, int indicators, boolean locked) {
    }

    /** A framework's card: the framework, and whether a campaign that has opened uses it. */
    public record Card(FrameworkView framework, boolean locked) {
    }

    private final FrameworkService frameworks;
    private final EntityManager em;
    private final JdbcTemplate jdbc;

    FrameworkQueries(FrameworkService frameworks, EntityManager em, JdbcTemplate jdbc) {
        this.frameworks = frameworks;
        this.em = em;
        this.jdbc = jdbc;
    }

    public List<Summary> summaries(Scope scope) {
        List<Framework> list = frameworks.list(scope);
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Framework::getId).toList();
        Map<Long, int[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery("""
                select d.framework.id, count(distinct d.id), count(i.id) from Direction d left join d.indicators i
                where d.framework.id in :ids group by d.framework.id""", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            counts.put((Long) row[0], new int[]{((Long) row[1]).intValue(), ((Long) row[2]).intValue()});
        }
        Set<Long> locked = new HashSet<>(jdbc.queryForList("""
                select distinct framework_id from vsoko_campaign where framework_id = any(?) and status <> 'DRAFT'""",
                Long.class, (Object) ids.toArray(Long[]::new)));
        return list.stream().map(f -> {
            int[] c = counts.getOrDefault(f.getId(), new int[2]);
            return new Summary(f.getId(), f.getName(), f.getYear(), f.isSample(), c[0], c[1], locked.contains(f.getId()));
        }).toList();
    }

    public FrameworkView full(Scope scope, long id) {
        return FrameworkView.of(frameworks.get(scope, id));
    }

    public Card card(Scope scope, long id) {
        Framework framework = frameworks.get(scope, id);
        return new Card(FrameworkView.of(framework), frameworks.isLocked(framework.getId()));
    }

    /** For an edit form: refused (as {@link FrameworkService#editable}) once a campaign has opened on it. */
    public FrameworkView editable(CurrentUser user, long id) {
        return FrameworkView.of(frameworks.editable(user, id));
    }
}

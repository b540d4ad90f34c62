package ru.rsoko.vsoko;

import jakarta.persistence.EntityManager;
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
 * Frameworks read whole for pages, workbooks and the API (no session is open while a page renders): the
 * directions, indicators and options are loaded in batches inside the transaction.
 */
@Service
@Transactional(readOnly = true)
public class FrameworkQueries {

    /** One framework of a list with its counts. */
    public record Summary(long id, String name, int year, boolean sample, int directions, int indicators, boolean locked) {
    }

    private final FrameworkService frameworks;
    private final EntityManager em;

    FrameworkQueries(FrameworkService frameworks, EntityManager em) {
        this.frameworks = frameworks;
        this.em = em;
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
        Set<Long> locked = new HashSet<>(em.createQuery("""
                select distinct c.framework.id from Campaign c where c.framework.id in :ids and c.status <> :draft""", Long.class)
                .setParameter("ids", ids).setParameter("draft", CampaignStatus.DRAFT).getResultList());
        return list.stream().map(f -> {
            int[] c = counts.getOrDefault(f.getId(), new int[2]);
            return new Summary(f.getId(), f.getName(), f.getYear(), f.isSample(), c[0], c[1], locked.contains(f.getId()));
        }).toList();
    }

    public Framework full(Scope scope, long id) {
        return load(frameworks.get(scope, id));
    }

    public boolean locked(Framework framework) {
        return frameworks.isLocked(framework);
    }

    /** For an edit form: refused (as {@link FrameworkService#editable}) once a campaign has opened on it. */
    @Transactional
    public Framework editable(CurrentUser user, long id) {
        return load(frameworks.editable(user, id));
    }

    static Framework load(Framework framework) {
        for (Direction d : framework.getDirections()) {
            for (Indicator i : d.getIndicators()) {
                i.getOptions().size();
            }
        }
        return framework;
    }
}

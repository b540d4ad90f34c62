package ru.rsoko.vsoko.framework;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.List;

/**
 * Indicator frameworks: read by everyone of the region, kept by its regional staff. What the other parts of the
 * study use of a framework (a campaign is made on one) goes through here.
 */
@Service
@Transactional
public class FrameworkService {

    private final FrameworkRepository frameworks;
    private final JdbcTemplate jdbc;
    private final FrameworkViews views;

    FrameworkService(FrameworkRepository frameworks, JdbcTemplate jdbc, FrameworkViews views) {
        this.frameworks = frameworks;
        this.jdbc = jdbc;
        this.views = views;
    }

    @Transactional(readOnly = true)
    List<Framework> list(Scope scope) {
        if (scope.isAll()) {
            return frameworks.findAllByOrderByYearDescIdDesc();
        }
        return scope.regionId() == null ? List.of() : frameworks.findByRegionIdOrderByYearDescIdDesc(scope.regionId());
    }

    /** A framework to choose from in a form. */
    public record Option(long id, String label) {
    }

    /** The frameworks of the scope to choose from, newest first. */
    @Transactional(readOnly = true)
    public List<Option> options(Scope scope) {
        return list(scope).stream().map(f -> new Option(f.getId(), f.getName() + " (" + f.getYear()
                + "; показателей: " + f.indicatorCount() + ")")).toList();
    }

    /** A framework of the scope, for another part of the study to use inside its transaction. */
    @Transactional(readOnly = true)
    public Framework get(Scope scope, long id) {
        return frameworks.findById(id)
                .filter(f -> scope.isAll() || f.getRegionId().equals(scope.regionId()))
                .orElseThrow(() -> NotFoundException.of("Набор показателей", id));
    }

    /** A framework the user may change: their region's, not yet used by a campaign that has opened. */
    Framework editable(CurrentUser user, long id) {
        Framework framework = get(user.scope(), id);
        requireKeeper(user);
        if (isLocked(framework.getId())) {
            throw RuleViolationException.conflict("Набор показателей уже используется в начатой кампании: "
                    + "его нельзя менять. Создайте новую версию копированием.");
        }
        views.changed();
        return framework;
    }

    /** Whether a campaign that has opened uses the framework (a draft campaign does not lock it). */
    @Transactional(readOnly = true)
    boolean isLocked(long frameworkId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from vsoko_campaign where framework_id = ? and status <> 'DRAFT')",
                Boolean.class, frameworkId));
    }

    /** A new year's version: the directions, indicators, options and thresholds of the source, to be changed. */
    Framework copy(CurrentUser user, long sourceId, String name, int year) {
        Framework source = get(user.scope(), sourceId);
        requireKeeper(user);
        return frameworks.save(copyOf(source, name, year));
    }

    /** An unsaved copy of a framework: directions, indicators, options and thresholds, based on the source. */
    public static Framework copyOf(Framework source, String name, int year) {
        Framework copy = new Framework(source.getRegionId(), name, year);
        copy.setSample(source.isSample());
        copy.setFormedFrom(source.getFormedFrom());
        copy.setPartialFrom(source.getPartialFrom());
        copy.setBasedOnId(source.getId());
        for (Direction d : source.getDirections()) {
            Direction direction = copy.addDirection(d.getCode(), d.getName());
            for (Indicator i : d.getIndicators()) {
                Indicator indicator = direction.addIndicator(i.getCode(), i.getWording(), i.getValueType(), i.getPoints());
                indicator.setTarget(i.getTarget());
                indicator.setEvidenceRequired(i.isEvidenceRequired());
                indicator.getOptions().addAll(i.getOptions().stream()
                        .map(o -> new IndicatorOption(o.getLabel(), o.getPoints())).toList());
            }
        }
        return copy;
    }

    static void requireKeeper(CurrentUser user) {
        if (!user.is(Role.REGION)) {
            throw RuleViolationException.forbidden("Наборы показателей ведут сотрудники региона");
        }
    }
}

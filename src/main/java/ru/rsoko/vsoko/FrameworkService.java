package ru.rsoko.vsoko;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.List;

/** Indicator frameworks: read by everyone of the region, kept by its regional staff. */
@Service
@Transactional
public class FrameworkService {

    private final FrameworkRepository frameworks;
    private final CampaignRepository campaigns;

    FrameworkService(FrameworkRepository frameworks, CampaignRepository campaigns) {
        this.frameworks = frameworks;
        this.campaigns = campaigns;
    }

    @Transactional(readOnly = true)
    public List<Framework> list(Scope scope) {
        if (scope.isAll()) {
            return frameworks.findAllByOrderByYearDescIdDesc();
        }
        return scope.regionId() == null ? List.of() : frameworks.findByRegionIdOrderByYearDescIdDesc(scope.regionId());
    }

    /** A framework to choose from in a form. */
    public record Option(long id, String label) {
    }

    @Transactional(readOnly = true)
    public List<Option> options(Scope scope) {
        return list(scope).stream().map(f -> new Option(f.getId(), f.getName() + " (" + f.getYear()
                + "; показателей: " + f.indicatorCount() + ")")).toList();
    }

    /** Loads what pages show of a framework (directions, indicators, options), for rendering after the transaction. */
    public static void loadForPage(Framework framework) {
        framework.getName();
        framework.getDirections().forEach(d -> d.getIndicators().forEach(i -> i.getOptions().size()));
    }

    @Transactional(readOnly = true)
    public Framework get(Scope scope, long id) {
        return frameworks.findById(id)
                .filter(f -> scope.isAll() || f.getRegionId().equals(scope.regionId()))
                .orElseThrow(() -> NotFoundException.of("Набор показателей", id));
    }

    /** A framework the user may change: their region's, not yet used by a campaign that has opened. */
    public Framework editable(CurrentUser user, long id) {
        Framework framework = get(user.scope(), id);
        requireKeeper(user);
        if (isLocked(framework)) {
            throw RuleViolationException.conflict("Набор показателей уже используется в начатой кампании: "
                    + "его нельзя менять. Создайте новую версию копированием.");
        }
        return framework;
    }

    @Transactional(readOnly = true)
    public boolean isLocked(Framework framework) {
        return campaigns.existsByFrameworkIdAndStatusNot(framework.getId(), CampaignStatus.DRAFT);
    }

    /** A new year's version: the directions, indicators, options and thresholds of the source, to be changed. */
    public Framework copy(CurrentUser user, long sourceId, String name, int year) {
        Framework source = get(user.scope(), sourceId);
        requireKeeper(user);
        return frameworks.save(copyOf(source, name, year));
    }

    /** An unsaved copy of a framework: directions, indicators, options and thresholds, based on the source. */
    static Framework copyOf(Framework source, String name, int year) {
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

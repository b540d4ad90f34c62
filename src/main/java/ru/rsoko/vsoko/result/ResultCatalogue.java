package ru.rsoko.vsoko.result;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.vsoko.VsokoResults;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.campaign.CampaignView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The results as other modules ask for them: the same computation as the results pages. */
@Service
@Transactional(readOnly = true)
class ResultCatalogue implements VsokoResults {

    private final ResultService results;

    ResultCatalogue(ResultService results) {
        this.results = results;
    }

    @Override
    public OptionalLong campaignOfYear(long regionId, int year) {
        return results.campaignOfYear(regionId, year);
    }

    @Override
    public java.util.Map<Integer, Long> campaignOfEachYear(long regionId) {
        return results.campaignOfEachYear(regionId);
    }

    @Override
    public Total total(CurrentUser user, long campaignId) {
        ResultService.AreaResult total = results.byMunicipality(user, campaignId).total();
        return new Total(total.participants(), total.withResult(), total.counts());
    }

    @Override
    public Optional<Scores> scores(CurrentUser user, Scope scope, long campaignId, boolean publishedOnly) {
        if (!results.visible(user, campaignId, publishedOnly)) {
            return Optional.empty();
        }
        List<SchoolScore> schools = new ArrayList<>();
        return Optional.of(scoresOf(results.scores(user, scope, campaignId, school -> schools.add(schoolScore(school))),
                schools));
    }

    @Override
    public Map<Long, Scores> scores(CurrentUser user, Scope scope, Collection<Long> campaignIds, boolean publishedOnly) {
        List<Long> visible = campaignIds.stream().distinct().filter(id -> results.visible(user, id, publishedOnly)).toList();
        Map<Long, List<SchoolScore>> schools = new HashMap<>();
        Map<Long, ResultService.CampaignScores> shapes = results.scores(user, scope, visible, id -> {
            List<SchoolScore> of = schools.computeIfAbsent(id, k -> new ArrayList<>());
            return school -> of.add(schoolScore(school));
        });
        Map<Long, Scores> found = new LinkedHashMap<>();
        shapes.forEach((id, shape) -> found.put(id, scoresOf(shape, schools.get(id))));
        return found;
    }

    private static SchoolScore schoolScore(ResultService.SchoolResult school) {
        return new SchoolScore(school.schoolId(), school.municipalityId(), school.status(), school.level(),
                school.overall() == null ? null : school.overall().percent(),
                school.directions().stream().map(d -> new DirectionScore(d.earned(), d.max(), d.percent())).toList());
    }

    private static Scores scoresOf(ResultService.CampaignScores shape, List<SchoolScore> schools) {
        CampaignView campaign = shape.campaign();
        boolean closed = campaign.status() == CampaignStatus.CLOSED || campaign.status() == CampaignStatus.PUBLISHED;
        return new Scores(campaign.id(), campaign.name(), campaign.year(), shape.preliminary(), campaign.closesOn(), closed,
                shape.directions().stream().map(d -> new Direction(d.id(), d.code(), d.name())).toList(),
                List.copyOf(schools));
    }

    @Override
    public Optional<Total> visibleTotal(CurrentUser user, long campaignId) {
        return results.visible(user, campaignId, false) ? Optional.of(total(user, campaignId)) : Optional.empty();
    }

    @Override
    public Optional<Levels> levels(CurrentUser user, Scope scope, long campaignId, boolean publishedOnly) {
        if (!results.visible(user, campaignId, publishedOnly)) {
            return Optional.empty();
        }
        List<SchoolLevel> schools = new ArrayList<>();
        CampaignView campaign = results.levels(user, scope, campaignId, school -> schools.add(
                new SchoolLevel(school.schoolId(), school.municipalityId(), school.status(), school.level())));
        return Optional.of(new Levels(campaign.id(), campaign.name(), campaign.year(),
                campaign.status() != CampaignStatus.PUBLISHED,
                campaign.status() == CampaignStatus.CLOSED || campaign.status() == CampaignStatus.PUBLISHED,
                List.copyOf(schools)));
    }
}

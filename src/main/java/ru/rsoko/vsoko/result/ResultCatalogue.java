package ru.rsoko.vsoko.result;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.vsoko.VsokoResults;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.campaign.CampaignView;

import java.util.ArrayList;
import java.util.List;
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
        ResultService.CampaignScores shape = results.scores(user, scope, campaignId, school -> schools.add(
                new SchoolScore(school.schoolId(), school.municipalityId(), school.status(), school.level(),
                        school.overall() == null ? null : school.overall().percent(),
                        school.directions().stream().map(d -> new DirectionScore(d.earned(), d.max(), d.percent())).toList())));
        CampaignView campaign = shape.campaign();
        boolean closed = campaign.status() == CampaignStatus.CLOSED || campaign.status() == CampaignStatus.PUBLISHED;
        return Optional.of(new Scores(campaign.id(), campaign.name(), campaign.year(), shape.preliminary(),
                campaign.closesOn(), closed,
                shape.directions().stream().map(d -> new Direction(d.id(), d.code(), d.name())).toList(),
                List.copyOf(schools)));
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

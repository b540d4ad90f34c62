package ru.rsoko.vsoko.result;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.vsoko.VsokoResults;

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
    public Total total(CurrentUser user, long campaignId) {
        ResultService.AreaResult total = results.byMunicipality(user, campaignId).total();
        return new Total(total.participants(), total.withResult(), total.counts());
    }

    @Override
    public java.util.Optional<Scores> scores(CurrentUser user, ru.rsoko.access.Scope scope, long campaignId,
                                             boolean publishedOnly) {
        java.util.List<SchoolScore> schools = new java.util.ArrayList<>();
        ResultService.CampaignScores shape;
        try {
            if (publishedOnly && !results.published(user, campaignId)) {
                return java.util.Optional.empty();
            }
            shape = results.scores(user, scope, campaignId, school -> schools.add(new SchoolScore(school.schoolId(),
                    school.municipalityId(), school.status(), school.level(),
                    school.overall() == null ? null : school.overall().percent(),
                    school.directions().stream().map(d -> new DirectionScore(d.earned(), d.max(), d.percent())).toList())));
        } catch (ru.rsoko.platform.web.NotFoundException e) {
            return java.util.Optional.empty();
        }
        var campaign = shape.campaign();
        return java.util.Optional.of(new Scores(campaign.id(), campaign.name(), campaign.year(), shape.preliminary(),
                campaign.closesOn(), campaign.status() != ru.rsoko.vsoko.campaign.CampaignStatus.DRAFT
                        && campaign.status() != ru.rsoko.vsoko.campaign.CampaignStatus.OPEN,
                shape.directions().stream().map(d -> new Direction(d.id(), d.code(), d.name())).toList(),
                java.util.List.copyOf(schools)));
    }
}

package ru.rsoko.vsoko.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.vsoko.SubmissionStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Campaigns of the ВСОКО study for integrations (a school's submission: {@code selfassessment.SubmissionApiController}). */
@RestController
@Tag(name = "ВСОКО")
class CampaignApiController {

    private final CampaignService campaigns;

    CampaignApiController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    record Ref(long id, String name) {
    }

    record CampaignJson(long id, String name, int year, String schoolYear, CampaignStatus status, LocalDate opensOn,
                        LocalDate closesOn, Ref framework, Ref region, boolean allSchools, Long previousId,
                        boolean municipalApproval, Map<SubmissionStatus, Long> submissions, long version) {
    }

    @GetMapping("/api/v1/vsoko/campaigns")
    @Operation(summary = "Кампании исследования ВСОКО, доступные вызывающему")
    List<CampaignJson> list(@AuthenticationPrincipal CurrentUser user) {
        List<CampaignView> list = campaigns.list(user);
        Map<Long, Map<SubmissionStatus, Long>> progress = campaigns.progress(user, list.stream().map(CampaignView::id).toList());
        return list.stream().map(c -> json(c, progress.get(c.id()))).toList();
    }

    @GetMapping("/api/v1/vsoko/campaigns/{id}")
    @Operation(summary = "Кампания: набор показателей, сроки, ход приёма в пределах доступа")
    CampaignJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return json(campaigns.get(user, id), campaigns.progress(user, id));
    }

    private static CampaignJson json(CampaignView c, Map<SubmissionStatus, Long> progress) {
        return new CampaignJson(c.id(), c.name(), c.year(), c.schoolYear(), c.status(), c.opensOn(), c.closesOn(),
                new Ref(c.framework().id(), c.framework().name()), new Ref(c.regionId(), null), c.allSchools(),
                c.previousId(), c.municipalApproval(), progress, c.version());
    }
}

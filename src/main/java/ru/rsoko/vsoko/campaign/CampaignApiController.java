package ru.rsoko.vsoko.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.SubmissionStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Campaigns of the ВСОКО study for integrations (a school's submission: {@code selfassessment.SubmissionApiController}):
 * read within the scope; created, changed, opened, closed and published by regional staff through the same service as
 * the pages.
 */
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

    @Schema(description = "Кампания: название, год, набор показателей, сроки приёма и участники. Пока кампания готовится, "
            + "меняются набор, год и участники (allSchools: true или пусто — все школы региона, иначе schoolIds); после "
            + "открытия школы только добавляются, а согласование МОУО меняется до публикации")
    record CampaignRequest(String name, Integer year, Long frameworkId, LocalDate opensOn, LocalDate closesOn,
                           Boolean allSchools, List<Long> schoolIds, Boolean municipalApproval,
                           @Schema(description = "версия из последнего чтения; обязательна при изменении") Long version) {
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
        return read(user, id);
    }

    @PostMapping("/api/v1/vsoko/campaigns")
    @Operation(summary = "Создать кампанию в состоянии «подготовка» (региональный специалист)",
            description = "Набор показателей — своего региона; предыдущая кампания региона связывается сама.")
    ResponseEntity<CampaignJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody CampaignRequest request) {
        CampaignView campaign = campaigns.create(user, form(request, null));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(campaign.id()).toUri()).body(read(user, campaign.id()));
    }

    @PutMapping("/api/v1/vsoko/campaigns/{id}")
    @Operation(summary = "Изменить кампанию", description = "version обязательна; устаревшая — 409.")
    CampaignJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody CampaignRequest request) {
        kept(user, id);
        if (request.version() == null) {
            throw RuleViolationException.field("version", "Укажите version — версию записи из последнего чтения");
        }
        campaigns.update(user, id, form(request, request.version()));
        return read(user, id);
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/open")
    @Operation(summary = "Открыть (или возобновить) приём самооценки школ",
            description = "Из «подготовки» или «приём завершён»; нужны участники и показатели в наборе, иначе 409.")
    CampaignJson open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        return move(user, id, CampaignStatus.OPEN, version);
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/close")
    @Operation(summary = "Завершить приём (или снять публикацию результатов)",
            description = "Из «идёт приём» или «результаты опубликованы»; из другого состояния — 409.")
    CampaignJson close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        return move(user, id, CampaignStatus.CLOSED, version);
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/publish")
    @Operation(summary = "Опубликовать результаты: их видят МОУО и школы",
            description = "Только после завершения приёма; иначе 409.")
    CampaignJson publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        return move(user, id, CampaignStatus.PUBLISHED, version);
    }

    private CampaignJson move(CurrentUser user, long id, CampaignStatus to, long version) {
        campaigns.changeStatus(user, id, to, version);
        return read(user, id);
    }

    /** Not found outside the scope, refused to all but regional staff: before the body is judged, as on the pages. */
    private void kept(CurrentUser user, long id) {
        campaigns.get(user, id);
        if (!user.is(Role.REGION)) {
            throw RuleViolationException.forbidden("Кампании ведут сотрудники региона");
        }
    }

    private CampaignJson read(CurrentUser user, long id) {
        return json(campaigns.get(user, id), campaigns.progress(user, id));
    }

    private static CampaignService.CampaignForm form(CampaignRequest r, Long version) {
        return new CampaignService.CampaignForm(r.name(), r.year(), r.frameworkId(), r.opensOn(), r.closesOn(),
                r.allSchools(), r.schoolIds(), r.municipalApproval(), version);
    }

    private static CampaignJson json(CampaignView c, Map<SubmissionStatus, Long> progress) {
        return new CampaignJson(c.id(), c.name(), c.year(), c.schoolYear(), c.status(), c.opensOn(), c.closesOn(),
                new Ref(c.framework().id(), c.framework().name()), new Ref(c.regionId(), null), c.allSchools(),
                c.previousId(), c.municipalApproval(), progress, c.version());
    }
}

package ru.rsoko.vsoko;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Campaigns and school submissions of the ВСОКО study for integrations. */
@RestController
@Tag(name = "ВСОКО")
class CampaignApiController {

    private final CampaignService campaigns;
    private final SubmissionService submissions;

    CampaignApiController(CampaignService campaigns, SubmissionService submissions) {
        this.campaigns = campaigns;
        this.submissions = submissions;
    }

    record Ref(long id, String name) {
    }

    record CampaignJson(long id, String name, int year, String schoolYear, CampaignStatus status, LocalDate opensOn,
                        LocalDate closesOn, Ref framework, Ref region, boolean allSchools, Long previousId,
                        Map<SubmissionStatus, Long> submissions, long version) {
    }

    record ValueJson(String code, String direction, String value, BigDecimal stored, String evidenceUrl,
                     String expertValue, String expertComment, BigDecimal points, Long version) {
    }

    record ProgressJson(String code, int filled, int total) {
    }

    record SubmissionJson(long id, long campaignId, Ref school, Long municipalityId, SubmissionStatus status,
                          Instant submittedAt, String returnComment, List<ProgressJson> progress, List<ValueJson> values,
                          long version) {
    }

    record SubmissionPut(Long version, List<SubmissionService.Answer> values) {
    }

    record VersionBody(Long version) {
    }

    @GetMapping("/api/v1/vsoko/campaigns")
    @Operation(summary = "Кампании исследования ВСОКО, доступные вызывающему")
    @Transactional(readOnly = true)
    List<CampaignJson> list(@AuthenticationPrincipal CurrentUser user) {
        return campaigns.list(user).stream().map(c -> json(user, c)).toList();
    }

    @GetMapping("/api/v1/vsoko/campaigns/{id}")
    @Operation(summary = "Кампания: набор показателей, сроки, ход приёма в пределах доступа")
    @Transactional(readOnly = true)
    CampaignJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return json(user, campaigns.get(user, id));
    }

    @GetMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}")
    @Operation(summary = "Самооценка школы: значения, ссылки, исправления эксперта, заполненность по направлениям")
    @Transactional(readOnly = true)
    SubmissionJson submission(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId) {
        return json(submissions.get(user, id, schoolId));
    }

    @PutMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}")
    @Transactional
    @Operation(summary = "Записать значения (пока самооценка не представлена)",
            description = "values: [{code, value, evidenceUrl}] — value как пишут люди: «да»/«нет», число, процент, "
                    + "вариант ответа; version — версия самооценки, которую вы прочитали. Всё или ничего.")
    SubmissionJson put(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                       @RequestBody SubmissionPut body) {
        Submission submission = submissions.get(user, id, schoolId);
        submissions.saveAll(user, submission.getId(), body.version(), body.values());
        return json(submissions.get(user, id, schoolId));
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/submit")
    @Transactional
    @Operation(summary = "Представить самооценку: после этого она закрыта для изменений")
    SubmissionJson submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                          @RequestBody(required = false) VersionBody body, @RequestParam(required = false) Long version) {
        Submission submission = submissions.get(user, id, schoolId);
        Long v = body != null && body.version() != null ? body.version() : version;
        submissions.submit(user, submission.getId(), v != null ? v : submission.getVersion());
        return json(submissions.get(user, id, schoolId));
    }

    private CampaignJson json(CurrentUser user, Campaign c) {
        Framework f = c.getFramework();
        return new CampaignJson(c.getId(), c.getName(), c.getYear(), c.schoolYear(), c.getStatus(), c.getOpensOn(),
                c.getClosesOn(), new Ref(f.getId(), f.getName()), new Ref(c.getRegionId(), null), c.isAllSchools(),
                c.getPreviousId(), campaigns.progress(user, c), c.getVersion());
    }

    private SubmissionJson json(Submission s) {
        Map<Long, IndicatorValue> values = submissions.values(s);
        List<ValueJson> list = new ArrayList<>();
        for (Indicator i : s.getCampaign().getFramework().indicators()) {
            IndicatorValue v = values.get(i.getId());
            if (v != null) {
                list.add(new ValueJson(i.getCode(), i.getDirection().getCode(), Answers.show(i, v.getValue()), v.getValue(),
                        v.getEvidenceUrl(), v.getExpertValue() == null ? null : Answers.show(i, v.getExpertValue()),
                        v.getExpertComment(), v.getPoints(), v.getVersion()));
            }
        }
        List<ProgressJson> progress = submissions.progress(s, values).stream()
                .map(p -> new ProgressJson(p.direction().getCode(), p.filled(), p.total())).toList();
        return new SubmissionJson(s.getId(), s.getCampaign().getId(), new Ref(s.getSchool().getId(), s.getSchool().getName()),
                s.getMunicipalityId(), s.getStatus(), s.getSubmittedAt(), s.getReturnComment(), progress, list, s.getVersion());
    }
}

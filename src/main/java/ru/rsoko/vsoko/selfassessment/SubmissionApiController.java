package ru.rsoko.vsoko.selfassessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.framework.Answers;
import ru.rsoko.vsoko.framework.FrameworkView.IndicatorView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A school's submission of the ВСОКО study for integrations: read, write all or nothing, hand in. */
@RestController
@Tag(name = "ВСОКО")
class SubmissionApiController {

    private final SubmissionService submissions;

    SubmissionApiController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    record Ref(long id, String name) {
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

    @GetMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}")
    @Operation(summary = "Самооценка школы: значения, ссылки, исправления эксперта, заполненность по направлениям")
    SubmissionJson submission(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId) {
        return json(submissions.read(user, id, schoolId));
    }

    @PutMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}")
    @Operation(summary = "Записать значения (пока самооценка не представлена)",
            description = "values: [{code, value, evidenceUrl}] — value как пишут люди: «да»/«нет», число, процент, "
                    + "вариант ответа; version — версия самооценки, которую вы прочитали. Всё или ничего.")
    SubmissionJson put(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                       @RequestBody SubmissionPut body) {
        return json(submissions.saveAll(user, id, schoolId, body.version(), body.values()));
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/submit")
    @Operation(summary = "Представить самооценку: после этого она закрыта для изменений")
    SubmissionJson submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                          @RequestBody(required = false) VersionBody body, @RequestParam(required = false) Long version) {
        Long v = body != null && body.version() != null ? body.version() : version;
        if (v == null) {
            // without a version the caller hands in the self-assessment as it is now
            v = submissions.read(user, id, schoolId).submission().version();
        }
        return json(submissions.submit(user, id, schoolId, v));
    }

    private static SubmissionJson json(SubmissionPage page) {
        SubmissionView s = page.submission();
        List<ValueJson> list = new ArrayList<>();
        for (IndicatorView i : page.framework().indicators()) {
            ValueView v = page.values().get(i.id());
            if (v != null) {
                list.add(new ValueJson(i.code(), i.directionCode(), Answers.show(i, v.value()), v.value(),
                        v.evidenceUrl(), v.expertValue() == null ? null : Answers.show(i, v.expertValue()),
                        v.expertComment(), v.points(), v.version()));
            }
        }
        List<ProgressJson> progress = page.progress().stream()
                .map(p -> new ProgressJson(p.direction().code(), p.filled(), p.total())).toList();
        return new SubmissionJson(s.id(), s.campaignId(), new Ref(s.school().id(), s.school().name()),
                s.municipalityId(), s.status(), s.submittedAt(), s.returnComment(), progress, list, s.version());
    }
}

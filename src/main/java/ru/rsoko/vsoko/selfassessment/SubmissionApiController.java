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
import ru.rsoko.platform.web.ConcurrentEditException;

/**
 * A school's submission of the ВСОКО study for integrations: read, prefill from earlier years, write all or nothing,
 * hand in; the municipality's approval and the region's review, one by one or several at once.
 */
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
                     String expertValue, String expertComment, BigDecimal points, Long prefilledFrom, Long version) {
    }

    record ProgressJson(String code, int filled, int total, int withoutLink, int unconfirmed) {
    }

    record SubmissionJson(long id, long campaignId, Ref school, Long municipalityId, SubmissionStatus status,
                          Instant submittedAt, Instant approvedAt, String returnComment, int unconfirmed,
                          List<ProgressJson> progress, List<ValueJson> values, long version) {
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
        submissions.read(user, id, schoolId);
        return json(submissions.submit(user, id, schoolId, ConcurrentEditException.required(v)));
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/prefill")
    @Operation(summary = "Заполнить самооценку прошлыми ответами школы (школа, муниципалитет)",
            description = "Каждый показатель без ответа получает последний прежний ответ школы на показатель с тем же кодом "
                    + "и ссылку; values[].prefilledFrom — id кампании-источника, пока ответ не подтверждён или не изменён "
                    + "(подтверждает PUT с тем же ответом или POST …/confirm). Представленная самооценка — 409.")
    SubmissionJson prefill(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                           @RequestBody(required = false) VersionBody body) {
        submissions.prefill(user, id, schoolId, version(user, id, schoolId, body));
        return json(submissions.read(user, id, schoolId));
    }

    record ConfirmBody(List<String> codes, Long version) {
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/confirm")
    @Operation(summary = "Подтвердить ответы, перенесённые из прошлых лет, как есть",
            description = "codes — коды показателей (без них — все перенесённые ответы); version — версия самооценки.")
    SubmissionJson confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                           @RequestBody(required = false) ConfirmBody body) {
        submissions.read(user, id, schoolId);
        Long version = ConcurrentEditException.required(body == null ? null : body.version());
        submissions.confirmCodes(user, id, schoolId, body == null ? null : body.codes(), version);
        return json(submissions.read(user, id, schoolId));
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/approve")
    @Operation(summary = "Согласовать представленную самооценку школы (муниципалитет, если кампания этого требует)")
    SubmissionJson approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                           @RequestBody(required = false) VersionBody body) {
        submissions.approve(user, id, schoolId, version(user, id, schoolId, body));
        return json(submissions.read(user, id, schoolId));
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/accept")
    @Operation(summary = "Принять самооценку (эксперт региона; при согласовании муниципалитетом — после него)")
    SubmissionJson accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                          @RequestBody(required = false) VersionBody body) {
        submissions.accept(user, id, schoolId, version(user, id, schoolId, body));
        return json(submissions.read(user, id, schoolId));
    }

    record ReturnBody(String comment, Long version) {
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/return")
    @Operation(summary = "Вернуть самооценку на доработку с комментарием (муниципалитет или эксперт региона)")
    SubmissionJson returnForRevision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                     @PathVariable long schoolId, @RequestBody(required = false) ReturnBody body) {
        submissions.read(user, id, schoolId);
        Long version = ConcurrentEditException.required(body == null ? null : body.version());
        submissions.returnForRevision(user, id, schoolId, body == null ? null : body.comment(), version);
        return json(submissions.read(user, id, schoolId));
    }

    record ReviewBody(SubmissionService.Review action, String comment, List<SubmissionService.Item> items) {
    }

    record ReviewJson(SubmissionService.Review action, int done) {
    }

    @PostMapping("/api/v1/vsoko/campaigns/{id}/submissions/review")
    @Operation(summary = "Согласовать, принять или вернуть несколько самооценок сразу",
            description = "action: APPROVE | ACCEPT | RETURN; items: [{schoolId, version}]; comment — обязателен для RETURN. "
                    + "Каждая самооценка проверяется как по отдельности; всё или ничего: при ошибках 422 с ошибкой по каждой школе.")
    ReviewJson review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ReviewBody body) {
        return new ReviewJson(body.action(), submissions.review(user, id, body.action(), body.items(), body.comment()));
    }

    /** The version the caller sent (after the scope is checked: outside it 404 comes first); none is a 400. */
    private Long version(CurrentUser user, long id, long schoolId, VersionBody body) {
        submissions.read(user, id, schoolId);
        return ConcurrentEditException.required(body == null ? null : body.version());
    }

    private static SubmissionJson json(SubmissionPage page) {
        SubmissionView s = page.submission();
        List<ValueJson> list = new ArrayList<>();
        for (IndicatorView i : page.framework().indicators()) {
            ValueView v = page.values().get(i.id());
            if (v != null) {
                list.add(new ValueJson(i.code(), i.directionCode(), Answers.show(i, v.value()), v.value(),
                        v.evidenceUrl(), v.expertValue() == null ? null : Answers.show(i, v.expertValue()),
                        v.expertComment(), v.points(), v.prefilledFrom(), v.version()));
            }
        }
        List<ProgressJson> progress = page.progress().stream()
                .map(p -> new ProgressJson(p.direction().code(), p.filled(), p.total(), p.withoutLink(), p.unconfirmed())).toList();
        return new SubmissionJson(s.id(), s.campaignId(), new Ref(s.school().id(), s.school().name()),
                s.municipalityId(), s.status(), s.submittedAt(), s.approvedAt(), s.returnComment(), page.unconfirmed(),
                progress, list, s.version());
    }
}

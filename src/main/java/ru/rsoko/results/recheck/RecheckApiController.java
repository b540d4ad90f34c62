package ru.rsoko.results.recheck;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.results.Subject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Regional re-checks for integrations: read within the scope, drawn and marked by regional staff. */
@RestController
@Tag(name = "Перепроверки работ")
class RecheckApiController {

    record OrgRef(long id, String name) {
    }

    record ExpertJson(long id, String name, @Nullable String position, long works) {
    }

    record WorkJson(long id, String code, OrgRef school, @Nullable String reason, @Nullable Long expertId,
                    @Nullable BigDecimal schoolScore, @Nullable Integer schoolMark, @Nullable BigDecimal expertScore,
                    @Nullable Integer expertMark, long version) {
    }

    record RecheckJson(long id, long procedureId, String procedure, int year, Subject subject, int grade, SampleRule rule,
                       int schoolsWanted, int worksPerSchool, long seed, RecheckStatus status, Instant createdAt,
                       long schools, long works, long version, @Nullable List<ExpertJson> experts,
                       @Nullable List<WorkJson> workList) {
    }

    record DiscrepancyJson(long recheckId, OrgRef school, @Nullable String municipality, Subject subject, int grade,
                           long works, long checked, long differs, @Nullable BigDecimal differsPercent, long lowered,
                           long raised, @Nullable BigDecimal meanScoreDifference) {
    }

    @Schema(description = "Выборка: процедура плана региона, предмет (код Subject), класс, правило (RANDOM — случайно среди ОО "
            + "с результатами или участников процедуры, SIGNS — ОО с признаками необъективности, LISTED — ОО из списков года), "
            + "число школ и работ от школы; seed — зерно жеребьёвки (без него — случайное, возвращается в ответе)")
    record DrawRequest(Long procedureId, Subject subject, Integer grade, SampleRule rule, Integer schools,
                       Integer worksPerSchool, @Nullable Long seed) {
    }

    @Schema(description = "Отметки работы по её коду; пустое поле очищает значение. version — из последнего чтения (необязательна; "
            + "устаревшая — 409)")
    record WorkRequest(String code, @Nullable Long expertId, @Nullable BigDecimal schoolScore, @Nullable Integer schoolMark,
                       @Nullable BigDecimal expertScore, @Nullable Integer expertMark, @Nullable Long version) {
    }

    private final RecheckService rechecks;

    RecheckApiController(RecheckService rechecks) {
        this.rechecks = rechecks;
    }

    @GetMapping("/api/v1/rechecks")
    @Operation(summary = "Перепроверки года",
            description = "Регион и администратор — все перепроверки региона; МОУО и руководитель ОО — те, где есть работы их школ. "
                    + "Без year — текущий год.")
    List<RecheckJson> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year) {
        int y = year != null ? year : rechecks.currentYear(user);
        return rechecks.list(user, y).stream().map(v -> json(v, null, null)).toList();
    }

    @GetMapping("/api/v1/rechecks/{id}")
    @Operation(summary = "Перепроверка", description = "Эксперты и работы с кодами — только региону и администратору.")
    RecheckJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        RecheckService.View v = rechecks.view(user, id);
        if (!RecheckService.seesWorks(user)) {
            return json(v, null, null);
        }
        return json(v, rechecks.experts(user, id), rechecks.works(user, id));
    }

    @PostMapping("/api/v1/rechecks")
    @Operation(summary = "Сформировать выборку работ (региональный специалист)",
            description = "Жеребьёвка детерминирована: тот же seed и те же кандидаты дают ту же выборку. Нет кандидатов — 400.")
    ResponseEntity<RecheckJson> draw(@AuthenticationPrincipal CurrentUser user, @RequestBody DrawRequest request) {
        long id = rechecks.draw(user, new RecheckService.DrawForm(request.procedureId(), request.subject(), request.grade(),
                request.rule(), request.schools(), request.worksPerSchool(), request.seed()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri())
                .body(one(user, id));
    }

    @PutMapping("/api/v1/rechecks/{id}/works")
    @Operation(summary = "Отметки работ (региональный специалист)",
            description = "Все или ничего: при любой ошибке (отметки 2–5, баллы ≥ 0, неизвестный или повторённый код, эксперт не из "
                    + "комиссии) — 400 с ошибками по строкам; устаревшая version — 409.")
    RecheckJson works(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody List<WorkRequest> works) {
        if (works == null || works.isEmpty()) {
            throw RuleViolationException.field("works", "Передайте хотя бы одну работу");
        }
        rechecks.saveWorks(user, id, works.stream().map(w -> new RecheckService.Marks(w.code(), w.expertId(), w.schoolScore(),
                w.schoolMark(), w.expertScore(), w.expertMark(), w.version())).toList(), null);
        return one(user, id);
    }

    @GetMapping("/api/v1/rechecks/{id}/discrepancies")
    @Operation(summary = "Расхождения отметок по школам",
            description = "Проверена — работа с обеими отметками; расхождение — отметка эксперта ≠ отметке ОО. МОУО и руководитель "
                    + "ОО видят только свои школы.")
    List<DiscrepancyJson> discrepancies(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return rechecks.discrepancies(user, id).stream().map(f -> new DiscrepancyJson(f.recheckId(),
                new OrgRef(f.schoolId(), f.schoolName()), f.municipalityName(), f.subject(), f.grade(), f.works(), f.checked(),
                f.differs(), f.differsShare().percent(), f.lowered(), f.raised(), f.meanScoreDifference())).toList();
    }

    private static RecheckJson json(RecheckService.View v, @Nullable List<RecheckService.ExpertRow> experts,
                                    @Nullable List<RecheckService.WorkRow> works) {
        return new RecheckJson(v.id(), v.procedureId(), v.procedureTitle(), v.year(), v.subject(), v.grade(), v.rule(),
                v.schoolsWanted(), v.worksPerSchool(), v.seed(), v.status(), v.createdAt(), v.schools(), v.works(), v.version(),
                experts == null ? null : experts.stream().map(e -> new ExpertJson(e.id(), e.name(), e.position(), e.works())).toList(),
                works == null ? null : works.stream().map(w -> new WorkJson(w.id(), w.code(), new OrgRef(w.schoolId(), w.schoolName()),
                        w.reason(), w.expertId(), w.schoolScore(), w.schoolMark(), w.expertScore(), w.expertMark(), w.version())).toList());
    }
}

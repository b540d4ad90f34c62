package ru.rsoko.vsoko.framework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.framework.FrameworkForms.DirectionForm;
import ru.rsoko.vsoko.framework.FrameworkForms.FrameworkForm;
import ru.rsoko.vsoko.framework.FrameworkForms.IndicatorForm;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Frameworks for integrations: everyone of a region reads them; its regional staff create, copy and, until a
 * campaign has opened on one, change them — through the same service as the pages, with the same rules.
 */
@RestController
@RequestMapping("/api/v1/vsoko/frameworks")
@Tag(name = "ВСОКО", description = "Исследование эффективности ВСОКО: наборы показателей, кампании, самооценка школ")
class FrameworkApiController {

    private final FrameworkQueries frameworks;
    private final FrameworkEditService edits;

    FrameworkApiController(FrameworkQueries frameworks, FrameworkEditService edits) {
        this.frameworks = frameworks;
        this.edits = edits;
    }

    record FrameworkSummaryDto(long id, String name, int year, boolean sample, int directionCount, int indicatorCount,
                               boolean locked) {
        static FrameworkSummaryDto of(FrameworkQueries.Summary s) {
            return new FrameworkSummaryDto(s.id(), s.name(), s.year(), s.sample(), s.directions(), s.indicators(), s.locked());
        }
    }

    record OptionDto(String label, BigDecimal points) {
    }

    record IndicatorDto(long id, String code, String wording, ValueType valueType, BigDecimal points, BigDecimal target,
                        boolean evidenceRequired, List<OptionDto> options, long version) {
        static IndicatorDto of(FrameworkView.IndicatorView i) {
            return new IndicatorDto(i.id(), i.code(), i.wording(), i.valueType(), i.points(), i.target(),
                    i.evidenceRequired(), i.options().stream().map(o -> new OptionDto(o.label(), o.points())).toList(),
                    i.version());
        }
    }

    record DirectionDto(long id, String code, String name, int indicatorCount, List<IndicatorDto> indicators, long version) {
        static DirectionDto of(FrameworkView.DirectionView d) {
            return new DirectionDto(d.id(), d.code(), d.name(), d.indicators().size(),
                    d.indicators().stream().map(IndicatorDto::of).toList(), d.version());
        }
    }

    record ThresholdsDto(BigDecimal formed, BigDecimal partial) {
    }

    record FrameworkDto(long id, String name, int year, boolean sample, List<DirectionDto> directions,
                        ThresholdsDto thresholds, boolean locked, long version) {
        static FrameworkDto of(FrameworkView f, boolean locked) {
            return new FrameworkDto(f.id(), f.name(), f.year(), f.sample(),
                    f.directions().stream().map(DirectionDto::of).toList(),
                    new ThresholdsDto(f.formedFrom(), f.partialFrom()), locked, f.version());
        }
    }

    @Schema(description = "Набор показателей: название, год и пороги уровней, % (по умолчанию 75 и 50)")
    record FrameworkRequest(String name, Integer year, ThresholdsDto thresholds,
                            @Schema(description = "версия из последнего чтения; обязательна при изменении") Long version) {
    }

    @Schema(description = "Направление: код (уникален в наборе) и название")
    record DirectionRequest(String code, String name,
                            @Schema(description = "версия направления; обязательна при изменении") Long version) {
    }

    @Schema(description = "Показатель: код (уникален в наборе), формулировка, тип ответа, баллы; target — только для NUMBER; "
            + "options — варианты CHOICE (не меньше двух), баллы CHOICE по умолчанию — наибольшие из вариантов")
    record IndicatorRequest(String code, String wording, ValueType valueType, BigDecimal points, BigDecimal target,
                            List<OptionDto> options, Boolean evidenceRequired,
                            @Schema(description = "версия показателя; обязательна при изменении") Long version) {
    }

    // ---- reading

    @GetMapping
    @Operation(summary = "Наборы показателей ВСОКО региона пользователя",
            description = "Новые годы сначала. locked — набор используется в начатой кампании и не меняется.")
    List<FrameworkSummaryDto> list(@AuthenticationPrincipal CurrentUser user) {
        return frameworks.summaries(user.scope()).stream().map(FrameworkSummaryDto::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Набор показателей целиком: направления, показатели, варианты и пороги уровней",
            description = "valueType: YES_NO, NUMBER (target — цель), PERCENT, CHOICE (options — варианты с баллами). "
                    + "thresholds: formed — «сформирована» от, %; partial — «частично сформирована» от, %. "
                    + "Набор другого региона — 404.")
    FrameworkDto get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return read(user, id);
    }

    @GetMapping("/{id}/directions/{directionId}")
    @Operation(summary = "Направление набора с его показателями")
    DirectionDto direction(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long directionId) {
        return DirectionDto.of(frameworks.full(user.scope(), id).direction(directionId));
    }

    @GetMapping("/{id}/indicators/{indicatorId}")
    @Operation(summary = "Показатель набора")
    IndicatorDto indicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long indicatorId) {
        return IndicatorDto.of(frameworks.full(user.scope(), id).indicator(indicatorId));
    }

    // ---- the framework itself (regional staff)

    @PostMapping
    @PreAuthorize("hasRole('REGION')")
    @Operation(summary = "Создать пустой набор показателей региона (региональный специалист)")
    ResponseEntity<FrameworkDto> create(@AuthenticationPrincipal CurrentUser user, @RequestBody FrameworkRequest request) {
        long id = edits.create(user, form(request, null));
        return ResponseEntity.created(here("/{id}", id)).body(read(user, id));
    }

    @PostMapping("/{id}/copy")
    @PreAuthorize("hasRole('REGION')")
    @Operation(summary = "Создать новую версию набора копированием: направления, показатели, варианты и пороги",
            description = "Так меняют набор, уже использованный в начатой кампании. Тело: name и year новой версии.")
    ResponseEntity<FrameworkDto> copy(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                      @RequestBody FrameworkRequest request) {
        frameworks.full(user.scope(), id);
        long copy = edits.copy(user, id, form(request, null));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/vsoko/frameworks/{id}").buildAndExpand(copy).toUri()).body(read(user, copy));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('REGION')")
    @Operation(summary = "Изменить название, год и пороги набора",
            description = "Набор, используемый в начатой кампании, не меняется (409). version обязательна; устаревшая — 409.")
    FrameworkDto update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody FrameworkRequest request) {
        frameworks.full(user.scope(), id);
        edits.update(user, id, form(request, required(request.version())));
        return read(user, id);
    }

    // ---- directions

    @PostMapping("/{id}/directions")
    @PreAuthorize("hasRole('REGION')")
    @Operation(summary = "Добавить направление в конец набора")
    ResponseEntity<DirectionDto> addDirection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                              @RequestBody DirectionRequest request) {
        long direction = edits.addDirection(user, id, form(request, null));
        return ResponseEntity.created(here("/{directionId}", direction))
                .body(DirectionDto.of(frameworks.full(user.scope(), id).direction(direction)));
    }

    @PutMapping("/{id}/directions/{directionId}")
    @PreAuthorize("hasRole('REGION')")
    @Operation(summary = "Изменить код и название направления", description = "version направления обязательна; устаревшая — 409.")
    DirectionDto updateDirection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                 @PathVariable long directionId, @RequestBody DirectionRequest request) {
        frameworks.full(user.scope(), id).direction(directionId);
        edits.updateDirection(user, id, directionId, form(request, required(request.version())));
        return DirectionDto.of(frameworks.full(user.scope(), id).direction(directionId));
    }

    @DeleteMapping("/{id}/directions/{directionId}")
    @PreAuthorize("hasRole('REGION')")
    @Operation(summary = "Удалить направление вместе с его показателями", description = "Остальные перенумеровываются.")
    ResponseEntity<Void> deleteDirection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                         @PathVariable long directionId, @RequestParam long version) {
        edits.deleteDirection(user, id, directionId, version);
        return ResponseEntity.noContent().build();
    }

    // ---- indicators

    @PostMapping("/{id}/directions/{directionId}/indicators")
    @PreAuthorize("hasRole('REGION')")
    @Operation(summary = "Добавить показатель в конец направления")
    ResponseEntity<IndicatorDto> addIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                              @PathVariable long directionId, @RequestBody IndicatorRequest request) {
        long indicator = edits.addIndicator(user, id, directionId, form(request, null));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/v1/vsoko/frameworks/{id}/indicators/{indicatorId}").buildAndExpand(id, indicator).toUri())
                .body(IndicatorDto.of(frameworks.full(user.scope(), id).indicator(indicator)));
    }

    @PutMapping("/{id}/indicators/{indicatorId}")
    @PreAuthorize("hasRole('REGION')")
    @Operation(summary = "Изменить показатель", description = "version показателя обязательна; устаревшая — 409.")
    IndicatorDto updateIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                 @PathVariable long indicatorId, @RequestBody IndicatorRequest request) {
        frameworks.full(user.scope(), id).indicator(indicatorId);
        edits.updateIndicator(user, id, indicatorId, form(request, required(request.version())));
        return IndicatorDto.of(frameworks.full(user.scope(), id).indicator(indicatorId));
    }

    @DeleteMapping("/{id}/indicators/{indicatorId}")
    @PreAuthorize("hasRole('REGION')")
    @Operation(summary = "Удалить показатель", description = "Остальные показатели направления перенумеровываются.")
    ResponseEntity<Void> deleteIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                         @PathVariable long indicatorId, @RequestParam long version) {
        edits.deleteIndicator(user, id, indicatorId, version);
        return ResponseEntity.noContent().build();
    }

    // ---- mapping

    private FrameworkDto read(CurrentUser user, long id) {
        FrameworkQueries.Card card = frameworks.card(user.scope(), id);
        return FrameworkDto.of(card.framework(), card.locked());
    }

    private static URI here(String path, long id) {
        return ServletUriComponentsBuilder.fromCurrentRequest().path(path).buildAndExpand(id).toUri();
    }

    private static Long required(Long version) {
        if (version == null) {
            throw RuleViolationException.field("version", "Укажите version — версию записи из последнего чтения");
        }
        return version;
    }

    private static FrameworkForm form(FrameworkRequest r, Long version) {
        FrameworkForm form = new FrameworkForm();
        form.setName(r.name());
        form.setYear(r.year() == null ? null : String.valueOf(r.year()));
        if (r.thresholds() != null) {
            form.setFormedFrom(r.thresholds().formed() == null ? null : FrameworkForms.plain(r.thresholds().formed()));
            form.setPartialFrom(r.thresholds().partial() == null ? null : FrameworkForms.plain(r.thresholds().partial()));
        }
        form.setVersion(version);
        return form;
    }

    private static DirectionForm form(DirectionRequest r, Long version) {
        DirectionForm form = new DirectionForm();
        form.setCode(r.code());
        form.setName(r.name());
        form.setVersion(version);
        return form;
    }

    private static IndicatorForm form(IndicatorRequest r, Long version) {
        IndicatorForm form = new IndicatorForm();
        form.setCode(r.code());
        form.setWording(r.wording());
        form.setValueType(r.valueType());
        form.setPoints(FrameworkForms.plain(r.points()));
        form.setTarget(r.target() == null ? null : FrameworkForms.plain(r.target()));
        form.setOptions(r.options() == null ? null : r.options().stream()
                .map(o -> o.label() + " = " + FrameworkForms.plain(o.points())).collect(Collectors.joining("\n")));
        form.setEvidenceRequired(Boolean.TRUE.equals(r.evidenceRequired()));
        form.setVersion(version);
        return form;
    }
}

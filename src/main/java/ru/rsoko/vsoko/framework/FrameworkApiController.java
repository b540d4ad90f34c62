package ru.rsoko.vsoko.framework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;

import java.math.BigDecimal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/vsoko/frameworks")
@Tag(name = "ВСОКО", description = "Исследование эффективности ВСОКО: наборы показателей, кампании, самооценка школ")
class FrameworkApiController {

    private final FrameworkQueries frameworks;

    FrameworkApiController(FrameworkQueries frameworks) {
        this.frameworks = frameworks;
    }

    record FrameworkSummaryDto(long id, String name, int year, boolean sample, int directionCount, int indicatorCount,
                               boolean locked) {
        static FrameworkSummaryDto of(FrameworkQueries.Summary s) {
            return new FrameworkSummaryDto(s.id(), s.name(), s.year(), s.sample(), s.directions(), s.indicators(), s.locked());
        }
    }

    record OptionDto(String label, BigDecimal points) {
    }

    record IndicatorDto(String code, String wording, ValueType valueType, BigDecimal points, BigDecimal target,
                        boolean evidenceRequired, List<OptionDto> options) {
    }

    record DirectionDto(String code, String name, int indicatorCount, List<IndicatorDto> indicators) {
    }

    record ThresholdsDto(BigDecimal formed, BigDecimal partial) {
    }

    record FrameworkDto(long id, String name, int year, boolean sample, List<DirectionDto> directions,
                        ThresholdsDto thresholds) {
        static FrameworkDto of(FrameworkView f) {
            return new FrameworkDto(f.id(), f.name(), f.year(), f.sample(), f.directions().stream()
                    .map(d -> new DirectionDto(d.code(), d.name(), d.indicators().size(), d.indicators().stream()
                            .map(i -> new IndicatorDto(i.code(), i.wording(), i.valueType(), i.points(),
                                    i.target(), i.evidenceRequired(), i.options().stream()
                                    .map(o -> new OptionDto(o.label(), o.points())).toList()))
                            .toList()))
                    .toList(), new ThresholdsDto(f.formedFrom(), f.partialFrom()));
        }
    }

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
        return FrameworkDto.of(frameworks.full(user.scope(), id));
    }
}

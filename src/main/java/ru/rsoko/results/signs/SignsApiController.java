package ru.rsoko.results.signs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The rules' thresholds, the computed signs of non-objectivity and ШНОР candidates, and the verdicts on them. */
@RestController
@Tag(name = "Признаки необъективности и ШНОР")
class SignsApiController {

    record OrgRef(long id, String name) {
    }

    record SignJson(SignRule rule, double value, double regionValue, String text) {
    }

    record FlagJson(OrgRef school, String subject, int grade, List<SignJson> signs) {
    }

    record ReasonJson(int year, String text) {
    }

    record ReviewJson(long schoolId, Verdict verdict, String comment, String reasons, Instant decidedAt, String decidedBy,
                      long version) {
    }

    record CandidateJson(OrgRef school, List<ReasonJson> reasons, ReviewJson review, boolean listed) {
    }

    @Schema(description = "Пороги правил региона; доли и превышения — в процентах")
    record RulesJson(Integer minParticipants, BigDecimal topMarkFactor, BigDecimal topMarkMargin, BigDecimal raisedShare,
                     BigDecimal loweredShare, BigDecimal recheckDiscrepancyShare, Integer recheckMinWorks,
                     BigDecimal yearJump, BigDecimal lowFailShare, Integer lowSubjects, BigDecimal lowBottomShare,
                     Integer lowYears,
                     @Schema(description = "версия из последнего чтения; null, пока регион на значениях по умолчанию") Long version,
                     @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "правила в словах") List<String> wordings) {
    }

    @Schema(description = "Решение по школе: ACCEPTED — включить в список (основание — признаки), DISMISSED — не включать "
            + "(включённая ранее школа исключается из списка)")
    record VerdictRequest(Verdict verdict, String comment,
                          @Schema(description = "версия решения из последнего чтения; для первого решения не нужна") Long version) {
    }

    private final RuleService rules;
    private final ObjectivitySigns signs;
    private final LowResultsCandidates candidates;
    private final ReviewService reviews;
    private final Formats formats;

    SignsApiController(RuleService rules, ObjectivitySigns signs, LowResultsCandidates candidates, ReviewService reviews,
                       Formats formats) {
        this.rules = rules;
        this.signs = signs;
        this.candidates = candidates;
        this.reviews = reviews;
        this.formats = formats;
    }

    @GetMapping("/api/v1/results/rules")
    @Operation(summary = "Правила признаков необъективности и кандидатов в ШНОР с порогами региона",
            description = "Регион без своих порогов использует значения по умолчанию (version = null).")
    RulesJson rules(@AuthenticationPrincipal CurrentUser user) {
        return json(rules.setting(user));
    }

    @PutMapping("/api/v1/results/rules")
    @Operation(summary = "Изменить пороги правил региона (региональный специалист)",
            description = "Все поля обязательны; version — из последнего чтения (409, если устарела).")
    RulesJson updateRules(@AuthenticationPrincipal CurrentUser user, @RequestBody RulesJson body) {
        RuleService.requireKeeper(user);
        Rules r = new Rules(required("minParticipants", body.minParticipants()), body.topMarkFactor(), body.topMarkMargin(),
                body.raisedShare(), body.loweredShare(), body.recheckDiscrepancyShare(),
                required("recheckMinWorks", body.recheckMinWorks()), body.yearJump(), body.lowFailShare(),
                required("lowSubjects", body.lowSubjects()), body.lowBottomShare(), required("lowYears", body.lowYears()));
        return json(rules.update(user, r, body.version()));
    }

    @GetMapping("/api/v1/objectivity/signs")
    @Operation(summary = "Признаки необъективности года по школам, предметам и классам",
            description = "Вычисляются по результатам ВПР и порогам региона. Регион и администратор — школы региона, МОУО — "
                    + "свои школы, руководитель ОО — своя школа. Без year — последний год с результатами. rule: TOP_MARKS, "
                    + "RAISED, LOWERED, RECHECK, YEAR_JUMP; value — показатель школы (%), regionValue — с чем сравнивается: "
                    + "доля по региону, порог или прошлый год.")
    List<FlagJson> signs(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year) {
        return signs.flags(user, year(user, year)).stream()
                .map(f -> new FlagJson(new OrgRef(f.school().id(), f.school().name()), f.subject().name(), f.grade(),
                        f.signs().stream().map(s -> new SignJson(s.rule(), s.value(), s.regionValue(), s.text())).toList()))
                .toList();
    }

    @GetMapping("/api/v1/low-results/candidates")
    @Operation(summary = "Кандидаты в ШНОР года с основаниями по годам",
            description = "Область видимости — как у признаков необъективности. review — решение регионального "
                    + "специалиста (если есть), listed — школа в списке ШНОР года.")
    List<CandidateJson> candidates(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year) {
        int y = year(user, year);
        List<ReviewService.Review> reviewed = reviews.reviews(user, y, ListKind.LOW_RESULTS);
        List<ReviewService.Item> items = reviews.items(user, y, ListKind.LOW_RESULTS);
        return candidates.candidates(user, y).stream().map(c -> {
            ReviewService.Review r = reviewed.stream().filter(v -> v.schoolId() == c.school().id()).findFirst().orElse(null);
            boolean listed = items.stream().anyMatch(i -> i.school().id() == c.school().id() && i.listed());
            return new CandidateJson(new OrgRef(c.school().id(), c.school().name()),
                    c.reasons().stream().map(x -> new ReasonJson(x.year(), x.text())).toList(), json(r), listed);
        }).toList();
    }

    @GetMapping("/api/v1/list-reviews")
    @Operation(summary = "Решения по школам, выдвинутым правилами в список года",
            description = "kind: NON_OBJECTIVE — признаки необъективности, LOW_RESULTS — ШНОР. В пределах области видимости.")
    List<ReviewJson> reviews(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                             @RequestParam ListKind kind) {
        return reviews.reviews(user, year(user, year), kind).stream().map(SignsApiController::json).toList();
    }

    @PutMapping("/api/v1/list-reviews/{year}/{kind}/{schoolId}")
    @Operation(summary = "Решение по школе: включить в список года или не включать (региональный специалист)",
            description = "comment обязателен. ACCEPTED вносит школу в список с признаками как основанием (до 2 000 "
                    + "символов); DISMISSED после включения исключает её из списка. Школа, которую правила не выдвигают "
                    + "и по которой решений не было, — 400; вне области видимости — 404; устаревшая version — 409.")
    ReviewJson decide(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable ListKind kind,
                      @PathVariable long schoolId, @RequestBody VerdictRequest body) {
        return json(reviews.decide(user, year, kind, schoolId, body.verdict(), body.comment(), body.version()));
    }

    private static int required(String field, Integer value) {
        if (value == null) {
            throw RuleViolationException.field(field, "Укажите " + field);
        }
        return value;
    }

    private int year(CurrentUser user, Integer year) {
        if (year != null) {
            if (year < 2000 || year > 2100) {
                throw RuleViolationException.field("year", "Укажите год (например, 2021)");
            }
            return year;
        }
        List<Integer> years = signs.years(user);
        return years.isEmpty() ? formats.today().getYear() : years.getFirst();
    }

    private static RulesJson json(RuleService.Setting s) {
        Rules r = s.rules();
        return new RulesJson(r.minParticipants(), r.topMarkFactor(), r.topMarkMargin(), r.raisedShare(), r.loweredShare(),
                r.recheckDiscrepancyShare(), r.recheckMinWorks(), r.yearJump(), r.lowFailShare(), r.lowSubjects(),
                r.lowBottomShare(), r.lowYears(), s.version(), r.wordings().stream().map(Rules.Wording::text).toList());
    }

    private static ReviewJson json(ReviewService.Review r) {
        return r == null ? null : new ReviewJson(r.schoolId(), r.verdict(), r.comment(), r.reasons(), r.decidedAt(),
                r.decidedBy(), r.version());
    }
}

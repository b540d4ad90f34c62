package ru.rsoko.vsoko.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.SubmissionStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "ВСОКО")
class ResultApiController {

    record OrgRef(Long id, String name) {
    }

    record MunicipalityJson(OrgRef orgUnit,
                            long participants,
                            long schools,
                            long notSubmitted,
                            @JsonProperty("FORMED") long formed,
                            @JsonProperty("PARTIAL") long partial,
                            @JsonProperty("NOT_FORMED") long notFormed,
                            BigDecimal formedShare,
                            BigDecimal partialShare,
                            BigDecimal notFormedShare,
                            BigDecimal averageScore,
                            List<String> weakestDirections,
                            BigDecimal previousScore,
                            BigDecimal comparedScore) {
    }

    record DirectionJson(String code, BigDecimal score, Level level) {
    }

    record SchoolJson(OrgRef orgUnit, OrgRef municipality, SubmissionStatus status, Level level, BigDecimal score,
                      List<DirectionJson> directions, BigDecimal previousScore, BigDecimal comparedScore,
                      Level previousLevel, Level comparedLevel) {
    }

    private final ResultService results;

    ResultApiController(ResultService results) {
        this.results = results;
    }

    @GetMapping("/api/v1/vsoko/campaigns/{id}/results")
    @Operation(summary = "Результаты кампании ВСОКО по муниципалитетам или по школам",
            description = "Вычисляются из значений показателей представленных и принятых самооценок. by=municipality: "
                    + "число школ с результатом (schools) и на каждом уровне (FORMED, PARTIAL, NOT_FORMED); "
                    + "by=school: школы с результатом, уровень и результат в процентах от максимума (score), по каждому направлению. "
                    + "Муниципалитетам и школам — только свои и только после публикации результатов; "
                    + "previousScore / comparedScore — результат прошлой кампании и нынешний на общих показателях.")
    List<?> results(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                    @Parameter(description = "municipality или school") @RequestParam(defaultValue = "municipality") String by) {
        return switch (by.strip().toLowerCase()) {
            case "municipality" -> byMunicipality(user, id);
            case "school" -> bySchool(user, id);
            default -> throw RuleViolationException.field("by",
                    "Параметр by может быть «municipality» (по муниципалитетам) или «school» (по школам), а не «" + by + "»");
        };
    }

    private List<MunicipalityJson> byMunicipality(CurrentUser user, long id) {
        ResultService.CampaignResults r = results.byMunicipality(user, id);
        return r.municipalities().stream().map(a -> new MunicipalityJson(
                new OrgRef(a.municipalityId(), a.name()), a.participants(), a.withResult(), a.notSubmitted(),
                a.count(Level.FORMED), a.count(Level.PARTIAL), a.count(Level.NOT_FORMED),
                a.share(Level.FORMED), a.share(Level.PARTIAL), a.share(Level.NOT_FORMED), a.averageScore(),
                a.weakest().stream().map(w -> w.direction().code()).toList(),
                a.change() == null ? null : a.change().previous(), a.change() == null ? null : a.change().current()))
                .toList();
    }

    private List<SchoolJson> bySchool(CurrentUser user, long id) {
        List<ResultService.DirectionInfo> directions = results.shape(user, id).directions();
        List<SchoolJson> rows = new ArrayList<>();
        results.forEachSchool(user, id, s -> {
            if (!s.hasResult()) {
                return;
            }
            List<DirectionJson> ds = new ArrayList<>();
            {
                for (int i = 0; i < directions.size(); i++) {
                    ds.add(new DirectionJson(directions.get(i).code(), s.directions().get(i).percent(),
                            s.directions().get(i).level()));
                }
            }
            ResultService.Change c = s.change();
            rows.add(new SchoolJson(new OrgRef(s.schoolId(), s.schoolName()),
                    s.municipalityId() == null ? null : new OrgRef(s.municipalityId(), s.municipalityName()),
                    s.status(), s.level(), s.hasResult() ? s.overall().percent() : null, ds,
                    c == null ? null : c.previous(), c == null ? null : c.current(),
                    c == null ? null : c.previousLevel(), c == null ? null : c.currentLevel()));
        });
        return rows;
    }
}

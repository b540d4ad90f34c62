package ru.rsoko.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.directory.domain.PupilsService;

import java.time.Instant;
import java.util.List;

/** A school's pupils per grade in a school year, for integrations. */
@RestController
@Tag(name = "Справочник организаций")
class SchoolPupilsApiController {

    record GradeJson(int grade, Integer pupils, Long version, Instant updatedAt, String updatedBy) {
    }

    record PupilsJson(long schoolId, String school, String schoolYear, long total, List<GradeJson> grades) {
    }

    record PupilsPut(List<PupilsService.ApiGrade> grades) {
    }

    private final PupilsService pupils;

    SchoolPupilsApiController(PupilsService pupils) {
        this.pupils = pupils;
    }

    @GetMapping("/api/v1/schools/{id}/pupils")
    @Operation(summary = "Контингент школы: число обучающихся по классам 1–11 за учебный год",
            description = "schoolYear — «2026-2027» (по умолчанию текущий учебный год региона). Класс без числа — pupils и "
                    + "version null. Школа вне доступа вызывающего — 404.")
    PupilsJson get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @Parameter(description = "учебный год, например 2026-2027") @RequestParam(required = false) String schoolYear) {
        return json(pupils.school(user, id, SchoolPupilsController.year(schoolYear, pupils.currentYear(user))));
    }

    @PutMapping("/api/v1/schools/{id}/pupils")
    @Operation(summary = "Записать контингент школы: всё или ничего",
            description = "Тело: {\"grades\":[{\"grade\":1,\"pupils\":25,\"version\":0}]} — только изменяемые классы; version — "
                    + "версия класса из последнего GET (null для класса без числа). Ошибки — 400 с rowErrors (row — номер "
                    + "элемента grades с 1, column — поле); число тем временем изменил кто-то другой — 409, ничего не "
                    + "сохраняется. Записывают руководитель школы, специалисты МОУО и сотрудники региона; администратор — 403.")
    PupilsJson put(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(required = false) String schoolYear, @RequestBody PupilsPut body) {
        SchoolYear year = SchoolPupilsController.year(schoolYear, pupils.currentYear(user));
        pupils.saveApi(user, id, year, body == null ? null : body.grades());
        return json(pupils.school(user, id, year));
    }

    private static PupilsJson json(PupilsService.SchoolPupils table) {
        return new PupilsJson(table.school().id(), table.school().name(), table.year().toString(), table.total(),
                table.grades().stream().map(g -> g.stored() == null ? new GradeJson(g.grade(), null, null, null, null)
                        : new GradeJson(g.grade(), g.stored().pupils(), g.stored().version(), g.stored().updatedAt(),
                        g.stored().updatedBy())).toList());
    }
}

package ru.rsoko.results.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.results.domain.ResultInput;
import ru.rsoko.results.domain.ProcedureResultService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results of a procedure for integrations: sums by school, municipality or region; rows written all or nothing. */
@RestController
@Tag(name = "Результаты процедур")
class ProcedureResultApiController {

    record OrgRef(long id, String name) {
    }

    record ResultJson(OrgRef orgUnit, String subject, int grade, long participants, Map<String, Long> marks,
                      @Nullable Long lowered, @Nullable Long confirmed, @Nullable Long raised) {
    }

    record ResultsPut(@Nullable List<ResultInput> rows) {
    }

    record SavedJson(int rows, int created, int changed) {
    }

    private final ProcedureResultService results;

    ProcedureResultApiController(ProcedureResultService results) {
        this.results = results;
    }

    @GetMapping("/api/v1/results")
    @Operation(summary = "Результаты процедуры по ОО, муниципалитетам или региону",
            description = "Строка — организация, предмет (код: RUSSIAN, MATHEMATICS, WORLD…) и класс: участники, отметки "
                    + "«2»–«5», понизили / подтвердили / повысили (null, если не внесено ни в одной строке). by=school "
                    + "(по умолчанию) — по ОО, municipality — суммы ОО муниципалитета, region — одна строка на предмет и "
                    + "класс по всему региону процедуры. school и municipality — в пределах доступа: специалист МОУО "
                    + "видит свой муниципалитет и его ОО, руководитель — свою ОО; region — итоги региона для любой роли "
                    + "региона. Процедура, которой пользователь не видит, — 404.")
    List<ResultJson> results(@AuthenticationPrincipal CurrentUser user, @RequestParam long procedureId,
                             @Parameter(description = "school, municipality или region") @RequestParam(defaultValue = "school") String by,
                             @Parameter(description = "код или название предмета") @RequestParam(required = false) String subject,
                             @RequestParam(required = false) Integer grade) {
        return results.figures(user, procedureId, by, subject, grade).stream().map(r -> {
            Map<String, Long> marks = new LinkedHashMap<>();
            marks.put("2", r.marks().mark2());
            marks.put("3", r.marks().mark3());
            marks.put("4", r.marks().mark4());
            marks.put("5", r.marks().mark5());
            return new ResultJson(new OrgRef(r.orgId(), r.orgName()), r.subjectCode(), r.grade(), r.marks().participants(),
                    marks, r.marks().lowered(), r.marks().confirmed(), r.marks().raised());
        }).toList();
    }

    @PutMapping("/api/v1/procedures/{id}/results")
    @Operation(summary = "Записать результаты процедуры: всё или ничего",
            description = "rows: [{schoolId, grade, subject, participants, marks:{\"2\",\"3\",\"4\",\"5\"}, meanScore, "
                    + "lowered, confirmed, raised, version}] — добавляет новые строки (ОО, класс, предмет) и меняет "
                    + "существующие. version — версия строки из последнего чтения; null — новая строка. Сумма отметок "
                    + "равна participants, lowered + confirmed + raised не больше participants, класс — из классов "
                    + "процедуры, ОО — участница процедуры. Ошибки — 400 (problem+json, rowErrors: row — номер строки в "
                    + "rows с 1, column — поле); строка изменена другим пользователем, или уже есть при version null, "
                    + "или нет при указанной version — 409. Записывают сотрудники региона процедуры.")
    SavedJson put(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody(required = false) ResultsPut body) {
        ProcedureResultService.Saved saved = results.saveRows(user, id, body == null ? null : body.rows());
        return new SavedJson(saved.rows(), saved.created(), saved.changed());
    }
}

package ru.rsoko.objectivity.web;

import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.domain.SchoolListService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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

import java.util.List;

/** The year's lists of schools for integrations: read within the scope, kept entry by entry by regional staff. */
@RestController
@Tag(name = "Списки школ")
class SchoolListApiController {

    record OrgRef(Long id, String name) {
    }

    record EntryJson(long id, int year, ListKind kind, OrgRef school, OrgRef municipality, String basis, long version) {
    }

    @Schema(description = "Запись списка: школа, год, вид списка (LOW_RESULTS — ШНОР, NON_OBJECTIVE — признаки "
            + "необъективности) и основание. Школа записи не меняется.")
    record EntryRequest(@Schema(description = "школа; только при создании") Long schoolId, Integer year, ListKind kind,
                        String basis,
                        @Schema(description = "версия из последнего чтения; обязательна при изменении") Long version) {
    }

    private final SchoolListService lists;

    SchoolListApiController(SchoolListService lists) {
        this.lists = lists;
    }

    @GetMapping("/api/v1/school-lists")
    @Operation(summary = "Списки школ года: ШНОР (LOW_RESULTS) и с признаками необъективности (NON_OBJECTIVE)",
            description = "В пределах области видимости: регион — школы региона, МОУО — свои школы, руководитель ОО — "
                    + "своя школа. Без year — текущий год, без kind — оба списка.")
    List<EntryJson> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) ListKind kind) {
        int y = year != null ? year : lists.currentYear(user);
        return lists.all(user, new SchoolListService.Filter(y, kind, null)).stream().map(SchoolListApiController::json)
                .toList();
    }

    @GetMapping("/api/v1/school-lists/{id}")
    @Operation(summary = "Запись списка школ")
    EntryJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return json(lists.row(user, id));
    }

    @PostMapping("/api/v1/school-lists")
    @Operation(summary = "Внести школу в список года (региональный специалист)",
            description = "Школа уже в этом списке этого года — 400 с полем schoolId.")
    ResponseEntity<EntryJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody EntryRequest request) {
        SchoolListService.Row row = lists.add(user,
                new SchoolListService.Form(request.schoolId(), request.year(), request.kind(), request.basis(), null));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(row.id()).toUri()).body(json(row));
    }

    @PutMapping("/api/v1/school-lists/{id}")
    @Operation(summary = "Изменить запись списка: год, вид списка, основание",
            description = "version обязательна; устаревшая — 409.")
    EntryJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody EntryRequest request) {
        SchoolListService.Row row = lists.row(user, id);
        SchoolListService.requireKeeper(user);
        if (request.version() == null) {
            throw RuleViolationException.field("version", "Укажите version — версию записи из последнего чтения");
        }
        return json(lists.update(user, id,
                new SchoolListService.Form(row.schoolId(), request.year(), request.kind(), request.basis(), request.version())));
    }

    @DeleteMapping("/api/v1/school-lists/{id}")
    @Operation(summary = "Убрать школу из списка", description = "Устаревшая version — 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        lists.delete(user, id, version);
        return ResponseEntity.noContent().build();
    }

    private static EntryJson json(SchoolListService.Row r) {
        return new EntryJson(r.id(), r.year(), r.kind(), new OrgRef(r.schoolId(), r.schoolName()),
                r.municipalityId() == null ? null : new OrgRef(r.municipalityId(), r.municipalityName()), r.basis(),
                r.version());
    }
}

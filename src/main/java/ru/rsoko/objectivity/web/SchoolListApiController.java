package ru.rsoko.objectivity.web;

import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.domain.SchoolListService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;

import java.util.List;

@RestController
@Tag(name = "Списки школ")
class SchoolListApiController {

    record OrgRef(Long id, String name) {
    }

    record EntryJson(long id, int year, ListKind kind, OrgRef school, OrgRef municipality, String basis) {
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
        return lists.all(user, new SchoolListService.Filter(y, kind, null)).stream()
                .map(r -> new EntryJson(r.id(), r.year(), r.kind(), new OrgRef(r.schoolId(), r.schoolName()),
                        r.municipalityId() == null ? null : new OrgRef(r.municipalityId(), r.municipalityName()),
                        r.basis()))
                .toList();
    }
}

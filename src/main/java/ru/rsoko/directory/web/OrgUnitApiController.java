package ru.rsoko.directory.web;

import ru.rsoko.directory.domain.OrgUnitService;

import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.directory.domain.OrgUnitForm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
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
import ru.rsoko.platform.web.ConcurrentEditException;

@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Справочник организаций", description = "Регионы, муниципалитеты, школы и учреждения в пределах доступа пользователя")
class OrgUnitApiController {

    static final int MAX_PAGE_SIZE = 500;

    private final OrgUnitService directory;

    OrgUnitApiController(OrgUnitService directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "Организации в пределах доступа, постранично",
            description = "Фильтры: type, parentId, q (часть наименования или ИНН), active. Страницы с 0; size до 500.")
    PagedModel<OrgUnitDto> list(@AuthenticationPrincipal CurrentUser user,
                                @RequestParam(required = false) OrgUnitType type,
                                @RequestParam(required = false) Long parentId,
                                @RequestParam(required = false) String q,
                                @RequestParam(required = false) Boolean active,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new RuleViolationException("Номер страницы — от 0, размер страницы — от 1 до " + MAX_PAGE_SIZE);
        }
        return new PagedModel<>(directory.find(user.scope(), new OrgUnitFilter(type, parentId, q, active),
                PageRequest.of(page, size)).map(OrgUnitDto::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Одна организация")
    OrgUnitDto get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return OrgUnitDto.of(directory.get(user.scope(), id));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Создать организацию (администратор)")
    ResponseEntity<OrgUnitDto> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody OrgUnitForm form) {
        OrgUnitDto created = OrgUnitDto.of(directory.create(user.scope(), form));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Изменить организацию (администратор)",
            description = "Тело — организация целиком (как в ответе GET). Передайте version из последнего чтения: если запись "
                    + "успели изменить, ответ 409 и ничего не сохраняется; без version — 400. "
                    + "Без parentId вышестоящая организация остаётся прежней. active=false деактивирует организацию.")
    OrgUnitDto update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody OrgUnitForm form) {
        directory.get(user.scope(), id);
        ConcurrentEditException.required(form.getVersion());
        return OrgUnitDto.of(directory.update(user.scope(), id, form));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Удалить ошибочно созданную организацию (администратор)",
            description = "Организацию, на которую ссылаются записи, удалить нельзя (409): её деактивируют. "
                    + "version обязательна; устаревшая — 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                @RequestParam(required = false) Long version) {
        directory.delete(user.scope(), id, ConcurrentEditException.required(version));
        return ResponseEntity.noContent().build();
    }
}

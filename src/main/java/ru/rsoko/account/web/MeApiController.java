package ru.rsoko.account.web;

import ru.rsoko.access.Role;
import ru.rsoko.access.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;

@RestController
@Tag(name = "Пользователь")
class MeApiController {

    record OrgUnitRef(long id, String name, OrgUnitType type) {
    }

    record RegionRef(long id, String name, String timeZone) {
    }

    record Me(String username, String fullName, Role role, OrgUnitRef orgUnit, RegionRef region) {
    }

    private final DirectoryService directory;

    MeApiController(DirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Кто я: учётная запись, роль, организация и регион")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        RegionRef region = null;
        if (user.regionId() != null) {
            OrgUnit r = directory.region(user.regionId());
            region = new RegionRef(r.id(), r.name(), r.timeZone());
        }
        OrgUnit unit = directory.byIds(java.util.List.of(user.orgUnitId())).get(user.orgUnitId());
        return new Me(user.getUsername(), user.fullName(), user.role(),
                new OrgUnitRef(user.orgUnitId(), user.orgUnitName(), unit.type()), region);
    }
}

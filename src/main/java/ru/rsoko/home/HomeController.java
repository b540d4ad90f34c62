package ru.rsoko.home;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.rsoko.account.AccountService;
import ru.rsoko.account.CurrentUser;
import ru.rsoko.account.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;

/** Each role's start page: the user's organisation, its place in the directory, and what the role works on. */
@Controller
class HomeController {

    private final DirectoryService directory;
    private final AccountService accounts;

    HomeController(DirectoryService directory, AccountService accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        Scope scope = user.scope();
        OrgUnit unit = directory.get(scope, user.orgUnitId());
        model.addAttribute("unit", unit);
        model.addAttribute("path", directory.path(unit));
        return switch (user.role()) {
            case ADMIN -> {
                model.addAttribute("unitCounts", directory.countActiveByType(scope));
                model.addAttribute("accountCounts", accounts.countByRole(scope));
                model.addAttribute("regions", directory.regions(scope));
                yield "home/admin";
            }
            case REGION -> {
                model.addAttribute("unitCounts", directory.countActiveByType(scope));
                model.addAttribute("municipalities", directory.municipalitiesOf(scope, user.regionId()));
                model.addAttribute("region", directory.region(user.regionId()));
                yield "home/region";
            }
            case MUNICIPALITY -> {
                model.addAttribute("schools", directory.find(scope,
                        new OrgUnitFilter(OrgUnitType.SCHOOL, null, null, true), PageRequest.of(0, 500)));
                yield "home/municipality";
            }
            case SCHOOL -> "home/school";
        };
    }
}

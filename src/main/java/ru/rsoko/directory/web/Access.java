package ru.rsoko.directory.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;

/** For templates: whether the signed-in user may open an organisation, so that links are offered only then. */
@Component("access")
class Access {

    public boolean sees(OrgUnit unit) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user && unit.within(user.scope());
    }
}

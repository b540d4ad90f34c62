package ru.rsoko.account.domain;

import ru.rsoko.access.CurrentUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;

import java.time.Clock;
import java.util.Locale;

@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final DirectoryService directory;
    private final Clock clock;

    AccountUserDetailsService(UserAccountRepository accounts, DirectoryService directory, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public CurrentUser loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("Неизвестное имя пользователя"));
        return toCurrentUser(account);
    }

    CurrentUser toCurrentUser(UserAccount account) {
        AccountOrganisation unit = account.getOrganisation();
        OrgUnit region = unit.getRegionId() == null ? null : directory.region(unit.getRegionId());
        return new CurrentUser(
                new CurrentUser.Account(account.getId(), account.getUsername(), account.getPasswordHash(),
                        account.getFullName(), account.getRole(), account.isEnabled(),
                        false, account.isMustChangePassword(), false),
                new CurrentUser.Organisation(unit.getId(), unit.getName(), unit.getRegionId(),
                        region == null ? null : region.name(), region == null ? null : region.timeZone(),
                        unit.getMunicipalityId(), unit.isActive()));
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}

package ru.rsoko.account;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.directory.DirectoryService;

import java.time.Clock;
import java.util.Locale;

@Service
class AccountUserDetailsService implements UserDetailsService {

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
        Long regionId = account.getOrgUnit().getRegionId();
        return new CurrentUser(account, regionId == null ? null : directory.region(regionId), clock.instant());
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}

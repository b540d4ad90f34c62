package ru.rsoko.account.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Scope;
import ru.rsoko.account.AccountSecurityEvent;
import ru.rsoko.platform.web.NotFoundException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What administrators see of login throttling and how they lift it. A region's administrator sees the throttled
 * (login, address) pairs of their region's accounts; a deployment administrator every pair, unknown logins and the
 * throttled addresses too. Lifting one is written to the security log.
 */
@Service
public class Throttling {

    /** One throttled bucket as a row of the page: the account (null for an address or an unknown login). */
    public record Row(String key, @Nullable Long accountId, @Nullable String username, @Nullable String fullName,
                      @Nullable String orgUnitName, String address, Instant until) {

        public boolean isAddress() {
            return username == null;
        }
    }

    private final LoginThrottle throttle;
    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;

    Throttling(LoginThrottle throttle, UserAccountRepository accounts, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Row> list(Scope scope) {
        List<Row> rows = new ArrayList<>();
        for (LoginThrottle.Throttled t : throttle.throttledNow()) {
            row(scope, t).ifPresent(rows::add);
        }
        return rows;
    }

    private Optional<Row> row(Scope scope, LoginThrottle.Throttled t) {
        if (t.username() == null) {
            return scope.isAll() ? Optional.of(new Row(t.key(), null, null, null, null, t.address(), t.until()))
                    : Optional.empty();
        }
        Optional<UserAccount> account = accounts.findByUsername(t.username());
        if (account.isEmpty()) {
            return scope.isAll()
                    ? Optional.of(new Row(t.key(), null, t.username(), "неизвестное имя пользователя", null, t.address(), t.until()))
                    : Optional.empty();
        }
        UserAccount a = account.get();
        if (!UserAccountService.within(scope, a)) {
            return Optional.empty();
        }
        return Optional.of(new Row(t.key(), a.getId(), a.getUsername(), a.getFullName(), a.getOrganisation().getName(),
                t.address(), t.until()));
    }

    /** Lifts one throttled bucket the administrator sees; another one is not found. */
    @Transactional
    public Row release(Scope scope, String key) {
        Row row = list(scope).stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("Ограничение входа не найдено: оно уже снято или истекло"));
        throttle.release(key);
        events.publishEvent(AccountSecurityEvent.of(AccountSecurityEvent.Kind.THROTTLE_RELEASED, row.accountId(),
                row.username() == null ? "" : row.username(), "снято ограничение входа с адреса " + row.address()));
        return row;
    }
}

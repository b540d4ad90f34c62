package ru.rsoko.support;

import org.springframework.data.domain.PageRequest;
import ru.rsoko.account.domain.AccountFilter;
import ru.rsoko.account.domain.AccountForm;
import ru.rsoko.account.domain.UserAccountService;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.account.domain.Account;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.domain.OrgUnitForm;
import ru.rsoko.directory.OrgUnitType;

import java.util.concurrent.atomic.AtomicLong;

/** Finds demo records by name and creates fresh ones with unique names, through the application's services. */
public class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final OrgUnitService directory;
    private final UserAccountService accounts;

    public Fixtures(OrgUnitService directory, UserAccountService accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    public static String unique(String prefix) {
        return prefix + " " + SEQUENCE.incrementAndGet();
    }

    public OrgUnit org(String exactName) {
        return directory.find(Scope.all(), new OrgUnitFilter(null, null, exactName, null), PageRequest.of(0, 50))
                .stream().filter(u -> u.name().equals(exactName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Нет демо-организации " + exactName));
    }

    public OrgUnit org(long id) {
        return directory.get(Scope.all(), id);
    }

    public Account account(String username) {
        return accounts.find(Scope.all(), new AccountFilter(username, null, null, null), PageRequest.of(0, 50))
                .stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Нет демо-учётной записи " + username));
    }

    public OrgUnit newSchool(OrgUnit parent) {
        OrgUnitForm form = new OrgUnitForm();
        form.setType(OrgUnitType.SCHOOL);
        form.setName(unique("МОУ «Тестовая СОШ»"));
        form.setParentId(parent.id());
        return directory.create(Scope.all(), form);
    }

    public Account newAccount(Role role, OrgUnit unit) {
        AccountForm form = new AccountForm();
        form.setUsername("test." + SEQUENCE.incrementAndGet());
        form.setFullName(unique("Тестовый Пользователь"));
        form.setRole(role);
        form.setOrgUnitId(unit.id());
        form.setPassword("Parol-" + SEQUENCE.incrementAndGet());
        return accounts.create(Scope.all(), form).account();
    }
}

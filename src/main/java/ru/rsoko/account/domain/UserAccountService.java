package ru.rsoko.account.domain;

import org.springframework.context.ApplicationEventPublisher;
import ru.rsoko.account.AccountSecurityEvent;
import ru.rsoko.account.AccountSecurityEvent.Kind;

import ru.rsoko.platform.search.Search;
import java.util.Optional;
import java.util.Collection;
import org.springframework.data.domain.PageImpl;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.access.Scope;
import ru.rsoko.access.Role;
import ru.rsoko.access.CurrentUser;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.account.AccountService;
import ru.rsoko.account.Recipient;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Accounts as administrators keep them. An administrator of a region manages that region's accounts only;
 * a deployment administrator manages all. A change that alters what a person may see ends their sessions.
 */
@Service
@Transactional
public class UserAccountService implements AccountService {

    /** The account's fields as its history shows them; the organisation by its name in the directory. */
    private HistoryFields<UserAccount> history() {
        Map<Long, String> names = new java.util.HashMap<>();
        return HistoryFields.of(UserAccount.class)
                .field("ФИО", UserAccount::getFullName)
                .field("Должность", UserAccount::getPosition)
                .field("E-mail", UserAccount::getEmail)
                .field("Роль", a -> a.getRole().label())
                .field("Организация", a -> names.computeIfAbsent(a.getOrgUnitId(),
                        id -> directory.byIds(List.of(id)).values().stream().map(OrgUnit::name).findFirst().orElse(null)))
                .field("Включена", UserAccount::isEnabled)
                .field("Требуется смена пароля", UserAccount::isMustChangePassword);
    }

    private static final Sort BY_NAME = Sort.by("fullName").and(Sort.by("id"));

    public record Created(Account account, String temporaryPassword) {
    }

    private final UserAccountRepository accounts;
    private final DirectoryService directory;
    private final PasswordEncoder encoder;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final AuditHistory auditHistory;
    private final JdbcTemplate jdbc;
    private final AccountUserDetailsService signIn;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    UserAccountService(UserAccountRepository accounts, DirectoryService directory, PasswordEncoder encoder,
                   FindByIndexNameSessionRepository<?> sessions, AuditHistory auditHistory,
                   JdbcTemplate jdbc, AccountUserDetailsService signIn, ApiTokens tokens, LoginThrottle throttle,
                   ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.events = events;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.directory = directory;
        this.encoder = encoder;
        this.sessions = sessions;
        this.auditHistory = auditHistory;
        this.signIn = signIn;
    }

    @Transactional(readOnly = true)
    public Page<Account> find(Scope scope, AccountFilter filter, Pageable pageable) {
        return accounts.findAll(matching(scope, filter),
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), BY_NAME)).map(UserAccount::toRecord);
    }

    @Transactional(readOnly = true)
    public void forEach(Scope scope, AccountFilter filter, Consumer<Account> action) {
        Pageable page = PageRequest.of(0, 1000, BY_NAME);
        Page<UserAccount> chunk;
        do {
            chunk = accounts.findAll(matching(scope, filter), page);
            chunk.forEach(a -> action.accept(a.toRecord()));
            page = page.next();
        } while (chunk.hasNext());
    }

    @Transactional(readOnly = true)
    public Account get(Scope scope, long id) {
        return entity(scope, id).toRecord();
    }

    private UserAccount entity(Scope scope, long id) {
        return accounts.findWithOrgUnitById(id).filter(a -> within(scope, a))
                .orElseThrow(() -> NotFoundException.of("Учётная запись", id));
    }

    /** Whether an account (with its organisation loaded) is one the scope's administrator manages. */
    static boolean within(Scope scope, UserAccount account) {
        AccountOrganisation unit = account.getOrganisation();
        return scope.covers(unit.getRegionId(), unit.getMunicipalityId(), account.getOrgUnitId());
    }

    @Transactional(readOnly = true)
    public List<Account> ofOrgUnit(Scope scope, long orgUnitId) {
        directory.get(scope, orgUnitId);
        return accounts.findAllByOrgUnitIdOrderByFullName(orgUnitId).stream().map(UserAccount::toRecord).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> namesOf(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (!usernames.isEmpty()) {
            for (Object[] row : accounts.fullNames(Set.copyOf(usernames))) {
                names.put((String) row[0], (String) row[1]);
            }
        }
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Role, Long> countByRole(Scope scope) {
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            counts.put(role, accounts.count(matching(scope, new AccountFilter(null, role, null, true))));
        }
        return counts;
    }

    // ---- recipients: one plain query each, for notifications that may reach thousands of people

    private static final String RECIPIENT = """
            select a.id, a.username, a.full_name, a.role, a.org_unit_id, o.display_name, o.region_id, o.municipality_id,
                   nullif(btrim(a.email), '') as email
            from user_account a join directory_org_unit o on o.id = a.org_unit_id
            where a.enabled and o.active and\s""";

    private static final RowMapper<Recipient> RECIPIENT_ROW = (rs, n) -> new Recipient(
            rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6),
            rs.getObject(7, Long.class), rs.getObject(8, Long.class), rs.getString(9));

    @Override
    @Transactional(readOnly = true)
    public List<Recipient> answeringFor(Collection<Long> orgUnitIds) {
        if (orgUnitIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = orgUnitIds.toArray(Long[]::new);
        return jdbc.query(RECIPIENT + """
                (a.org_unit_id = any(?) or (a.role = 'MUNICIPALITY' and o.municipality_id = any(?)))
                order by a.full_name, a.id""", RECIPIENT_ROW, ids, ids);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Recipient> municipalOfficers(Collection<Long> municipalityIds) {
        if (municipalityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(RECIPIENT + "a.role = 'MUNICIPALITY' and o.municipality_id = any(?) order by a.full_name, a.id",
                RECIPIENT_ROW, (Object) municipalityIds.toArray(Long[]::new));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Recipient> regionalStaff(long regionId) {
        return ofRegion(regionId, List.of(Role.REGION));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Recipient> ofRegion(long regionId, Collection<Role> roles) {
        return jdbc.query(RECIPIENT + "o.region_id = ? and a.role = any(?) order by a.full_name, a.id", RECIPIENT_ROW,
                regionId, roles.stream().map(Role::name).toArray(String[]::new));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Recipient> recipient(long accountId) {
        return jdbc.query(RECIPIENT + "a.id = ?", RECIPIENT_ROW, accountId).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Recipient> withoutEmail(Scope scope, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = scope.toSql("o.region_id", "o.municipality_id", "a.org_unit_id", args)
                + " and nullif(btrim(a.email), '') is null";
        Long total = jdbc.queryForObject("select count(*) from user_account a join directory_org_unit o on o.id = a.org_unit_id "
                + "where a.enabled and o.active and " + where, Long.class, args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<Recipient> rows = jdbc.query(RECIPIENT + where + " order by a.full_name, a.id limit ? offset ?", RECIPIENT_ROW,
                args.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentUser> user(long accountId) {
        return accounts.findWithOrgUnitById(accountId).map(signIn::toCurrentUser);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(Scope scope, long id) {
        entity(scope, id);
        return auditHistory.of(UserAccount.class, id, history());
    }

    public Created create(Scope scope, AccountForm form) {
        String username = AccountUserDetailsService.normalise(form.getUsername());
        if (username.isEmpty()) {
            throw RuleViolationException.field("username", "Укажите имя пользователя");
        }
        if (accounts.existsByUsername(username)) {
            throw RuleViolationException.field("username", "Имя пользователя «" + username + "» уже занято");
        }
        OrgUnit unit = organisation(scope, form);
        String password = form.getPassword() == null || form.getPassword().isEmpty() ? null : form.getPassword();
        if (password != null) {
            Passwords.check("password", password, username);
        }
        String issued = password != null ? password : Passwords.temporary();
        UserAccount account = new UserAccount(username, form.getFullName().strip(), form.getRole(), unit.id(),
                encoder.encode(issued));
        account.setPosition(clean(form.getPosition()));
        account.setEmail(clean(form.getEmail()));
        account.setMustChangePassword(true);
        accounts.save(account);
        events.publishEvent(new AccountSecurityEvent(Kind.ACCOUNT_CREATED, account.getId(), account.getUsername(),
                unit.regionId(), "роль «" + account.getRole().label() + "», организация «" + unit.name() + "»"));
        return new Created(account.toRecord(unit.name()), password == null ? issued : null);
    }

    public void update(Scope scope, long id, AccountForm form, CurrentUser actor) {
        UserAccount account = entity(scope, id);
        ConcurrentEditException.check(form.getVersion(), account.getVersion());
        OrgUnit unit = organisation(scope, form);
        boolean accessChanges = account.getRole() != form.getRole() || account.getOrgUnitId() != unit.id();
        if (accessChanges && account.getId().equals(actor.accountId())) {
            throw RuleViolationException.field("role", "Свою роль и организацию изменить нельзя: попросите другого администратора");
        }
        if (account.getRole() != form.getRole()) {
            log(Kind.ROLE_CHANGED, account, "роль «" + account.getRole().label() + "» → «" + form.getRole().label() + "»");
        }
        if (account.getOrgUnitId() != unit.id()) {
            log(Kind.ACCOUNT_CHANGED, account, "организация → «" + unit.name() + "» (область доступа)");
        }
        account.setFullName(form.getFullName().strip());
        account.setPosition(clean(form.getPosition()));
        account.setEmail(clean(form.getEmail()));
        account.setRole(form.getRole());
        account.setOrgUnitId(unit.id());
        if (accessChanges) {
            endSessions(account);
        }
    }

    public void setEnabled(Scope scope, long id, boolean enabled, Long version, CurrentUser actor) {
        UserAccount account = entity(scope, id);
        ConcurrentEditException.check(version, account.getVersion());
        if (!enabled && account.getId().equals(actor.accountId())) {
            throw RuleViolationException.conflict("Нельзя отключить собственную учётную запись");
        }
        if (account.isEnabled() != enabled) {
            log(enabled ? Kind.ACCOUNT_ENABLED : Kind.ACCOUNT_DISABLED, account, enabled ? "включена" : "отключена");
        }
        account.setEnabled(enabled);
        if (!enabled) {
            endSessions(account);
        }
        tokens.forget(account.getId());
    }

    /** Issues a new temporary password (or the one given), lifts a lockout and ends the user's sessions. */
    public String resetPassword(Scope scope, long id, String password) {
        UserAccount account = entity(scope, id);
        String issued = password == null || password.isEmpty() ? Passwords.temporary() : password;
        if (password != null && !password.isEmpty()) {
            Passwords.check("password", password, account.getUsername());
        }
        account.setPasswordHash(encoder.encode(issued));
        account.setMustChangePassword(true);
        throttle.releaseLogin(account.getUsername());
        endSessions(account);
        log(Kind.PASSWORD_RESET, account, password == null || password.isEmpty() ? "выдан временный пароль" : "пароль задан администратором");
        return issued;
    }

    /** Lifts every throttling of sign-ins to the account (from whatever address); audited in the security log. */
    public void unlock(Scope scope, long id) {
        UserAccount account = entity(scope, id);
        int released = throttle.releaseLogin(account.getUsername());
        log(Kind.THROTTLE_RELEASED, account, "сняты ограничения входа: " + released);
    }

    /** The user's own change of password; the current one must be known. */
    public void changeOwnPassword(CurrentUser user, String current, String password, String repeat) {
        UserAccount account = accounts.findById(user.accountId())
                .orElseThrow(() -> NotFoundException.of("Учётная запись", user.accountId()));
        if (current == null || !encoder.matches(current, account.getPasswordHash())) {
            throw RuleViolationException.field("current", "Текущий пароль указан неверно");
        }
        Passwords.check("password", password, account.getUsername());
        if (!password.equals(repeat)) {
            throw RuleViolationException.field("repeat", "Пароли не совпадают");
        }
        if (encoder.matches(password, account.getPasswordHash())) {
            throw RuleViolationException.field("password", "Новый пароль должен отличаться от текущего");
        }
        account.setPasswordHash(encoder.encode(password));
        account.setMustChangePassword(false);
        log(Kind.PASSWORD_CHANGED, account, "пароль изменён владельцем");
    }

    private void log(Kind kind, UserAccount account, String details) {
        AccountOrganisation unit = account.getOrganisation();
        events.publishEvent(new AccountSecurityEvent(kind, account.getId(), account.getUsername(),
                unit == null ? null : unit.getRegionId(), details));
    }

    private OrgUnit organisation(Scope scope, AccountForm form) {
        OrgUnit unit = directory.get(scope, form.getOrgUnitId());
        if (!fits(form.getRole(), unit.type())) {
            throw RuleViolationException.field("role", "Роль «" + form.getRole().label()
                    + "» не подходит для организации типа «" + unit.type().label() + "»");
        }
        // regional staff and administrators work at the level of a region: not from inside a municipality
        boolean regional = form.getRole() == Role.REGION || form.getRole() == Role.ADMIN;
        if (regional && unit.municipalityId() != null) {
            throw RuleViolationException.field("role", "Роль «" + form.getRole().label()
                    + "» выдаётся сотрудникам региональных организаций, а не организаций муниципалитета");
        }
        if (form.getRole() == Role.REGION && unit.regionId() == null) {
            throw RuleViolationException.field("orgUnitId", "Региональному специалисту нужна организация региона");
        }
        if (!unit.active()) {
            throw RuleViolationException.field("orgUnitId", "Организация деактивирована");
        }
        return unit;
    }

    /** The kinds of organisation an account of a role may belong to. */
    static boolean fits(Role role, OrgUnitType type) {
        return switch (role) {
            case ADMIN -> true;
            case REGION -> type == OrgUnitType.REGION || type == OrgUnitType.INSTITUTION;
            case MUNICIPALITY -> type == OrgUnitType.MUNICIPALITY;
            case SCHOOL -> type == OrgUnitType.SCHOOL;
        };
    }

    /** Signs the person out everywhere; their API tokens stay, but what they stand for is read afresh. */
    private void endSessions(UserAccount account) {
        new ArrayList<>(sessions.findByPrincipalName(account.getUsername()).keySet()).forEach(sessions::deleteById);
        tokens.forget(account.getId());
    }

    static Specification<UserAccount> matching(Scope scope, AccountFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            Join<UserAccount, AccountOrganisation> unit = root.join("organisation");
            where.add(scope.toPredicate(cb, unit));
            if (filter.role() != null) {
                where.add(cb.equal(root.get("role"), filter.role()));
            }
            if (filter.orgUnitId() != null) {
                where.add(cb.equal(unit.get("id"), filter.orgUnitId()));
            }
            if (filter.enabled() != null) {
                where.add(cb.equal(root.get("enabled"), filter.enabled()));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                String like = Search.containsPattern(filter.q());
                where.add(cb.or(Search.contains(cb, root.get("fullName"), like),
                        Search.contains(cb, root.get("username"), like),
                        Search.contains(cb, unit.get("name"), like)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

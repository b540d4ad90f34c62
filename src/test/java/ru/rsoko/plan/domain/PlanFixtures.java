package ru.rsoko.plan.domain;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.domain.OrgUnitForm;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.access.Scope;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.plan.Procedure;
import ru.rsoko.support.Fixtures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plans for tests. A plan is one per region and year, so tests that need a plan of their own get a fresh region
 * (with a municipality, two schools and an account for each role) and may use any year in it. It writes the plan's
 * entities directly (bypassing the service's rules, e.g. an approved plan without procedures) and answers the
 * records the plan's face gives other modules.
 */
public class PlanFixtures {

    /** A region made for one test: its units and the usernames of its regional, municipal and school accounts. */
    public record TestRegion(OrgUnit region, OrgUnit municipality, OrgUnit school, OrgUnit otherSchool,
                             OrgUnit otherMunicipality, OrgUnit schoolOfOtherMunicipality,
                             String regionUser, String municipalityUser, String schoolUser) {
    }

    private static final AtomicInteger YEAR = new AtomicInteger(2040);

    private final OrgUnitService directory;
    private final Fixtures fixtures;
    private final UserDetailsService users;
    private final TransactionTemplate tx;
    private PlanRepository plans;
    private ProcedureTypeRepository types;
    private ProcedureRepository procedures;
    private javax.sql.DataSource dataSource;

    public PlanFixtures(OrgUnitService directory, Fixtures fixtures, UserDetailsService users, TransactionTemplate tx) {
        this.directory = directory;
        this.fixtures = fixtures;
        this.users = users;
        this.tx = tx;
    }

    /** The module's own repositories, which only this package may name. */
    @org.springframework.beans.factory.annotation.Autowired
    void setRepositories(PlanRepository plans, ProcedureTypeRepository types, ProcedureRepository procedures) {
        this.plans = plans;
        this.types = types;
        this.procedures = procedures;
    }

    @org.springframework.beans.factory.annotation.Autowired
    void setDataSource(javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    public TestRegion freshRegion() {
        OrgUnit region = unit(OrgUnitType.REGION, Fixtures.unique("Тестовая область"), null);
        OrgUnit municipality = unit(OrgUnitType.MUNICIPALITY, Fixtures.unique("Тестовый район"), region);
        OrgUnit other = unit(OrgUnitType.MUNICIPALITY, Fixtures.unique("Другой район"), region);
        OrgUnit school = fixtures.newSchool(municipality);
        OrgUnit otherSchool = fixtures.newSchool(municipality);
        OrgUnit farSchool = fixtures.newSchool(other);
        TestRegion made = new TestRegion(region, municipality, school, otherSchool, other, farSchool,
                fixtures.newAccount(Role.REGION, region).username(),
                fixtures.newAccount(Role.MUNICIPALITY, municipality).username(),
                fixtures.newAccount(Role.SCHOOL, school).username());
        // the accounts are used at once, as if their people had already set their own passwords
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(
                "update user_account set must_change_password = false where username in (?, ?, ?)",
                made.regionUser(), made.municipalityUser(), made.schoolUser());
        return made;
    }

    private OrgUnit unit(OrgUnitType type, String name, OrgUnit parent) {
        OrgUnitForm form = new OrgUnitForm();
        form.setType(type);
        form.setName(name);
        form.setParentId(parent == null ? null : parent.id());
        if (type == OrgUnitType.REGION) {
            form.setTimeZone("Europe/Moscow");
        }
        return directory.create(Scope.all(), form);
    }

    /** A year no other test has used, for a plan in a region that tests share (Tver, Tomsk). */
    public static int freshYear() {
        return YEAR.incrementAndGet();
    }

    public ProcedureKind type(String code) {
        return typeEntity(code).view();
    }

    private ProcedureType typeEntity(String code) {
        return types.findAll().stream().filter(t -> t.isShared() && t.getCode().equals(code)).findFirst().orElseThrow();
    }

    /** A plan of the region and year with its order, approved when asked. */
    public Plan plan(long regionId, int year, boolean approved) {
        return tx.execute(s -> {
            PlanEntity plan = new PlanEntity(regionId, year, "План-график мониторинга качества образования на " + year + " год");
            plan.setOrderIssuer("Министерства образования Тестовой области");
            plan.setOrderNumber("1/ПК");
            plan.setOrderDate(LocalDate.of(year - 1, 12, 10));
            if (approved) {
                plan.setStatus(PlanStatus.APPROVED);
            }
            return plans.saveAndFlush(plan).view();
        });
    }

    public Plan plan(long id) {
        return tx.execute(s -> plans.findById(id).orElseThrow().view());
    }

    /** A procedure of the type's defaults, e.g. ВПР: grades 4–8, 100 % coverage, observers required. */
    public Procedure procedure(Plan plan, String typeCode, String title, LocalDate start, LocalDate end) {
        return tx.execute(s -> {
            PlanEntity p = plans.findById(plan.id()).orElseThrow();
            ProcedureEntity procedure = new ProcedureEntity(p, typeEntity(typeCode), title, start, end);
            procedure.setPosition(p.getProcedures().size() + 1);
            p.getProcedures().add(procedure);
            return procedures.saveAndFlush(procedure).view();
        });
    }

    /** ВПР in grades 4–8 with a 100 % target, for all the region's schools. */
    public Procedure vpr(Plan plan, LocalDate start, LocalDate end) {
        return procedure(plan, "VPR", "Всероссийские проверочные работы в 4–8 классах", start, end);
    }

    public Procedure withTarget(Procedure procedure, BigDecimal target, Integer... grades) {
        return change(procedure, p -> {
            p.setCoverageTarget(target);
            p.setGrades(grades);
        });
    }

    /** The procedure for the chosen schools only. */
    public Procedure onlySchools(Procedure procedure, Long... schoolIds) {
        return change(procedure, p -> {
            p.setParticipants(Participants.SCHOOLS);
            p.getParticipantIds().clear();
            p.getParticipantIds().addAll(java.util.List.of(schoolIds));
        });
    }

    private Procedure change(Procedure procedure, java.util.function.Consumer<ProcedureEntity> change) {
        return tx.execute(s -> {
            ProcedureEntity p = procedures.findById(procedure.id()).orElseThrow();
            change.accept(p);
            return procedures.saveAndFlush(p).view();
        });
    }
}

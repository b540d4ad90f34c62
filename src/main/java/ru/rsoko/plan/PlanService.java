package ru.rsoko.plan;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.vsoko.VsokoCampaigns;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Keeping a region's plan-schedule: the plan and its order, its procedures, their course and results. */
@Service
@Transactional
public class PlanService {

    static final HistoryFields<Plan> PLAN_HISTORY = HistoryFields.of(Plan.class)
            .field("Год", Plan::getYear)
            .field("Название", Plan::getTitle)
            .field("Кем утверждён", Plan::getOrderIssuer)
            .field("Номер приказа", Plan::getOrderNumber)
            .field("Дата приказа", p -> date(p.getOrderDate()))
            .field("Состояние", p -> p.getStatus().label());

    static final HistoryFields<Procedure> PROCEDURE_HISTORY = HistoryFields.of(Procedure.class)
            .field("Название", Procedure::getTitle)
            .field("Начало", p -> date(p.getPeriodStart()))
            .field("Окончание", p -> date(p.getPeriodEnd()))
            .field("Классы", Procedure::gradesText)
            .field("Предметы", Procedure::getSubjects)
            .field("Участники", p -> p.getParticipants() == null ? null : p.getParticipants().label())
            .field("Общественные наблюдатели", p -> p.isObserversRequired() ? "обязательны" : "не требуются")
            .field("Целевой охват, %", Procedure::getCoverageTarget)
            .field("Состояние", p -> p.getStatus().label())
            .field("Перенесено: начало", p -> date(p.getMovedStart()))
            .field("Перенесено: окончание", p -> date(p.getMovedEnd()))
            .field("Причина отмены", Procedure::getCancelReason)
            .field("Дата выполнения", p -> date(p.getDoneOn()))
            .field("Итоги", Procedure::getResultsSummary);

    private final PlanRepository plans;
    private final ProcedureRepository procedures;
    private final ProcedureTypeRepository types;
    private final PlanAccess access;
    private final DirectoryService directory;
    private final FileStore files;
    private final AuditHistory auditHistory;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VsokoCampaigns vsoko;

    PlanService(PlanRepository plans, ProcedureRepository procedures, ProcedureTypeRepository types, PlanAccess access,
                DirectoryService directory, FileStore files, AuditHistory auditHistory, JdbcTemplate jdbc,
                ApplicationEventPublisher events, Clock clock, VsokoCampaigns vsoko) {
        this.vsoko = vsoko;
        this.plans = plans;
        this.procedures = procedures;
        this.types = types;
        this.access = access;
        this.directory = directory;
        this.files = files;
        this.auditHistory = auditHistory;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    // ---- plans

    public Plan create(CurrentUser user, PlanForm form) {
        PlanAccess.requireKeeper(user);
        int year = year(form.getYear());
        if (plans.findByRegionIdAndYear(user.regionId(), year).isPresent()) {
            throw RuleViolationException.field("year", "План-график на " + year + " год уже есть: откройте его");
        }
        Plan plan = new Plan(user.regionId(), year, title(form, year));
        applyOrder(plan, form);
        return plans.saveAndFlush(plan);
    }

    public Plan update(CurrentUser user, long id, PlanForm form) {
        Plan plan = access.keptPlan(user, id);
        ConcurrentEditException.check(form.getVersion(), plan.getVersion());
        int year = year(form.getYear());
        if (year != plan.getYear()) {
            if (plan.getStatus() == PlanStatus.APPROVED) {
                throw RuleViolationException.field("year", "Год утверждённого плана-графика не меняется");
            }
            if (plans.findByRegionIdAndYear(plan.getRegionId(), year).isPresent()) {
                throw RuleViolationException.field("year", "План-график на " + year + " год уже есть");
            }
            plan.setYear(year);
        }
        plan.setTitle(title(form, year));
        applyOrder(plan, form);
        if (plan.getStatus() == PlanStatus.APPROVED) {
            requireOrder(plan);
        }
        return plan;
    }

    /** Approves the plan by its order; from then its procedures are reported on and drive due dates. */
    public Plan approve(CurrentUser user, long id, Long version) {
        Plan plan = access.keptPlan(user, id);
        ConcurrentEditException.check(version, plan.getVersion());
        if (plan.getStatus() == PlanStatus.APPROVED) {
            throw RuleViolationException.conflict("План-график уже утверждён");
        }
        requireOrder(plan);
        if (plan.getProcedures().isEmpty()) {
            throw RuleViolationException.conflict("В плане-графике нет ни одной процедуры");
        }
        plan.setStatus(PlanStatus.APPROVED);
        plan.setApprovedAt(clock.instant());
        events.publishEvent(new PlanScheduleChanged(plan.getRegionId()));
        return plan;
    }

    /** A draft can be thrown away; an approved plan is an official document and stays. */
    public void delete(CurrentUser user, long id, Long version) {
        Plan plan = access.keptPlan(user, id);
        ConcurrentEditException.check(version, plan.getVersion());
        if (plan.getStatus() != PlanStatus.DRAFT) {
            throw RuleViolationException.conflict("Утверждённый план-график удалить нельзя: отмените ненужные процедуры");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from participation pa join plan_procedure p "
                + "on p.id = pa.procedure_id where p.plan_id = ?)", Boolean.class, id))) {
            throw RuleViolationException.conflict("По процедурам плана уже внесено участие: удалить его нельзя");
        }
        plans.delete(plan);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, long id) {
        access.plan(user, id);
        return auditHistory.of(Plan.class, id, PLAN_HISTORY);
    }

    private static void applyOrder(Plan plan, PlanForm form) {
        plan.setOrderIssuer(clean(form.getOrderIssuer(), 500));
        plan.setOrderNumber(clean(form.getOrderNumber(), 100));
        plan.setOrderDate(form.getOrderDate());
    }

    private static void requireOrder(Plan plan) {
        if (plan.getOrderIssuer() == null) {
            throw RuleViolationException.field("orderIssuer", "Укажите, чьим приказом утверждён план-график");
        }
        if (plan.getOrderNumber() == null) {
            throw RuleViolationException.field("orderNumber", "Укажите номер приказа");
        }
        if (plan.getOrderDate() == null) {
            throw RuleViolationException.field("orderDate", "Укажите дату приказа");
        }
    }

    private static int year(Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw RuleViolationException.field("year", "Укажите год плана-графика (от 2000 до 2100)");
        }
        return year;
    }

    private static String title(PlanForm form, int year) {
        String title = clean(form.getTitle(), 500);
        return title != null ? title : "План-график проведения мониторинга качества образования на " + year + " год";
    }

    // ---- procedures

    public Procedure addProcedure(CurrentUser user, long planId, ProcedureForm form) {
        Plan plan = access.keptPlan(user, planId);
        ProcedureType type = type(plan.getRegionId(), form.getTypeId());
        Procedure procedure = new Procedure(plan, type, "", LocalDate.now(clock), LocalDate.now(clock));
        apply(plan, procedure, form, true);
        procedure.setPosition(plan.getProcedures().stream().mapToInt(Procedure::getPosition).max().orElse(0) + 1);
        procedure.touched(clock.instant(), user.getUsername());
        plan.getProcedures().add(procedure);
        procedures.saveAndFlush(procedure);
        changed(plan);
        return procedure;
    }

    public Procedure updateProcedure(CurrentUser user, long id, ProcedureForm form) {
        Procedure procedure = access.keptProcedure(user, id);
        ConcurrentEditException.check(form.getVersion(), procedure.getVersion());
        if (form.getTypeId() != null && !form.getTypeId().equals(procedure.getType().getId())) {
            procedure.setType(type(procedure.getRegionId(), form.getTypeId()));
        }
        apply(procedure.getPlan(), procedure, form, false);
        procedure.touched(clock.instant(), user.getUsername());
        changed(procedure.getPlan());
        return procedure;
    }

    public void deleteProcedure(CurrentUser user, long id, Long version) {
        Procedure procedure = access.keptProcedure(user, id);
        ConcurrentEditException.check(version, procedure.getVersion());
        if (procedure.getPlan().getStatus() != PlanStatus.DRAFT) {
            throw RuleViolationException.conflict("Процедуру утверждённого плана-графика не удаляют: отметьте её отменённой с причиной");
        }
        procedure.getPlan().getProcedures().remove(procedure);
    }

    /**
     * Moves a procedure along: under way, done on a day, moved to new dates, cancelled with a reason, or back to
     * planned to correct a mistake. Only an approved plan's procedures are carried out.
     */
    public Procedure changeStatus(CurrentUser user, long id, StatusForm form) {
        Procedure p = access.keptProcedure(user, id);
        ConcurrentEditException.check(form.version(), p.getVersion());
        moveStatus(p, form);
        p.touched(clock.instant(), user.getUsername());
        changed(p.getPlan());
        return p;
    }

    /**
     * The rules of a status change without the caller's checks, shared by {@link #changeStatus} and the plan's
     * import from Excel: the procedure is changed in place, or a {@link RuleViolationException} says why not.
     */
    void moveStatus(Procedure p, StatusForm form) {
        if (p.getPlan().getStatus() != PlanStatus.APPROVED) {
            throw RuleViolationException.conflict("План-график ещё не утверждён: процедуры проводят по утверждённому плану");
        }
        if (form.to() == null) {
            throw RuleViolationException.field("to", "Выберите новое состояние");
        }
        LocalDate today = LocalDate.now(clock.withZone(directory.region(p.getRegionId()).zone()));
        LocalDate on = form.on() != null ? form.on() : today;
        if (on.isAfter(today)) {
            throw RuleViolationException.field("on", "Дата не может быть позже сегодняшней (" + Formats.DATE.format(today) + ")");
        }
        ProcedureStatus from = p.getStatus();
        switch (form.to()) {
            case PLANNED -> {
                p.setDoneOn(null);
                p.setCancelReason(null);
                p.setCancelledOn(null);
            }
            case IN_PROGRESS -> {
                if (from == ProcedureStatus.DONE || from == ProcedureStatus.CANCELLED) {
                    throw RuleViolationException.conflict("Процедура «" + from.label() + "»: сначала верните её в запланированные");
                }
            }
            case DONE -> {
                if (from == ProcedureStatus.CANCELLED) {
                    throw RuleViolationException.conflict("Отменённую процедуру нельзя отметить выполненной: сначала верните её в запланированные");
                }
                if (on.isBefore(p.effectiveStart())) {
                    throw RuleViolationException.field("on", "Дата выполнения раньше начала проведения ("
                            + Formats.DATE.format(p.effectiveStart()) + ")");
                }
                p.setDoneOn(on);
            }
            case MOVED -> {
                if (from == ProcedureStatus.DONE || from == ProcedureStatus.CANCELLED) {
                    throw RuleViolationException.conflict("Процедура «" + from.label() + "»: перенести её нельзя");
                }
                if (form.movedStart() == null || form.movedEnd() == null) {
                    throw RuleViolationException.field("movedStart", "Укажите новые сроки проведения");
                }
                if (form.movedEnd().isBefore(form.movedStart())) {
                    throw RuleViolationException.field("movedEnd", "Новое окончание раньше нового начала");
                }
                p.setMovedStart(form.movedStart());
                p.setMovedEnd(form.movedEnd());
                p.setMovedOn(on);
            }
            case CANCELLED -> {
                if (from == ProcedureStatus.DONE) {
                    throw RuleViolationException.conflict("Выполненную процедуру отменить нельзя");
                }
                String reason = text(form.reason(), 4000);
                if (reason == null) {
                    throw RuleViolationException.field("reason", "Укажите причину отмены");
                }
                p.setCancelReason(reason);
                p.setCancelledOn(on);
            }
        }
        p.setStatus(form.to());
    }

    public ProcedureFile addFile(CurrentUser user, long id, MultipartFile upload) {
        Procedure p = access.keptProcedure(user, id);
        if (!FileStore.isChosen(upload)) {
            throw RuleViolationException.field("file", "Выберите файл");
        }
        ProcedureFile file = new ProcedureFile(p, files.store(upload), clock.instant(), user.getUsername());
        p.getFiles().add(file);
        procedures.flush();
        return file;
    }

    public void removeFile(CurrentUser user, long id, long fileId) {
        Procedure p = access.keptProcedure(user, id);
        if (!p.getFiles().removeIf(f -> f.getId() == fileId)) {
            throw NotFoundException.of("Файл", fileId);
        }
    }

    @Transactional(readOnly = true)
    public ProcedureFile file(CurrentUser user, long id, long fileId) {
        Procedure p = access.procedure(user, id);
        return p.getFiles().stream().filter(f -> f.getId() == fileId).findFirst()
                .orElseThrow(() -> NotFoundException.of("Файл", fileId));
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> procedureHistory(CurrentUser user, long id) {
        access.procedure(user, id);
        return auditHistory.of(Procedure.class, id, PROCEDURE_HISTORY);
    }

    /** The rules of a procedure's fields, shared by the forms and the plan's import from Excel. */
    void apply(Plan plan, Procedure p, ProcedureForm form, boolean isNew) {
        String title = clean(form.getTitle(), 1000);
        if (title == null) {
            title = p.getType().getName();
        }
        p.setTitle(title);
        if (form.getPeriodStart() == null) {
            throw RuleViolationException.field("periodStart", "Укажите начало проведения");
        }
        if (form.getPeriodEnd() == null) {
            throw RuleViolationException.field("periodEnd", "Укажите окончание проведения");
        }
        if (form.getPeriodEnd().isBefore(form.getPeriodStart())) {
            throw RuleViolationException.field("periodEnd", "Окончание раньше начала");
        }
        if (form.getPeriodStart().getYear() != plan.getYear() && form.getPeriodEnd().getYear() != plan.getYear()) {
            throw RuleViolationException.field("periodStart", "Сроки процедуры вне " + plan.getYear()
                    + " года, на который составлен план-график; перенос на другой год отмечают состоянием «Перенесено»");
        }
        p.setPeriodStart(form.getPeriodStart());
        p.setPeriodEnd(form.getPeriodEnd());
        try {
            p.setGrades(isNew && form.getGrades() == null ? p.getType().getGrades() : Grades.parse(form.getGrades()));
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.field("grades", e.getMessage());
        }
        p.setSubjects(clean(form.getSubjects(), 1000));
        Participants participants = form.getParticipants() == null ? Participants.ALL_SCHOOLS : form.getParticipants();
        p.setParticipants(participants);
        p.getParticipantIds().clear();
        p.getParticipantIds().addAll(participantIds(plan.getRegionId(), participants, form.chosenIds()));
        p.setResponsibleId(form.getResponsibleId() == null ? null : responsible(plan.getRegionId(), form.getResponsibleId()).id());
        if (form.getObserversRequired() != null) {
            p.setObserversRequired(form.getObserversRequired());
        }
        BigDecimal target = form.getCoverageTarget();
        if (target != null && (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw RuleViolationException.field("coverageTarget", "Целевой охват — процент от 0 до 100");
        }
        if (target != null && p.getGrades() == null) {
            throw RuleViolationException.field("grades", "Для целевого охвата укажите классы, в которых он считается");
        }
        if (!isNew || target != null) {
            p.setCoverageTarget(target);
        }
        p.setVsokoCampaignId(form.getVsokoCampaignId() == null ? null : vsokoCampaign(plan.getRegionId(), form.getVsokoCampaignId()));
        p.setResultsSummary(text(form.getResultsSummary(), 20000));
    }

    private Set<Long> participantIds(long regionId, Participants participants, List<Long> ids) {
        if (participants == Participants.ALL_SCHOOLS) {
            return Set.of();
        }
        Set<Long> chosen = new LinkedHashSet<>(ids == null ? List.of() : ids.stream().filter(Objects::nonNull).toList());
        if (chosen.isEmpty()) {
            throw RuleViolationException.field("participantIds", participants == Participants.MUNICIPALITIES
                    ? "Отметьте муниципалитеты-участники" : "Отметьте школы-участницы");
        }
        String type = participants == Participants.MUNICIPALITIES ? "MUNICIPALITY" : "SCHOOL";
        Long found = jdbc.queryForObject("select count(*) from org_unit where region_id = ? and type = ? and id = any(?)",
                Long.class, regionId, type, chosen.toArray(Long[]::new));
        if (found == null || found != chosen.size()) {
            throw RuleViolationException.field("participantIds", "Среди участников есть организации не этого региона");
        }
        return chosen;
    }

    private OrgUnit responsible(long regionId, long id) {
        OrgUnit unit;
        try {
            unit = directory.get(ru.rsoko.access.Scope.region(regionId), id);
        } catch (NotFoundException e) {
            throw RuleViolationException.field("responsibleId", "Ответственная организация не найдена в регионе");
        }
        return unit;
    }

    private Long vsokoCampaign(long regionId, long id) {
        if (vsoko.ofRegion(regionId).stream().noneMatch(c -> c.id() == id)) {
            throw RuleViolationException.field("vsokoCampaignId", "Кампания ВСОКО не найдена в регионе");
        }
        return id;
    }

    private ProcedureType type(long regionId, Long typeId) {
        if (typeId == null) {
            throw RuleViolationException.field("typeId", "Выберите вид процедуры");
        }
        return types.findById(typeId).filter(t -> t.getRegionId() == null || t.getRegionId() == regionId)
                .orElseThrow(() -> RuleViolationException.field("typeId", "Вид процедуры не найден"));
    }

    void changed(Plan plan) {
        if (plan.getStatus() == PlanStatus.APPROVED) {
            events.publishEvent(new PlanScheduleChanged(plan.getRegionId()));
        }
    }

    // ---- the catalogue of procedure types

    @Transactional(readOnly = true)
    public List<ProcedureType> types(long regionId) {
        return types.findForRegion(regionId);
    }

    public ProcedureType addType(CurrentUser user, TypeForm form) {
        PlanAccess.requireKeeper(user);
        String name = clean(form.name(), 300);
        if (name == null) {
            throw RuleViolationException.field("name", "Укажите название вида процедуры");
        }
        if (types.findForRegion(user.regionId()).stream().anyMatch(t -> t.getName().equalsIgnoreCase(name))) {
            throw RuleViolationException.field("name", "Такой вид процедуры уже есть");
        }
        ProcedureType type = new ProcedureType(user.regionId(), "R-" + java.util.UUID.randomUUID(), name);
        applyType(type, form, true);
        return types.saveAndFlush(type);
    }

    public ProcedureType updateType(CurrentUser user, long id, TypeForm form) {
        PlanAccess.requireKeeper(user);
        ProcedureType type = types.findById(id).filter(t -> Objects.equals(t.getRegionId(), user.regionId()))
                .orElseThrow(() -> NotFoundException.of("Вид процедуры", id));
        ConcurrentEditException.check(form.version(), type.getVersion());
        String name = clean(form.name(), 300);
        if (name == null) {
            throw RuleViolationException.field("name", "Укажите название вида процедуры");
        }
        if (types.findForRegion(user.regionId()).stream().anyMatch(t -> t.getId() != id && t.getName().equalsIgnoreCase(name))) {
            throw RuleViolationException.field("name", "Такой вид процедуры уже есть");
        }
        type.setName(name);
        applyType(type, form, false);
        return type;
    }

    /** An unticked box is not sent: on a new type «used» means yes, on an edited one its absence means no. */
    private static void applyType(ProcedureType type, TypeForm form, boolean isNew) {
        try {
            type.setGrades(Grades.parse(form.grades()));
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.field("grades", e.getMessage());
        }
        BigDecimal target = form.coverageTarget();
        if (target != null && (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw RuleViolationException.field("coverageTarget", "Целевой охват — процент от 0 до 100");
        }
        type.setCoverageTarget(target);
        type.setObservers(Boolean.TRUE.equals(form.observers()));
        type.setActive(form.active() != null ? form.active() : isNew);
    }

    /** A region's own type of procedure. */
    public record TypeForm(String name, String grades, BigDecimal coverageTarget, Boolean observers, Boolean active,
                           Long version) {
    }

    // ---- choices for the forms

    public record Choice(long id, String name, String group) {
    }

    @Transactional(readOnly = true)
    public List<Choice> municipalities(long regionId) {
        return jdbc.query("select id, name from org_unit where region_id = ? and type = 'MUNICIPALITY' and active order by name",
                (rs, i) -> new Choice(rs.getLong(1), rs.getString(2), null), regionId);
    }

    @Transactional(readOnly = true)
    public List<Choice> schools(long regionId) {
        return jdbc.query("""
                        select s.id, s.name, m.name from org_unit s left join org_unit m on m.id = s.municipality_id
                        where s.region_id = ? and s.type = 'SCHOOL' and s.active order by m.name, s.name""",
                (rs, i) -> new Choice(rs.getLong(1), rs.getString(2), rs.getString(3)), regionId);
    }

    /** Who can be responsible for a procedure: the region's institutions (ЦОКО, the institute) and the region itself. */
    @Transactional(readOnly = true)
    public List<Choice> responsibleChoices(long regionId) {
        return jdbc.query("""
                        select id, name from org_unit where (region_id = ? and type in ('REGION', 'INSTITUTION'))
                        order by type desc, name""",
                (rs, i) -> new Choice(rs.getLong(1), rs.getString(2), null), regionId);
    }

    @Transactional(readOnly = true)
    public List<Choice> vsokoCampaigns(long regionId) {
        return vsoko.ofRegion(regionId).stream().map(c -> new Choice(c.id(), c.name(), null)).toList();
    }

    static String clean(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** A text of several lines: trimmed, kept as written. */
    static String text(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static String date(LocalDate d) {
        return d == null ? null : Formats.DATE.format(d);
    }
}

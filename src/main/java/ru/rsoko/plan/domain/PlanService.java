package ru.rsoko.plan.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.PlanScheduleChanged;
import ru.rsoko.plan.PlanStatus;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureRecords;
import ru.rsoko.plan.ProcedureRescheduled;
import ru.rsoko.plan.ProcedureStatus;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.VsokoCampaigns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ru.rsoko.platform.web.TextLimits;

/**
 * Keeping a region's plan-schedule: the plan and its order, its procedures, their course and results; and what the
 * plan's pages show, as records read in one transaction.
 */
@Service
@Transactional
public class PlanService {

    static final HistoryFields<PlanEntity> PLAN_HISTORY = HistoryFields.of(PlanEntity.class)
            .field("Год", PlanEntity::getYear)
            .field("Название", PlanEntity::getTitle)
            .field("Кем утверждён", PlanEntity::getOrderIssuer)
            .field("Номер приказа", PlanEntity::getOrderNumber)
            .field("Дата приказа", p -> date(p.getOrderDate()))
            .field("Состояние", p -> p.getStatus().label());

    static final HistoryFields<ProcedureEntity> PROCEDURE_HISTORY = HistoryFields.of(ProcedureEntity.class)
            .field("Название", ProcedureEntity::getTitle)
            .field("Начало", p -> date(p.getPeriodStart()))
            .field("Окончание", p -> date(p.getPeriodEnd()))
            .field("Классы", ProcedureEntity::gradesText)
            .field("Предметы", ProcedureEntity::getSubjects)
            .field("Участники", p -> p.getParticipants() == null ? null : p.getParticipants().label())
            .field("Общественные наблюдатели", p -> p.isObserversRequired() ? "обязательны" : "не требуются")
            .field("Целевой охват, %", ProcedureEntity::getCoverageTarget)
            .field("Состояние", p -> p.getStatus().label())
            .field("Перенесено: начало", p -> date(p.getMovedStart()))
            .field("Перенесено: окончание", p -> date(p.getMovedEnd()))
            .field("Причина отмены", ProcedureEntity::getCancelReason)
            .field("Дата выполнения", p -> date(p.getDoneOn()))
            .field("Итоги", ProcedureEntity::getResultsSummary);

    private final PlanRepository plans;
    private final ProcedureRepository procedures;
    private final ProcedureTypeRepository types;
    private final PlanAccessService access;
    private final PlanExecutions execution;
    private final DirectoryService directory;
    private final FileStore files;
    private final AuditHistory auditHistory;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final VsokoCampaigns vsoko;
    private final List<ProcedureRecords> records;

    PlanService(PlanRepository plans, ProcedureRepository procedures, ProcedureTypeRepository types,
                PlanAccessService access, PlanExecutions execution, DirectoryService directory, FileStore files,
                AuditHistory auditHistory, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock,
                VsokoCampaigns vsoko, List<ProcedureRecords> records) {
        this.plans = plans;
        this.procedures = procedures;
        this.types = types;
        this.access = access;
        this.execution = execution;
        this.directory = directory;
        this.files = files;
        this.auditHistory = auditHistory;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.vsoko = vsoko;
        this.records = records;
    }

    /** Whether the user keeps plans (regional staff): the pages offer changes only to them. */
    public static boolean keeps(CurrentUser user) {
        return PlanAccessService.keeps(user);
    }

    public static void requireKeeper(CurrentUser user) {
        PlanAccessService.requireKeeper(user);
    }

    // ---- what the pages show

    /** The plans the user sees, each with its execution today. */
    @Transactional(readOnly = true)
    public List<PlanLine> lines(CurrentUser user) {
        return reports(access.entities(user)).stream().map(r -> new PlanLine(r.plan(), r.execution().total())).toList();
    }

    /** The plans, each with its procedures and its execution today; the procedures of all of them in one query. */
    private List<PlanReport> reports(List<PlanEntity> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Procedure>> byPlan = procedures.findByPlans(list.stream().map(PlanEntity::getId).toList()).stream()
                .map(ProcedureEntity::view).collect(Collectors.groupingBy(Procedure::planId));
        Map<Long, LocalDate> today = new HashMap<>();
        return list.stream().map(p -> {
            List<Procedure> procedures = byPlan.getOrDefault(p.getId(), List.of());
            return new PlanReport(p.view(), procedures,
                    PlanExecution.of(procedures, today.computeIfAbsent(p.getRegionId(), execution::today)));
        }).toList();
    }

    /** A plan the user sees, with its procedures, its execution today and its history. */
    @Transactional(readOnly = true)
    public PlanCard card(CurrentUser user, long id) {
        PlanEntity plan = access.planEntity(user, id);
        List<Procedure> list = views(plan);
        PlanExecution report = PlanExecution.of(list, execution.today(plan.getRegionId()));
        return new PlanCard(plan.view(), list, report, auditHistory.of(PlanEntity.class, id, PLAN_HISTORY));
    }

    /** A plan the user sees with its execution as of the day (today in its region when none). */
    @Transactional(readOnly = true)
    public PlanReport report(CurrentUser user, long id, LocalDate asOf) {
        return report(access.planEntity(user, id), asOf);
    }

    /** The plans the user sees (of the year, if given), each with its execution today. */
    @Transactional(readOnly = true)
    public List<PlanReport> reports(CurrentUser user, Integer year) {
        return reports(access.entities(user).stream().filter(p -> year == null || p.getYear() == year).toList());
    }

    private PlanReport report(PlanEntity plan, LocalDate asOf) {
        List<Procedure> list = views(plan);
        return new PlanReport(plan.view(), list,
                PlanExecution.of(list, asOf != null ? asOf : execution.today(plan.getRegionId())));
    }

    private List<Procedure> views(PlanEntity plan) {
        return procedures.findByPlan(plan.getId()).stream().map(ProcedureEntity::view).toList();
    }

    /** A plan the user keeps, for its form and its import. */
    @Transactional(readOnly = true)
    public Plan kept(CurrentUser user, long id) {
        return access.keptPlan(user, id).view();
    }

    /** A procedure the user sees, with its plan, where it stands today, its participants, files and history. */
    @Transactional(readOnly = true)
    public ProcedureCard procedureCard(CurrentUser user, long id) {
        ProcedureEntity entity = access.procedureEntity(user, id);
        Procedure p = entity.view();
        LocalDate today = execution.today(p.regionId());
        Choice campaign = p.vsokoCampaignId() == null ? null : vsokoCampaigns(p.regionId()).stream()
                .filter(c -> c.id() == p.vsokoCampaignId()).findFirst().orElse(null);
        return new ProcedureCard(p, entity.getPlan().view(), p.outcomeOn(today), today, participantNames(p),
                entity.getFiles().stream().map(ProcedureFile::view).toList(),
                auditHistory.of(ProcedureEntity.class, id, PROCEDURE_HISTORY), campaign);
    }

    private List<String> participantNames(Procedure p) {
        if (p.participants() == Participants.ALL_SCHOOLS) {
            return List.of();
        }
        List<Choice> choices = p.participants() == Participants.MUNICIPALITIES
                ? municipalities(p.regionId()) : schools(p.regionId());
        Map<Long, String> names = choices.stream().collect(Collectors.toMap(Choice::id, Choice::name));
        return p.participantIds().stream().map(names::get).filter(Objects::nonNull).sorted().toList();
    }

    /** A new procedure's form in a plan the user keeps, with the defaults of the type asked for (else the first). */
    @Transactional(readOnly = true)
    public ProcedureEditing newProcedure(CurrentUser user, long planId, Long typeId) {
        PlanEntity plan = access.keptPlan(user, planId);
        List<ProcedureKind> kinds = types(plan.getRegionId());
        ProcedureKind type = kinds.stream().filter(t -> Objects.equals(t.id(), typeId)).findFirst().orElse(kinds.getFirst());
        return editing(plan.view(), null, ProcedureForm.of(type));
    }

    /** A procedure's form as stored, in a plan the user keeps. */
    @Transactional(readOnly = true)
    public ProcedureEditing editProcedure(CurrentUser user, long id) {
        ProcedureEntity p = access.keptProcedure(user, id);
        Procedure view = p.view();
        return editing(p.getPlan().view(), view, ProcedureForm.of(view));
    }

    /** The form of a new procedure again, as sent, after the rules refused it. */
    @Transactional(readOnly = true)
    public ProcedureEditing reshowNewProcedure(CurrentUser user, long planId, ProcedureForm form) {
        return editing(access.planEntity(user, planId).view(), null, form);
    }

    /** A procedure's form again, as sent, after the rules refused it. */
    @Transactional(readOnly = true)
    public ProcedureEditing reshowProcedure(CurrentUser user, long id, ProcedureForm form) {
        ProcedureEntity p = access.procedureEntity(user, id);
        return editing(p.getPlan().view(), p.view(), form);
    }

    private ProcedureEditing editing(Plan plan, Procedure procedure, ProcedureForm form) {
        long region = plan.regionId();
        List<ProcedureKind> kinds = types(region).stream()
                .filter(t -> t.active() || Objects.equals(t.id(), form.getTypeId())).toList();
        return new ProcedureEditing(plan, procedure, form, kinds, municipalities(region), schools(region),
                responsibleChoices(region), vsokoCampaigns(region));
    }

    // ---- plans

    public Plan create(CurrentUser user, PlanForm form) {
        requireKeeper(user);
        int year = year(form.getYear());
        if (plans.findByRegionIdAndYear(user.regionId(), year).isPresent()) {
            throw RuleViolationException.field("year", "План-график на " + year + " год уже есть: откройте его");
        }
        PlanEntity plan = new PlanEntity(user.regionId(), year, title(form, year));
        applyOrder(plan, form);
        return plans.saveAndFlush(plan).view();
    }

    public Plan update(CurrentUser user, long id, PlanForm form) {
        PlanEntity plan = access.keptPlan(user, id);
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
        plans.flush();
        return plan.view();
    }

    /** Approves the plan by its order; from then its procedures are reported on and drive due dates. */
    public Plan approve(CurrentUser user, long id, Long version) {
        PlanEntity plan = access.keptPlan(user, id);
        ConcurrentEditException.check(version, plan.getVersion());
        if (!plan.getStatus().canMoveTo(PlanStatus.APPROVED)) {
            throw RuleViolationException.conflict("План-график уже утверждён");
        }
        requireOrder(plan);
        if (plan.getProcedures().isEmpty()) {
            throw RuleViolationException.conflict("В плане-графике нет ни одной процедуры");
        }
        plan.setStatus(PlanStatus.APPROVED);
        plan.setApprovedAt(clock.instant());
        events.publishEvent(new PlanScheduleChanged(plan.getRegionId()));
        plans.flush();
        return plan.view();
    }

    /**
     * A draft can be thrown away; an approved plan is an official document and stays. Nor is a draft thrown away
     * once another module has recorded something against its procedures (participation, for one).
     */
    public void delete(CurrentUser user, long id, Long version) {
        PlanEntity plan = access.keptPlan(user, id);
        ConcurrentEditException.check(version, plan.getVersion());
        if (plan.getStatus() != PlanStatus.DRAFT) {
            throw RuleViolationException.conflict("Утверждённый план-график удалить нельзя: отмените ненужные процедуры");
        }
        List<Long> ids = plan.getProcedures().stream().map(ProcedureEntity::getId).toList();
        Optional<String> recorded = ids.isEmpty() ? Optional.empty()
                : records.stream().map(r -> r.recordedAgainst(ids)).flatMap(Optional::stream).findFirst();
        if (recorded.isPresent()) {
            throw RuleViolationException.conflict("По процедурам плана уже внесено " + recorded.get() + ": удалить его нельзя");
        }
        plans.delete(plan);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, long id) {
        access.planEntity(user, id);
        return auditHistory.of(PlanEntity.class, id, PLAN_HISTORY);
    }

    private static void applyOrder(PlanEntity plan, PlanForm form) {
        plan.setOrderIssuer(checked("orderIssuer", "Кем утверждён", clean(form.getOrderIssuer(), Integer.MAX_VALUE), 500));
        plan.setOrderNumber(checked("orderNumber", "Номер приказа", clean(form.getOrderNumber(), Integer.MAX_VALUE), 100));
        plan.setOrderDate(form.getOrderDate());
    }

    private static void requireOrder(PlanEntity plan) {
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
        String title = checked("title", "Название", clean(form.getTitle(), Integer.MAX_VALUE), 500);
        return title != null ? title : "План-график проведения мониторинга качества образования на " + year + " год";
    }

    // ---- procedures

    public Procedure addProcedure(CurrentUser user, long planId, ProcedureForm form) {
        PlanEntity plan = access.keptPlan(user, planId);
        ProcedureType type = type(plan.getRegionId(), form.getTypeId());
        ProcedureEntity procedure = new ProcedureEntity(plan, type, "", LocalDate.now(clock), LocalDate.now(clock));
        apply(plan, procedure, form, true);
        procedure.setPosition(plan.getProcedures().stream().mapToInt(ProcedureEntity::getPosition).max().orElse(0) + 1);
        procedure.touched(clock.instant(), user.getUsername());
        plan.getProcedures().add(procedure);
        procedures.saveAndFlush(procedure);
        changed(plan);
        return procedure.view();
    }

    public Procedure updateProcedure(CurrentUser user, long id, ProcedureForm form) {
        ProcedureEntity procedure = access.keptProcedure(user, id);
        ConcurrentEditException.check(form.getVersion(), procedure.getVersion());
        Course before = Course.of(procedure);
        if (form.getTypeId() != null && !form.getTypeId().equals(procedure.getType().getId())) {
            procedure.setType(type(procedure.getRegionId(), form.getTypeId()));
        }
        apply(procedure.getPlan(), procedure, form, false);
        procedure.touched(clock.instant(), user.getUsername());
        changed(procedure.getPlan());
        procedures.flush();
        rescheduled(procedure, before, null);
        return procedure.view();
    }

    /** Removes a procedure from a draft; answers the plan it was in. */
    public Plan deleteProcedure(CurrentUser user, long id, Long version) {
        ProcedureEntity procedure = access.keptProcedure(user, id);
        ConcurrentEditException.check(version, procedure.getVersion());
        if (procedure.getPlan().getStatus() != PlanStatus.DRAFT) {
            throw RuleViolationException.conflict("Процедуру утверждённого плана-графика не удаляют: отметьте её отменённой с причиной");
        }
        procedure.getPlan().getProcedures().remove(procedure);
        return procedure.getPlan().view();
    }

    /**
     * Moves a procedure along: under way, done on a day, moved to new dates, cancelled with a reason, or back to
     * planned to correct a mistake. Only an approved plan's procedures are carried out.
     */
    public Procedure changeStatus(CurrentUser user, long id, StatusForm form) {
        ProcedureEntity p = access.keptProcedure(user, id);
        ConcurrentEditException.check(form.version(), p.getVersion());
        Course before = Course.of(p);
        moveStatus(p, form);
        p.touched(clock.instant(), user.getUsername());
        changed(p.getPlan());
        procedures.flush();
        rescheduled(p, before, checked("reason", "Причина", text(form.reason(), Integer.MAX_VALUE), 4000));
        return p.view();
    }

    /** A procedure's course and the dates it is held on, taken before a change to tell what the change did. */
    record Course(ProcedureStatus status, LocalDate from, LocalDate to) {
        static Course of(ProcedureEntity p) {
            return new Course(p.getStatus(), p.effectiveStart(), p.effectiveEnd());
        }
    }

    /**
     * After a change of an approved plan's procedure is flushed: tells whoever listens that it was cancelled (newly)
     * or is now held on other dates — by «перенесено», by a corrected date of a procedure not moved, or by the
     * plan's import. A draft binds nobody, so its changes are not news.
     *
     * @param reason what the person gave for a move, if anything; a cancellation's is its recorded reason
     */
    void rescheduled(ProcedureEntity p, Course before, @Nullable String reason) {
        if (p.getPlan().getStatus() != PlanStatus.APPROVED) {
            return;
        }
        if (p.getStatus() == ProcedureStatus.CANCELLED) {
            if (before.status() != ProcedureStatus.CANCELLED) {
                events.publishEvent(new ProcedureRescheduled(p.getId(), p.getPlan().getId(), p.getRegionId(), nameOf(p),
                        ProcedureRescheduled.Change.CANCELLED, before.from(), before.to(), null, null, p.getCancelReason()));
            }
            return;
        }
        if (!p.effectiveStart().equals(before.from()) || !p.effectiveEnd().equals(before.to())) {
            events.publishEvent(new ProcedureRescheduled(p.getId(), p.getPlan().getId(), p.getRegionId(), nameOf(p),
                    ProcedureRescheduled.Change.MOVED, before.from(), before.to(), p.effectiveStart(), p.effectiveEnd(),
                    reason));
        }
    }

    /** The procedure as pages show it: its title, after its type unless the title already says it. */
    static String nameOf(ProcedureEntity p) {
        String type = p.getType().getName();
        String title = p.getTitle();
        if (title == null || title.isBlank()) {
            return type;
        }
        return PlanWorkbook.key(title).contains(PlanWorkbook.key(type)) ? title : type + " — " + title;
    }

    /**
     * The rules of a status change without the caller's checks, shared by {@link #changeStatus} and the plan's
     * import from Excel: the procedure is changed in place, or a {@link RuleViolationException} says why not. Which
     * moves are allowed at all is {@link ProcedureStatus#canMoveTo}'s rule.
     */
    void moveStatus(ProcedureEntity p, StatusForm form) {
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
        boolean allowed = from.canMoveTo(form.to());
        switch (form.to()) {
            case PLANNED -> {
                p.setDoneOn(null);
                p.setCancelReason(null);
                p.setCancelledOn(null);
            }
            case IN_PROGRESS -> {
                if (!allowed) {
                    throw RuleViolationException.conflict("Процедура «" + from.label() + "»: сначала верните её в запланированные");
                }
            }
            case DONE -> {
                if (!allowed) {
                    throw RuleViolationException.conflict("Отменённую процедуру нельзя отметить выполненной: сначала верните её в запланированные");
                }
                if (on.isBefore(p.effectiveStart())) {
                    throw RuleViolationException.field("on", "Дата выполнения раньше начала проведения ("
                            + Formats.DATE.format(p.effectiveStart()) + ")");
                }
                p.setDoneOn(on);
            }
            case MOVED -> {
                if (!allowed) {
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
                if (!allowed) {
                    throw RuleViolationException.conflict("Выполненную процедуру отменить нельзя");
                }
                String reason = checked("reason", "Причина", text(form.reason(), Integer.MAX_VALUE), 4000);
                if (reason == null) {
                    throw RuleViolationException.field("reason", "Укажите причину отмены");
                }
                p.setCancelReason(reason);
                p.setCancelledOn(on);
            }
        }
        p.setStatus(form.to());
    }

    public FileLine addFile(CurrentUser user, long id, MultipartFile upload) {
        ProcedureEntity p = access.keptProcedure(user, id);
        if (!FileStore.isChosen(upload)) {
            throw RuleViolationException.field("file", "Выберите файл");
        }
        ProcedureFile file = new ProcedureFile(p, files.store(upload), clock.instant(), user.getUsername());
        p.getFiles().add(file);
        procedures.flush();
        return file.view();
    }

    public void removeFile(CurrentUser user, long id, long fileId) {
        ProcedureEntity p = access.keptProcedure(user, id);
        if (!p.getFiles().removeIf(f -> f.getId() == fileId)) {
            throw NotFoundException.of("Файл", fileId);
        }
    }

    @Transactional(readOnly = true)
    public FileLine file(CurrentUser user, long id, long fileId) {
        ProcedureEntity p = access.procedureEntity(user, id);
        return p.getFiles().stream().filter(f -> f.getId() == fileId).findFirst().map(ProcedureFile::view)
                .orElseThrow(() -> NotFoundException.of("Файл", fileId));
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> procedureHistory(CurrentUser user, long id) {
        access.procedureEntity(user, id);
        return auditHistory.of(ProcedureEntity.class, id, PROCEDURE_HISTORY);
    }

    /** The rules of a procedure's fields, shared by the forms and the plan's import from Excel. */
    void apply(PlanEntity plan, ProcedureEntity p, ProcedureForm form, boolean isNew) {
        String title = checked("title", "Название процедуры", clean(form.getTitle(), Integer.MAX_VALUE), 1000);
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
        p.setSubjects(checked("subjects", "Предметы", clean(form.getSubjects(), Integer.MAX_VALUE), 1000));
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
        p.setResultsSummary(checked("resultsSummary", "Итоги", text(form.getResultsSummary(), Integer.MAX_VALUE), TextLimits.TEXT));
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
        Long found = jdbc.queryForObject("select count(*) from directory_org_unit where region_id = ? and type = ? and id = any(?)",
                Long.class, regionId, type, chosen.toArray(Long[]::new));
        if (found == null || found != chosen.size()) {
            throw RuleViolationException.field("participantIds", "Среди участников есть организации не этого региона");
        }
        return chosen;
    }

    private OrgUnit responsible(long regionId, long id) {
        try {
            return directory.get(Scope.region(regionId), id);
        } catch (NotFoundException e) {
            throw RuleViolationException.field("responsibleId", "Ответственная организация не найдена в регионе");
        }
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

    /** The types a region's plan may use, as entities: the import reads the workbook's names against them. */
    List<ProcedureType> typeEntities(long regionId) {
        return types.findForRegion(regionId);
    }

    void changed(PlanEntity plan) {
        if (plan.getStatus() == PlanStatus.APPROVED) {
            events.publishEvent(new PlanScheduleChanged(plan.getRegionId()));
        }
    }

    // ---- the catalogue of procedure types

    @Transactional(readOnly = true)
    public List<ProcedureKind> types(long regionId) {
        return types.findForRegion(regionId).stream().map(ProcedureType::view).toList();
    }

    public ProcedureKind addType(CurrentUser user, TypeForm form) {
        requireKeeper(user);
        String name = checked("name", "Название вида процедуры", clean(form.name(), Integer.MAX_VALUE), 300);
        if (name == null) {
            throw RuleViolationException.field("name", "Укажите название вида процедуры");
        }
        if (types.findForRegion(user.regionId()).stream().anyMatch(t -> t.getName().equalsIgnoreCase(name))) {
            throw RuleViolationException.field("name", "Такой вид процедуры уже есть");
        }
        ProcedureType type = new ProcedureType(user.regionId(), "R-" + java.util.UUID.randomUUID(), name);
        applyType(type, form, true);
        return types.saveAndFlush(type).view();
    }

    public ProcedureKind updateType(CurrentUser user, long id, TypeForm form) {
        requireKeeper(user);
        ProcedureType type = types.findById(id).filter(t -> Objects.equals(t.getRegionId(), user.regionId()))
                .orElseThrow(() -> NotFoundException.of("Вид процедуры", id));
        ConcurrentEditException.check(form.version(), type.getVersion());
        String name = checked("name", "Название вида процедуры", clean(form.name(), Integer.MAX_VALUE), 300);
        if (name == null) {
            throw RuleViolationException.field("name", "Укажите название вида процедуры");
        }
        if (types.findForRegion(user.regionId()).stream().anyMatch(t -> t.getId() != id && t.getName().equalsIgnoreCase(name))) {
            throw RuleViolationException.field("name", "Такой вид процедуры уже есть");
        }
        type.setName(name);
        applyType(type, form, false);
        types.flush();
        return type.view();
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

    // ---- choices for the forms, from the directory's view of organisations

    List<Choice> municipalities(long regionId) {
        return jdbc.query("select id, name from directory_org_unit where region_id = ? and type = 'MUNICIPALITY' and active order by name",
                (rs, i) -> new Choice(rs.getLong(1), rs.getString(2), null), regionId);
    }

    List<Choice> schools(long regionId) {
        return jdbc.query("""
                        select s.id, s.name, m.name from directory_org_unit s left join directory_org_unit m on m.id = s.municipality_id
                        where s.region_id = ? and s.type = 'SCHOOL' and s.active order by m.name, s.name""",
                (rs, i) -> new Choice(rs.getLong(1), rs.getString(2), rs.getString(3)), regionId);
    }

    /** Who can be responsible for a procedure: the region's institutions (ЦОКО, the institute) and the region itself. */
    List<Choice> responsibleChoices(long regionId) {
        return jdbc.query("""
                        select id, name from directory_org_unit where (region_id = ? and type in ('REGION', 'INSTITUTION'))
                        order by type desc, name""",
                (rs, i) -> new Choice(rs.getLong(1), rs.getString(2), null), regionId);
    }

    List<Choice> vsokoCampaigns(long regionId) {
        return vsoko.ofRegion(regionId).stream().map(c -> new Choice(c.id(), c.name(), null)).toList();
    }

    static String clean(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** A text typed on a page or sent to the API, refused (400) over its limit rather than cut unseen. */
    private static String checked(String field, String label, String text, int max) {
        return TextLimits.check(field, label, text, max);
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

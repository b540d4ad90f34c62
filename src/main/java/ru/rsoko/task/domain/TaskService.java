package ru.rsoko.task.domain;

import ru.rsoko.platform.web.Plurals;
import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.web.Badge;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.platform.web.Share;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ru.rsoko.platform.web.TextLimits;

/**
 * The region's tasks of a year. Everyone of the region reads them with the figures of their own part of the region;
 * regional staff keep them. Another region's task is 404.
 */
@Service
@Transactional
public class TaskService {

    static final int MAX_TEXT = 5000;

    /** A task as pages and the API read it. */
    public record Task(long id, long regionId, int year, int position, String text, @Nullable TaskMetric metric,
                       @Nullable BigDecimal target, long version) {

        static Task of(AnnualTask t) {
            return new Task(t.getId(), t.getRegionId(), t.getYear(), t.getPosition(), t.getText(), t.getMetric(),
                    t.getTarget(), t.getVersion() == null ? 0 : t.getVersion());
        }
    }

    /**
     * A task as a page shows it: its figure now, with the counts behind it (null: no data yet), against the target.
     * The status compares the exact share with the target; the percentage shown is rounded so that it never
     * contradicts the status ({@link Share#percent(BigDecimal)}).
     */
    public record TaskView(Task task, int number, @Nullable Share figure) {

        public Status status() {
            if (task.metric() == null || task.target() == null) {
                return Status.NO_TARGET;
            }
            if (!hasData()) {
                return Status.NO_DATA;
            }
            return figure.reaches(task.target()) ? Status.REACHED : Status.NOT_REACHED;
        }

        public boolean hasData() {
            return figure != null && figure.defined();
        }

        /** The figure in per cent, one decimal; null without data. */
        public @Nullable BigDecimal current() {
            return hasData() ? figure.percent(task.target()) : null;
        }

        /** «92,5 %», or «нет данных». */
        public String currentText() {
            return hasData() ? Share.percentText(current()) : "нет данных";
        }

        /** «8 из 9 процедур, срок которых наступил», or what is missing. */
        public String currentTitle() {
            return hasData() ? figure.title() : "нет записей, по которым считается показатель";
        }

        public String targetText() {
            return task.target() == null ? "" : percentText(task.target());
        }

        public Boolean reached() {
            return switch (status()) {
                case REACHED -> true;
                case NOT_REACHED -> false;
                default -> null;
            };
        }
    }

    /** A target as people write it: «100 %», «92,5 %» (a target is typed, not computed: no trailing zeros). */
    public static String percentText(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return v.toPlainString().replace('.', ',') + " %";
    }

    /** Where a task stands against its target. */
    public enum Status implements Badge {
        REACHED("достигнута", "text-bg-success"),
        NOT_REACHED("не достигнута", "text-bg-danger"),
        NO_DATA("нет данных", "text-bg-secondary"),
        NO_TARGET("без измеримой цели", "text-bg-light text-muted border");

        private final String label;
        private final String badgeClass;

        Status(String label, String badgeClass) {
            this.label = label;
            this.badgeClass = badgeClass;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String badgeClass() {
            return badgeClass;
        }
    }

    public record Form(String text, TaskMetric metric, BigDecimal target, Integer year, Long version) {
    }

    private final AnnualTaskRepository tasks;
    private final TaskMetrics metrics;
    private final DirectoryService directory;
    private final AuditHistory auditHistory;
    private final Clock clock;

    TaskService(AnnualTaskRepository tasks, TaskMetrics metrics, DirectoryService directory, AuditHistory auditHistory,
                Clock clock) {
        this.tasks = tasks;
        this.metrics = metrics;
        this.directory = directory;
        this.auditHistory = auditHistory;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * The region whose tasks the user reads: their own; a deployment administrator names one (or gets the first).
     * A region outside the user's scope is 404.
     */
    @Transactional(readOnly = true)
    public OrgUnit region(CurrentUser user, Long regionId) {
        if (user.regionId() != null) {
            if (regionId != null && !regionId.equals(user.regionId())) {
                throw NotFoundException.of("Регион", regionId);
            }
            return directory.region(user.regionId());
        }
        if (regionId != null) {
            OrgUnit region = directory.get(user.scope(), regionId);
            if (region.type() != ru.rsoko.directory.OrgUnitType.REGION) {
                throw NotFoundException.of("Регион", regionId);
            }
            return region;
        }
        return directory.regions(user.scope()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Нет ни одного региона"));
    }

    @Transactional(readOnly = true)
    public int currentYear(OrgUnit region) {
        ZoneId zone = region.zone() != null ? region.zone() : ZoneId.of("Europe/Moscow");
        return LocalDate.now(clock.withZone(zone)).getYear();
    }

    /** The year's tasks with their figures for the user's part of the region, each figure computed once. */
    @Transactional(readOnly = true)
    public List<TaskView> list(CurrentUser user, long regionId, int year) {
        List<AnnualTask> list = tasks.findByRegionIdAndYearOrderByPositionAscIdAsc(regionId, year);
        Map<TaskMetric, Share> values = metrics.compute(user, regionId, year,
                list.stream().map(AnnualTask::getMetric).filter(Objects::nonNull).distinct().toList());
        List<TaskView> views = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            AnnualTask t = list.get(i);
            views.add(new TaskView(Task.of(t), i + 1, t.getMetric() == null ? null : values.get(t.getMetric())));
        }
        return views;
    }

    /** The years the region has tasks for, newest first, with the current year always offered. */
    @Transactional(readOnly = true)
    public List<Integer> years(long regionId, int current) {
        List<Integer> years = new ArrayList<>(tasks.findByRegionIdOrderByYearDesc(regionId).stream()
                .map(AnnualTask::getYear).distinct().toList());
        if (!years.contains(current)) {
            years.add(current);
        }
        years.sort((a, b) -> b - a);
        return years;
    }

    @Transactional(readOnly = true)
    public Task get(CurrentUser user, long id) {
        return Task.of(entity(user, id));
    }

    private AnnualTask entity(CurrentUser user, long id) {
        Scope scope = user.scope();
        return tasks.findById(id).filter(t -> scope.isAll() || t.getRegionId().equals(scope.regionId()))
                .orElseThrow(() -> NotFoundException.of("Задача", id));
    }

    /** One task with its figure for the user. */
    @Transactional(readOnly = true)
    public TaskView view(CurrentUser user, long id) {
        AnnualTask task = entity(user, id);
        List<AnnualTask> siblings = tasks.findByRegionIdAndYearOrderByPositionAscIdAsc(task.getRegionId(), task.getYear());
        Share current = task.getMetric() == null ? null
                : metrics.compute(user, task.getRegionId(), task.getYear(), task.getMetric());
        return new TaskView(Task.of(task), siblings.indexOf(task) + 1, current);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, long id) {
        entity(user, id);
        return auditHistory.of(AnnualTask.class, id, HISTORY);
    }

    private static final HistoryFields<AnnualTask> HISTORY = HistoryFields.of(AnnualTask.class)
            .field("Год", AnnualTask::getYear)
            .field("Порядковый номер", AnnualTask::getPosition)
            .field("Задача", AnnualTask::getText)
            .field("Показатель", t -> t.getMetric() == null ? null : t.getMetric().label())
            .field("Цель, %", t -> t.getTarget() == null ? null : t.getTarget().stripTrailingZeros().toPlainString());

    // ---------------------------------------------------------------------------------------------- changing

    public Task create(CurrentUser user, Form form) {
        requireKeeper(user);
        int year = year(form.year());
        long regionId = user.regionId();
        List<AnnualTask> siblings = tasks.findByRegionIdAndYearOrderByPositionAscIdAsc(regionId, year);
        int position = siblings.isEmpty() ? 1 : siblings.getLast().getPosition() + 1;
        AnnualTask task = new AnnualTask(regionId, year, position, text(form.text()), form.metric(),
                target(form.metric(), form.target()));
        return Task.of(tasks.saveAndFlush(task));
    }

    public Task update(CurrentUser user, long id, Form form) {
        AnnualTask task = kept(user, id);
        ConcurrentEditException.check(form.version(), task.getVersion());
        task.setText(text(form.text()));
        task.setMetric(form.metric());
        task.setTarget(target(form.metric(), form.target()));
        tasks.flush();
        return Task.of(task);
    }

    /** Moves a task one place up or down in its year's list. */
    public void move(CurrentUser user, long id, boolean up, Long version) {
        AnnualTask task = kept(user, id);
        ConcurrentEditException.check(version, task.getVersion());
        List<AnnualTask> siblings = new ArrayList<>(
                tasks.findByRegionIdAndYearOrderByPositionAscIdAsc(task.getRegionId(), task.getYear()));
        int index = siblings.indexOf(task);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= siblings.size()) {
            return;
        }
        siblings.remove(index);
        siblings.add(other, task);
        renumber(siblings);
        tasks.flush();
    }

    public void delete(CurrentUser user, long id, Long version) {
        AnnualTask task = kept(user, id);
        ConcurrentEditException.check(version, task.getVersion());
        tasks.delete(task);
        tasks.flush();
        List<AnnualTask> rest = tasks.findByRegionIdAndYearOrderByPositionAscIdAsc(task.getRegionId(), task.getYear());
        renumber(rest);
        tasks.flush();
    }

    private static void renumber(List<AnnualTask> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getPosition() != i + 1) {
                ordered.get(i).setPosition(i + 1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- rules

    public static boolean keeps(CurrentUser user) {
        return user.is(Role.REGION);
    }

    public static void requireKeeper(CurrentUser user) {
        if (!keeps(user)) {
            throw RuleViolationException.forbidden("Задачи региона ведут сотрудники региона");
        }
    }

    private AnnualTask kept(CurrentUser user, long id) {
        AnnualTask task = entity(user, id);
        requireKeeper(user);
        return task;
    }

    private static int year(Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw RuleViolationException.field("year", "Укажите год (например, 2021)");
        }
        return year;
    }

    static String text(String text) {
        String t = text == null ? "" : text.strip().replaceAll("[ \\t]+", " ");
        if (t.isEmpty()) {
            throw RuleViolationException.field("text", "Напишите задачу");
        }
        if (t.length() > MAX_TEXT) {
            throw RuleViolationException.field("text", TextLimits.message(MAX_TEXT, "Текст задачи", t.length()));
        }
        return t;
    }

    private static BigDecimal target(TaskMetric metric, BigDecimal target) {
        if (target == null) {
            return null;
        }
        if (metric == null) {
            throw RuleViolationException.field("target", "Цель в процентах ставится на показатель: выберите показатель или очистите цель");
        }
        if (target.signum() < 0 || target.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw RuleViolationException.field("target", "Цель — процент от 0 до 100");
        }
        if (target.scale() > 2) {
            throw RuleViolationException.field("target", "Цель — не больше двух знаков после запятой");
        }
        return target;
    }
}

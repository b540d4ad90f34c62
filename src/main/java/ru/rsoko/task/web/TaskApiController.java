package ru.rsoko.task.web;

import ru.rsoko.task.domain.TaskService;
import ru.rsoko.task.domain.TaskMetric;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.platform.web.RuleViolationException;

import java.math.BigDecimal;
import java.util.List;

/** The region's tasks of a year for integrations: read by everyone of the region, kept by regional staff. */
@RestController
@Tag(name = "Задачи РСОКО")
class TaskApiController {

    record TaskJson(long id, int position, String text, TaskMetric metric, BigDecimal target, BigDecimal current,
                    Boolean reached, int year, long version) {

        static TaskJson of(TaskService.TaskView v) {
            return new TaskJson(v.task().id(), v.number(), v.task().text(), v.task().metric(), v.task().target(),
                    v.current(), v.reached(), v.task().year(), v.task().version());
        }
    }

    @Schema(description = "Задача года: формулировка, показатель и цель в процентах (цель — только с показателем)")
    record TaskRequest(String text, TaskMetric metric, BigDecimal target,
                       @Schema(description = "год; только при создании, по умолчанию — текущий год региона") Integer year,
                       @Schema(description = "версия из последнего чтения; обязательна при изменении") Long version) {
    }

    enum Direction {UP, DOWN}

    private final TaskService tasks;

    TaskApiController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/api/v1/tasks")
    @Operation(summary = "Задачи региона на год и их выполнение",
            description = "current — значение показателя задачи (%) по данным в области видимости вызывающего: регион, "
                    + "муниципалитет или школа; null — данных пока нет или у задачи нет показателя. reached — достигнута "
                    + "ли цель (null, если нет цели или данных). Без year — текущий год региона.")
    List<TaskJson> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                        @RequestParam(required = false) Long regionId) {
        OrgUnit region = tasks.region(user, regionId);
        int y = year != null ? year : tasks.currentYear(region);
        return tasks.list(user, region.id(), y).stream().map(TaskJson::of).toList();
    }

    @GetMapping("/api/v1/tasks/{id}")
    @Operation(summary = "Задача с её показателем сейчас")
    TaskJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return TaskJson.of(tasks.view(user, id));
    }

    @PostMapping("/api/v1/tasks")
    @Operation(summary = "Добавить задачу года (региональный специалист)", description = "Задача встаёт в конец списка года.")
    ResponseEntity<TaskJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody TaskRequest request) {
        TaskService.requireKeeper(user);
        Integer year = request.year() != null ? request.year() : tasks.currentYear(tasks.region(user, null));
        TaskService.Task task = tasks.create(user, new TaskService.Form(request.text(), request.metric(), request.target(),
                year, null));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(task.id()).toUri()).body(TaskJson.of(tasks.view(user, task.id())));
    }

    @PutMapping("/api/v1/tasks/{id}")
    @Operation(summary = "Изменить задачу: формулировку, показатель, цель", description = "version обязательна; устаревшая — 409.")
    TaskJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody TaskRequest request) {
        TaskService.Task task = kept(user, id);
        tasks.update(user, id, new TaskService.Form(request.text(), request.metric(), request.target(), task.year(),
                required(request.version())));
        return TaskJson.of(tasks.view(user, id));
    }

    @PostMapping("/api/v1/tasks/{id}/move")
    @Operation(summary = "Переместить задачу на место выше или ниже в списке года", description = "Устаревшая version — 409.")
    TaskJson move(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @Parameter(description = "UP (по умолчанию) или DOWN") @RequestParam(defaultValue = "UP") Direction direction,
                  @RequestParam long version) {
        kept(user, id);
        tasks.move(user, id, direction == Direction.UP, version);
        return TaskJson.of(tasks.view(user, id));
    }

    @DeleteMapping("/api/v1/tasks/{id}")
    @Operation(summary = "Удалить задачу", description = "Остальные задачи года перенумеровываются. Устаревшая version — 409.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
        kept(user, id);
        tasks.delete(user, id, version);
        return ResponseEntity.noContent().build();
    }

    /** Not found outside the region, refused to all but regional staff: before the body is judged, as on the pages. */
    private TaskService.Task kept(CurrentUser user, long id) {
        TaskService.Task task = tasks.get(user, id);
        TaskService.requireKeeper(user);
        return task;
    }

    private static Long required(Long version) {
        if (version == null) {
            throw RuleViolationException.field("version", "Укажите version — версию записи из последнего чтения");
        }
        return version;
    }
}

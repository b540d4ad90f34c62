package ru.rsoko.task.web;

import ru.rsoko.task.domain.TaskService;
import ru.rsoko.task.domain.TaskMetric;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;

import java.math.BigDecimal;
import java.util.List;

@RestController
@Tag(name = "Задачи РСОКО")
class TaskApiController {

    record TaskJson(long id, int position, String text, TaskMetric metric, BigDecimal target, BigDecimal current,
                    Boolean reached) {
    }

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
        return tasks.list(user, region.id(), y).stream()
                .map(v -> new TaskJson(v.task().id(), v.number(), v.task().text(), v.task().metric(),
                        v.task().target(), v.current(), v.reached()))
                .toList();
    }
}

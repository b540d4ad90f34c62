package ru.rsoko.dashboard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.dashboard.domain.Summaries;

import java.util.List;

@RestController
@Tag(name = "Панель показателей и профиль школы")
class SummaryApiController {

    private final Summaries summaries;

    SummaryApiController(Summaries summaries) {
        this.summaries = summaries;
    }

    @PostMapping("/api/v1/admin/summaries/rebuild")
    @Operation(summary = "Пересчитать сводные показатели из записей",
            description = "Только администратор всей системы. По каждой сводной таблице: сколько в ней строк после "
                    + "пересчёта и сколько расходилось с хранившимися (0 — расхождений не было).")
    List<Summaries.Rebuilt> rebuild(@AuthenticationPrincipal CurrentUser user) {
        return summaries.rebuild(user);
    }
}

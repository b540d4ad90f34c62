package ru.rsoko.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.calendar.domain.CalendarFeedService;

@RestController
@Tag(name = "Пользователь")
class CalendarApiController {

    private final CalendarFeedService feeds;

    CalendarApiController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/api/v1/me/calendar.ics")
    @Operation(summary = "Мой календарь (iCalendar)",
            description = "Сроки поручений своей организации (события на весь день), процедуры плана-графика региона "
                    + "на текущий и следующий год и совещания в области видимости с 90 дней назад — то же, что по "
                    + "личной ссылке подписки со страницы «Мой календарь». Не более "
                    + CalendarFeedService.MAX_EVENTS + " событий.")
    @ApiResponse(responseCode = "200", description = "Календарь в формате iCalendar (RFC 5545)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> mine(@AuthenticationPrincipal CurrentUser user) {
        return CalendarResponses.ics(feeds.ics(user));
    }
}

package ru.rsoko.meeting.correction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The corrections of imported protocols for an administrator's tools: the list, and the corpus's test cases. */
@RestController
@RequestMapping("/api/v1/admin/protocol-corrections")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Исправления протоколов", description = "Что пользователи исправили в распознанных протоколах, в пределах области администратора")
class ProtocolCorrectionApiController {

    private final ProtocolCorrections corrections;

    ProtocolCorrectionApiController(ProtocolCorrections corrections) {
        this.corrections = corrections;
    }

    record CorrectionJson(long id, Instant createdAt, @Schema(description = "день в часовом поясе региона") LocalDate date,
                          long regionId, @Nullable Long municipalityId, String author,
                          @Schema(description = "созданное мероприятие; null, если оно удалено") @Nullable Long meetingId,
                          @Nullable String meetingTitle, @Schema(description = "сколько фактов исправлено") int corrected,
                          List<FactKind> kinds, List<FactDifference> differences) {
    }

    @GetMapping
    @Operation(summary = "Исправления распознанных протоколов, новые первыми, постранично")
    PagedModel<CorrectionJson> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new RuleViolationException("Номер страницы — от 0, размер страницы — от 1 до 500");
        }
        return new PagedModel<>(corrections.find(user.scope(), PageRequest.of(page, size)).map(c -> new CorrectionJson(
                c.id(), c.createdAt(), c.day(), c.regionId(), c.municipalityId(), c.author(), c.meetingId(),
                c.meetingTitle(), c.corrected(), c.kinds(), c.differences())));
    }

    @GetMapping("/export")
    @Operation(summary = "Исправления как тестовые примеры корпуса протоколов (.zip)",
            description = "Пары NN-correction-ID.txt (текст протокола) и NN-correction-ID.facts.json (подтверждённые факты) "
                    + "в формате src/test/resources/protocols/corpus/README.md, старые первыми")
    void export(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        corrections.exportCases(user.scope(), ProtocolCorrectionController.startZip(response));
    }
}

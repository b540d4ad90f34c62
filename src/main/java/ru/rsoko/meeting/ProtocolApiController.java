package ru.rsoko.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.rsoko.meeting.protocol.ProtocolDraft;
import ru.rsoko.meeting.protocol.ProtocolFormatException;
import ru.rsoko.meeting.protocol.ProtocolParser;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.InputStream;

@RestController
@Tag(name = "Совещания и протоколы")
class ProtocolApiController {

    private final ProtocolParser parser;

    ProtocolApiController(ProtocolParser parser) {
        this.parser = parser;
    }

    @PostMapping(path = "/api/v1/protocols/parse", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Разобрать текст протокола в черновик мероприятия (ничего не сохраняет)")
    ProtocolDraft parseText(@RequestBody(required = false) String text) {
        if (text == null || text.isBlank()) {
            throw new RuleViolationException("Пустой текст: передайте текст протокола (text/plain; charset=UTF-8)");
        }
        if (text.length() > MeetingImportController.MAX_TEXT) {
            throw new RuleViolationException("Текст слишком длинный: передайте один протокол (до 500 000 знаков)");
        }
        return parser.parse(text);
    }

    @PostMapping(path = "/api/v1/protocols/parse", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Разобрать файл протокола .docx в черновик мероприятия (ничего не сохраняет)")
    ProtocolDraft parseFile(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new RuleViolationException("Файл не получен или пустой: передайте .docx в поле file");
        }
        try (InputStream in = file.getInputStream()) {
            return parser.parse(in);
        } catch (ProtocolFormatException e) {
            throw new RuleViolationException(e.getMessage());
        }
    }
}

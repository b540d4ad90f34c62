package ru.rsoko.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.rsoko.meeting.protocol.ProtocolDraft;
import ru.rsoko.meeting.protocol.ProtocolFiles;
import ru.rsoko.meeting.protocol.ProtocolFormatException;
import ru.rsoko.meeting.protocol.ProtocolParser;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

@RestController
@Tag(name = "Совещания и протоколы")
class ProtocolApiController {

    static final String SOURCES = "Черновик показывает, откуда взят каждый факт: sourceText — текст, из которого он сделан "
            + "(для файла — извлечённый из файла), decisions[].source и sources — места решения, каждого ответственного, "
            + "срока, даты и номера в этом тексте ({start, end}: sourceText.substring(start, end)), с уверенностью "
            + "разбора в каждом (HIGH или CHECK с причиной). Факт, место которого не найдено, получает null.";

    /** Twice the longest text, in bytes: Cyrillic takes two bytes a letter in UTF-8. */
    private static final int MAX_BYTES = 2 * MeetingImportController.MAX_TEXT;

    private final ProtocolParser parser;

    ProtocolApiController(ProtocolParser parser) {
        this.parser = parser;
    }

    @PostMapping(path = "/api/v1/protocols/parse", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Разобрать текст протокола в черновик мероприятия (ничего не сохраняет)", description = SOURCES)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Текст протокола",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    ProtocolDraft parseText(InputStream in, @RequestHeader(name = HttpHeaders.CONTENT_TYPE) MediaType type)
            throws IOException {
        // read no more than a protocol can take, whatever a client sends
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length == 0) {
            throw new RuleViolationException("Пустой текст: передайте текст протокола (text/plain; charset=UTF-8)");
        }
        if (body.length > MAX_BYTES) {
            throw new RuleViolationException("Текст слишком длинный: передайте один протокол (до 500 000 знаков)");
        }
        // text/plain without a charset means ISO-8859-1 to HTTP, but a Russian protocol is UTF-8 unless it says otherwise
        Charset charset = type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new RuleViolationException("Текст не в кодировке " + charset.displayName(java.util.Locale.ROOT)
                    + ": передайте его в UTF-8 или укажите кодировку (text/plain; charset=windows-1251)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new RuleViolationException("Текст содержит нулевые байты (NUL): это не текст протокола");
        }
        if (text.isBlank()) {
            throw new RuleViolationException("Пустой текст: передайте текст протокола (text/plain; charset=UTF-8)");
        }
        if (text.length() > MeetingImportController.MAX_TEXT) {
            throw new RuleViolationException("Текст слишком длинный: передайте один протокол (до 500 000 знаков)");
        }
        return found(parser.parse(text));
    }

    @PostMapping(path = "/api/v1/protocols/parse", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Разобрать файл протокола (.docx, .doc, .pdf) в черновик мероприятия (ничего не сохраняет)",
            description = "Файл в поле `file` (multipart/form-data, до 20 МБ): Word 2007+ (.docx), Word 97–2003 (.doc) "
                    + "или PDF с текстовым слоем. Формат определяется по содержимому, а не по имени. Отказ — 400 "
                    + "problem+json с причиной по-русски: скан без текста («В файле PDF нет текстового слоя…»), файл "
                    + "с паролем, повреждённый или обрезанный файл, «бомба» сжатых данных, больше 300 страниц PDF или "
                    + "500 000 знаков текста, макросы, книга Excel или презентация вместо документа, другой формат. " + SOURCES)
    ProtocolDraft parseFile(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new RuleViolationException("Файл не получен или пустой: передайте .docx, .doc или .pdf в поле file");
        }
        String text;
        try (InputStream in = file.getInputStream()) {
            text = ProtocolFiles.text(in, file.getOriginalFilename());
        } catch (ProtocolFormatException e) {
            throw new RuleViolationException(e.getMessage());
        }
        return found(parser.parse(text));
    }

    /** A text or file in which nothing of a protocol was found is refused rather than answered with an empty draft. */
    static ProtocolDraft found(ProtocolDraft draft) {
        if (draft.isEmpty()) {
            throw new RuleViolationException(NOTHING_FOUND);
        }
        return draft;
    }

    static final String NOTHING_FOUND = "Протокол не распознан: в тексте нет ни вида и названия мероприятия, ни даты, "
            + "ни повестки, ни решений. Проверьте, что выбран файл протокола.";
}

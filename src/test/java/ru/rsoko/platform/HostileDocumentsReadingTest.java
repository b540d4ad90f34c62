package ru.rsoko.platform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.rsoko.meeting.protocol.ProtocolFiles;
import ru.rsoko.meeting.protocol.ProtocolFormatException;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The hostile .pdf and .doc files read by the protocol import's reader alone (no server): each is refused with its
 * own Russian message, quickly — or, for the PDF with JavaScript and an embedded program, read as the little text it
 * has (which the parser then finds no protocol in). {@link HostileUploadsTest} sends the same files to every endpoint.
 */
class HostileDocumentsReadingTest {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("бомба.pdf", "похоже на «бомбу»"),
            Map.entry("бомба2.pdf", "похоже на «бомбу»"),
            Map.entry("бомба3.pdf", "похоже на «бомбу»"),
            Map.entry("обрезан.pdf", "Файл PDF обрезан"),
            Map.entry("пароль.pdf", "защищён паролем на открытие"),
            Map.entry("скан.pdf", "В файле PDF нет текстового слоя: похоже, это скан."),
            Map.entry("страницы.pdf", "В файле PDF 400 страниц"),
            Map.entry("count.pdf", "страниц: это не похоже на один протокол"),
            Map.entry("мусор.pdf", "Файл PDF повреждён"),
            Map.entry("вложенность.pdf", "В файле PDF нет текста"),
            Map.entry("пароль.doc", "Документ Word защищён паролем"),
            Map.entry("длинный.doc", "Документ слишком длинный"),
            Map.entry("word95.doc", "Word 6.0/95"),
            Map.entry("таблица.doc", "Это не документ Word, а книга Excel (.xls)"),
            Map.entry("макрос.doc", "Документ Word содержит макросы"),
            Map.entry("обрезан.doc", "Файл повреждён или не является документом Word (.doc)"));

    static List<HostileFiles.Hostile> files() {
        return HostileDocuments.corpus();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void refusedWithItsOwnMessage(HostileFiles.Hostile file) {
        byte[] content = file.content().get();
        long started = System.nanoTime();
        if (file.fileName().equals("скрипт.pdf")) {
            assertThat(ProtocolFiles.text(new ByteArrayInputStream(content), file.fileName()))
                    .isEqualTo("Minutes of the meeting. Nothing to decide.");
            return;
        }
        ProtocolFormatException refused = catchThrowableOfType(ProtocolFormatException.class,
                () -> ProtocolFiles.text(new ByteArrayInputStream(content), file.fileName()));
        assertThat(refused).as(file.title()).isNotNull();
        assertThat(refused.getMessage()).contains(MESSAGES.get(file.fileName()));
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(10_000);
    }
}

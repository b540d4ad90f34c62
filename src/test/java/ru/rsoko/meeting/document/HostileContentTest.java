package ru.rsoko.meeting.document;

import ru.rsoko.platform.docx.OfficialHeader;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import ru.rsoko.meeting.document.ProtocolDocumentModel.AgendaItem;
import ru.rsoko.meeting.document.ProtocolDocumentModel.Decision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.meeting.document.DocxReading.bytes;
import static ru.rsoko.meeting.document.DocxReading.lines;
import static ru.rsoko.meeting.document.DocxReading.open;

/**
 * Whatever users type or paste, the document still opens: markup characters, characters XML forbids (pasted from
 * PDFs and old Word files), endless texts and agendas.
 */
class HostileContentTest {

    private static final String MARKUP = "<b>&amp; \"кавычки\" 'апостроф' </w:t></w:r>]]> ${x} & < >";
    private static final String CONTROL = "до\u0000 31\u0001 мая\u000B2021\uFFFF года\uD800";
    private static final String LONG = longText(100_000);

    @Test
    void aProtocolWithHostileContentStillOpensAndShowsTheTextAsTyped() throws Exception {
        List<AgendaItem> agenda = IntStream.rangeClosed(1, 300)
                .mapToObj(i -> new AgendaItem(String.valueOf(i), "Вопрос " + i + " " + MARKUP,
                        List.of("Докладчик " + i + " " + MARKUP, "Содокладчик " + i), i % 50 == 0 ? LONG : null))
                .toList();
        var model = new ProtocolDocumentModel(
                new OfficialHeader(List.of(MARKUP, "😀 ЦОКО"), CONTROL, MARKUP, MARKUP),
                MARKUP, MARKUP, MARKUP, LocalDate.of(2021, 4, 16), LocalTime.of(9, 5), MARKUP, MARKUP,
                List.of(MARKUP, CONTROL, LONG), Integer.MAX_VALUE, agenda,
                List.of(new Decision("1", LONG, MARKUP, CONTROL), new Decision("2", MARKUP + "\n\n" + MARKUP, "", null)),
                MARKUP, MARKUP);

        byte[] docx = bytes(ProtocolDocx::write, model);

        DocxReading.assertEveryPartIsWellFormedXml(docx);
        XWPFDocument document = open(docx);
        List<String> lines = lines(document);
        assertThat(lines).contains("ПРОТОКОЛ № " + MARKUP.strip(), "«" + MARKUP.strip() + "»",
                "300. Вопрос 300 " + MARKUP.strip() + ".",
                "Докладчики – Докладчик 300 " + MARKUP.strip() + "; Содокладчик 300.",
                "Срок – до 31 мая\n2021 года.", "9.05");
        assertThat(lines).anyMatch(line -> line.startsWith("1. " + LONG.substring(0, 20)) && line.length() > LONG.length() - 10);
        assertThat(String.join("", lines)).doesNotContain("\u0000", "\u0001", "\uFFFF", "\uD800");
        assertThat(String.join("", lines)).contains("😀 ЦОКО");
    }

    @Test
    void aLongSubjectIsCutInTheFileTitle() {
        var model = new LetterModel(null, null, null, null, LONG, null, null, null, null, null, null, null, null);
        var document = open(bytes(LetterDocx::write, model));
        assertThat(document.getProperties().getCoreProperties().getTitle()).hasSizeLessThan(260);
        assertThat(lines(document)).contains(LONG.strip());
    }

    @Test
    void aLetterWithHostileContentStillOpensAndShowsTheTextAsTyped() throws Exception {
        List<String> appendixLines = IntStream.rangeClosed(1, 300).mapToObj(i -> i + ". " + MARKUP).toList();
        var model = new LetterModel(new OfficialHeader(List.of(LONG), MARKUP, CONTROL, MARKUP), MARKUP,
                LocalDate.of(2021, 5, 6), List.of(MARKUP, LONG, CONTROL), LONG, MARKUP,
                List.of(MARKUP, LONG, CONTROL), IntStream.range(0, 300).mapToObj(i -> "- " + MARKUP).toList(),
                MARKUP, LONG, MARKUP, CONTROL, new LetterModel.Appendix(MARKUP, LONG, appendixLines));

        byte[] docx = bytes(LetterDocx::write, model);

        DocxReading.assertEveryPartIsWellFormedXml(docx);
        List<String> lines = lines(open(docx));
        assertThat(lines).contains("06.05.2021 № " + MARKUP.strip(), "300. " + MARKUP.strip(),
                "- " + MARKUP.strip() + ";", "- " + MARKUP.strip() + ".", "Приложение: " + MARKUP.strip());
        assertThat(String.join("", lines)).doesNotContain("\u0000", "\u0001", "\uFFFF", "\uD800");
    }

    /**
     * A long text of varied sentences, as a pasted report would be. (One sentence repeated thousands of times
     * compresses so well that POI's zip-bomb guard refuses the file, although Word opens it.)
     */
    private static String longText(int length) {
        String[] words = {"обеспечить", "объективность", "проведения", "оценочных", "процедур", "в", "ОО",
                "муниципального", "района", "по", "итогам", "ВПР", "2021", "года", "и", "анализа", "результатов"};
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(random.nextInt(1000)).append(' ');
            for (int i = 0; i < 12; i++) {
                text.append(words[random.nextInt(words.length)]).append(i == 11 ? ". " : " ");
            }
        }
        return text.toString();
    }
}

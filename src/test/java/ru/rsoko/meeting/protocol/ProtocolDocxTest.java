package ru.rsoko.meeting.protocol;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.protocol.ProtocolDraft.Decision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static ru.rsoko.meeting.protocol.ProtocolSamples.bytes;
import static ru.rsoko.meeting.protocol.ProtocolSamples.docxWithTypedNumbers;
import static ru.rsoko.meeting.protocol.ProtocolSamples.stream;

/** What only an uploaded Word document has: automatic numbering, tables, and files that are no .docx at all. */
class ProtocolDocxTest {

    private final ProtocolParser parser = new ProtocolParser();

    @Test
    void automaticNumbersAreCountedAsWordShowsThem() {
        XWPFDocument document = new XWPFDocument();
        XWPFNumbering numbering = document.createNumbering();
        BigInteger decimal = numbering.addAbstractNum(new XWPFAbstractNum(definition(1,
                level(0, STNumberFormat.DECIMAL, "%1.", 1), level(1, STNumberFormat.DECIMAL, "%1.%2.", 1)), numbering));
        BigInteger letters = numbering.addAbstractNum(new XWPFAbstractNum(definition(2,
                level(0, STNumberFormat.RUSSIAN_LOWER, "%1)", 1)), numbering));
        BigInteger bullets = numbering.addAbstractNum(new XWPFAbstractNum(definition(3,
                level(0, STNumberFormat.BULLET, "\uF0B7", 1)), numbering));
        BigInteger fromFive = numbering.addAbstractNum(new XWPFAbstractNum(definition(4,
                level(0, STNumberFormat.UPPER_ROMAN, "%1.", 5)), numbering));
        BigInteger list = numbering.addNum(decimal);
        BigInteger points = numbering.addNum(letters);
        BigInteger marks = numbering.addNum(bullets);
        BigInteger roman = numbering.addNum(fromFive);

        item(document, list, 0, "первый");
        item(document, list, 0, "второй");
        item(document, list, 1, "подпункт");
        item(document, list, 1, "ещё подпункт");
        item(document, points, 0, "буква");
        item(document, points, 0, "вторая буква");
        item(document, list, 0, "третий: список продолжается после другого");
        item(document, list, 1, "подпункт начинается заново");
        item(document, marks, 0, "маркер");
        item(document, roman, 0, "с пятого");
        document.createParagraph().createRun().setText("без номера");

        assertThat(DocxText.read(stream(bytes(document))).split("\n")).containsExactly(
                "1. первый", "2. второй", "2.1. подпункт", "2.2. ещё подпункт", "а) буква", "б) вторая буква",
                "3. третий: список продолжается после другого", "3.1. подпункт начинается заново", "- маркер",
                "V. с пятого", "без номера");
    }

    @Test
    void aDecisionsTableIsReadAsDecisions() {
        XWPFDocument document = new XWPFDocument();
        document.createParagraph().createRun().setText("ПРОТОКОЛ");
        document.createParagraph().createRun().setText("совещания руководителей МОУО");
        document.createParagraph().createRun().setText("01.06.2021");
        document.createParagraph().createRun().setText("РЕШИЛИ:");
        XWPFNumbering numbering = document.createNumbering();
        BigInteger rows = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(
                definition(1, level(0, STNumberFormat.DECIMAL, "%1.", 1)), numbering)));
        XWPFTable table = document.createTable(3, 4);
        fill(table.getRow(0).getCell(0), "№ п/п");
        fill(table.getRow(0).getCell(1), "Содержание решения");
        fill(table.getRow(0).getCell(2), "Ответственные");
        fill(table.getRow(0).getCell(3), "Срок исполнения");
        numbered(table.getRow(1).getCell(0), rows);
        fill(table.getRow(1).getCell(1), "Провести анализ результатов ВПР.");
        fill(table.getRow(1).getCell(2), "ТОИПКРО", "руководители МОУО");
        fill(table.getRow(1).getCell(3), "до 01.09.2021");
        numbered(table.getRow(2).getCell(0), rows);
        fill(table.getRow(2).getCell(1), "Обеспечивать объективность ВПР.");
        fill(table.getRow(2).getCell(2), "руководители ОО");
        fill(table.getRow(2).getCell(3), "постоянно");

        ProtocolDraft draft = parser.parse(stream(bytes(document)));

        assertThat(draft.title()).isEqualTo("совещания руководителей МОУО");
        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible,
                d -> d.deadline().kind()).containsExactly(
                tuple("1", "Провести анализ результатов ВПР.", List.of("ТОИПКРО", "руководители МОУО"), DeadlineKind.BY_DATE),
                tuple("2", "Обеспечивать объективность ВПР.", List.of("руководители ОО"), DeadlineKind.ONGOING));
        assertThat(draft.decisions().get(0).deadline().dueDate()).isEqualTo(LocalDate.of(2021, 9, 1));
    }

    @Test
    void aLetterheadTableIsTheLettersText() {
        XWPFDocument document = new XWPFDocument();
        XWPFTable letterhead = document.createTable(1, 2);
        fill(letterhead.getRow(0).getCell(0), "ДЕПАРТАМЕНТ", "ОБЩЕГО ОБРАЗОВАНИЯ");
        fill(letterhead.getRow(0).getCell(1), "Руководителям МОУО");
        document.createParagraph().createRun().setText("ПРОТОКОЛ");
        document.createParagraph().createRun().setText("совещания");
        document.createParagraph().createRun().setText("ПОВЕСТКА:");
        document.createParagraph().createRun().setText("1. О ВПР.");

        ProtocolDraft draft = parser.parse(stream(bytes(document)));

        assertThat(draft.unplaced()).containsExactly("ДЕПАРТАМЕНТ", "ОБЩЕГО ОБРАЗОВАНИЯ", "Руководителям МОУО");
        assertThat(draft.kind()).isEqualTo("совещания");
        assertThat(draft.agenda()).hasSize(1);
    }

    @Test
    void emptyFile() {
        assertRejected(new byte[0], "пустой");
    }

    @Test
    void noFileAtAll() {
        assertThatThrownBy(() -> parser.parse((InputStream) null)).isInstanceOf(ProtocolFormatException.class)
                .hasMessageContaining("не передан");
    }

    @Test
    void oldWordDocument() {
        // an OLE2 signature is read as Word 97–2003 now (ProtocolFiles, DocText): these 4 KB are a damaged one
        byte[] doc = Arrays.copyOf(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 4096);
        assertRejected(doc, "документом Word (.doc)");
    }

    @Test
    void pdf() {
        assertRejected("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "PDF");
    }

    @Test
    void rtf() {
        assertRejected("{\\rtf1\\ansi ПРОТОКОЛ}".getBytes(StandardCharsets.UTF_8), "RTF");
    }

    @Test
    void plainText() {
        assertRejected("ПРОТОКОЛ\nсовещания".getBytes(StandardCharsets.UTF_8), "не является документом Word");
    }

    @Test
    void cutDuringUpload() {
        byte[] whole = docxWithTypedNumbers(ProtocolSamples.text(ProtocolSamples.SEED_002));
        assertRejected(Arrays.copyOf(whole, whole.length / 2), "повреждён");
    }

    @Test
    void aZipThatIsNoDocument() {
        assertRejected(zip("notes.txt", "ПРОТОКОЛ".getBytes(StandardCharsets.UTF_8)), "повреждён");
    }

    @Test
    void anExcelWorkbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Лист1").createRow(0).createCell(0).setCellValue("ПРОТОКОЛ");
            workbook.write(out);
            assertRejected(out.toByteArray(), "книга Excel, а не документ Word");
        }
    }

    @Test
    void aZipBomb() throws IOException {
        byte[] docx = docxWithTypedNumbers("ПРОТОКОЛ\nсовещания");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(in.readAllBytes());
            }
            zip.putNextEntry(new ZipEntry("word/media/padding.xml"));
            zip.write(new byte[20 * 1024 * 1024]);
        }
        // refused from the zip's directory (20 MB packed into a few KB) before POI inflates anything
        assertRejected(out.toByteArray(), "zip-бомбу");
    }

    @Test
    void aDocumentWithoutText() {
        XWPFDocument document = new XWPFDocument();
        document.createParagraph();
        assertRejected(bytes(document), "нет текста");
    }

    private void assertRejected(byte[] file, String messagePart) {
        assertThatThrownBy(() -> parser.parse(stream(file)))
                .isInstanceOf(ProtocolFormatException.class)
                .hasMessageContaining(messagePart)
                .message().matches("(?s)[^a-zA-Z]*\\p{IsCyrillic}.*");
    }

    private static CTAbstractNum definition(int id, CTLvl... levels) {
        CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
        definition.setAbstractNumId(BigInteger.valueOf(id));
        definition.setLvlArray(levels);
        return definition;
    }

    private static CTLvl level(int level, STNumberFormat.Enum format, String text, int start) {
        CTLvl lvl = CTLvl.Factory.newInstance();
        lvl.setIlvl(BigInteger.valueOf(level));
        lvl.addNewStart().setVal(BigInteger.valueOf(start));
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(text);
        return lvl;
    }

    private static void item(XWPFDocument document, BigInteger numId, int level, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setNumID(numId);
        paragraph.setNumILvl(BigInteger.valueOf(level));
        paragraph.createRun().setText(text);
    }

    private static void fill(XWPFTableCell cell, String... paragraphs) {
        cell.getParagraphs().get(0).createRun().setText(paragraphs[0]);
        for (String p : Arrays.copyOfRange(paragraphs, 1, paragraphs.length)) {
            cell.addParagraph().createRun().setText(p);
        }
    }

    private static void numbered(XWPFTableCell cell, BigInteger numId) {
        cell.getParagraphs().get(0).setNumID(numId);
        cell.getParagraphs().get(0).setNumILvl(BigInteger.ZERO);
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}

package ru.rsoko.meeting.protocol;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the protocol files of src/test/resources/protocols/files (see the README there): the PDFs drawn with
 * PDFBox and the DejaVu font, and the Word-numbered .docx of seed 002 that LibreOffice turns into the .doc and the
 * .pdf. Run by make.sh in that folder; the tests read the committed files, so that CI needs neither fonts nor
 * LibreOffice.
 */
public final class ProtocolFileFixtures {

    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static final String BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    private static final float MARGIN = 56;
    private static final float SIZE = 12;
    private static final float LEADING = 15;
    private static final Pattern ITEM = Pattern.compile("^([1-9]\\d?)\\.\\s+(.*)$");

    private ProtocolFileFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/protocols/files");
        Path work = Path.of(args.length > 1 ? args[1] : "target/protocol-files");
        Files.createDirectories(out);
        Files.createDirectories(work);
        Files.write(work.resolve("seed-002.docx"), listsAsWordStartsThem(ProtocolSamples.text(ProtocolSamples.SEED_002)));
        Files.write(work.resolve("decisions-table.docx"), decisionsTable());
        Files.write(out.resolve("district-multipage.pdf"), multiPage(ProtocolSamples.text("district-per-item.txt")));
        Files.write(out.resolve("scan.pdf"), scan());
        byte[] small = multiPage(ProtocolSamples.text("deadline-at-line-end.txt"));
        Files.write(out.resolve("encrypted-password.pdf"), encrypted(small, "protocol"));
        Files.write(out.resolve("encrypted-owner-only.pdf"), encrypted(small, ""));
    }

    /**
     * The text as a .docx whose «1.» lines are items of Word's automatic numbering, each list that starts from 1 a list
     * of its own (a list definition and an instance, as Word makes a new list). ProtocolSamples' restart by a start
     * override is not used here: LibreOffice saves it to .doc as a list restarting at every item after the first.
     */
    static byte[] listsAsWordStartsThem(String text) {
        XWPFDocument document = new XWPFDocument();
        XWPFNumbering numbering = document.createNumbering();
        BigInteger numId = null;
        int lists = 0;
        for (String line : text.split("\\R", -1)) {
            XWPFParagraph paragraph = document.createParagraph();
            Matcher item = ITEM.matcher(line);
            String content = line;
            if (item.matches()) {
                if (numId == null || item.group(1).equals("1")) {
                    CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
                    definition.setAbstractNumId(BigInteger.valueOf(++lists));
                    CTLvl level = definition.addNewLvl();
                    level.setIlvl(BigInteger.ZERO);
                    level.addNewStart().setVal(BigInteger.ONE);
                    level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
                    level.addNewLvlText().setVal("%1.");
                    numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(definition, numbering)));
                }
                paragraph.setNumID(numId);
                paragraph.setNumILvl(BigInteger.ZERO);
                content = item.group(2);
            }
            paragraph.createRun().setText(content);
        }
        return ProtocolSamples.bytes(document);
    }

    /** A protocol whose decisions are a table (№, decision, responsible, deadline), as many municipal ones are. */
    static byte[] decisionsTable() {
        XWPFDocument document = new XWPFDocument();
        for (String line : new String[]{"ПРОТОКОЛ № 3", "совещания руководителей общеобразовательных организаций",
                "от 14.02.2023", "Председатель – Соколова Н.В., начальник отдела образования", "РЕШИЛИ:"}) {
            document.createParagraph().createRun().setText(line);
        }
        String[][] rows = {
                {"№", "Решение", "Ответственный", "Срок"},
                {"1", "Провести пробные ВПР в 4-х классах", "руководители ОО", "до 10.03.2023"},
                {"2", "Направить графики консультаций в отдел образования", "заместители директоров по УВР", "до 01.03.2023"},
                {"3", "Обеспечить объективность проведения ВПР", "руководители ОО", "постоянно"}};
        var table = document.createTable(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                table.getRow(r).getCell(c).setText(rows[r][c]);
            }
        }
        document.createParagraph().createRun().setText("Председатель Н.В. Соколова");
        return ProtocolSamples.bytes(document);
    }

    /**
     * The text on A4 pages: a line with a run of spaces as two columns (left, and right-aligned), other lines
     * wrapped at the margin with a ragged right edge, a paragraph kept on one page, a running head from the second
     * page on and «Страница N из M» at the foot of each, and an approval block of two columns on top.
     */
    static byte[] multiPage(String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont font = PDType0Font.load(document, new File(FONT));
            PDFont bold = PDType0Font.load(document, new File(BOLD));
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<List<String[]>> pages = new ArrayList<>();
            List<String[]> page = new ArrayList<>();
            page.add(new String[]{"СОГЛАСОВАНО", "УТВЕРЖДАЮ"});
            page.add(new String[]{"Председатель профкома", "Начальник Управления образования"});
            page.add(new String[]{"", ""});
            float room = PDRectangle.A4.getHeight() - 2 * MARGIN - 2 * LEADING;
            float used = 3 * LEADING;
            for (String paragraph : text.split("\\R", -1)) {
                List<String[]> block = new ArrayList<>();
                String[] columns = paragraph.strip().split(" {3,}");
                if (columns.length == 2) {
                    block.add(new String[]{columns[0], columns[1]});
                } else if (paragraph.isBlank()) {
                    block.add(new String[]{"", ""});
                } else {
                    for (String line : wrap(paragraph.strip(), font, width)) {
                        block.add(new String[]{line, null});
                    }
                }
                if (used + block.size() * LEADING > room) {
                    pages.add(page);
                    page = new ArrayList<>();
                    used = 0;
                }
                page.addAll(block);
                used += block.size() * LEADING;
            }
            pages.add(page);
            for (int n = 0; n < pages.size(); n++) {
                PDPage pdfPage = new PDPage(PDRectangle.A4);
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    float top = PDRectangle.A4.getHeight() - MARGIN;
                    if (n > 0) {
                        show(content, font, 9, MARGIN, top + 20, "Протокол совещания — продолжение");
                    }
                    float y = top;
                    for (String[] line : pages.get(n)) {
                        PDFont face = line[0].startsWith("ПРОТОКОЛ") || line[0].startsWith("РЕШИЛИ") ? bold : font;
                        show(content, face, SIZE, MARGIN, y, line[0]);
                        if (line[1] != null && !line[1].isEmpty()) {
                            float right = MARGIN + width - font.getStringWidth(line[1]) / 1000 * SIZE;
                            show(content, font, SIZE, right, y, line[1]);
                        }
                        y -= LEADING;
                    }
                    String number = "Страница " + (n + 1) + " из " + pages.size();
                    show(content, font, 9, (PDRectangle.A4.getWidth() - font.getStringWidth(number) / 1000 * 9) / 2,
                            MARGIN - 24, number);
                }
            }
            return bytes(document);
        }
    }

    private static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static List<String> wrap(String paragraph, PDFont font, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * SIZE > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** A page scanned to a picture: a grey JPEG of a protocol's first lines, no text layer. */
    static byte[] scan() throws IOException {
        BufferedImage image = new BufferedImage(620, 877, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(245, 245, 245));
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.DARK_GRAY);
            g.setFont(Font.createFont(Font.TRUETYPE_FONT, new File(FONT)).deriveFont(14f));
            String[] lines = {"ПРОТОКОЛ № 7", "совещания руководителей ОО", "12.10.2022", "", "РЕШИЛИ:",
                    "1. Принять информацию к сведению.", "2. Провести ВПР в установленные сроки.", "Срок: до 20.10.2022"};
            int y = 80;
            for (String line : lines) {
                g.drawString(line, 60, y);
                y += 24;
            }
        } catch (java.awt.FontFormatException e) {
            throw new IOException(e);
        } finally {
            g.dispose();
        }
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject picture = JPEGFactory.createFromImage(document, image, 0.6f);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(picture, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            return bytes(document);
        }
    }

    /** The PDF encrypted (AES-128) with the user password given: "" opens without one, the owner's restrictions kept. */
    static byte[] encrypted(byte[] pdf, String userPassword) throws IOException {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return bytes(document);
        }
    }

    private static byte[] bytes(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}

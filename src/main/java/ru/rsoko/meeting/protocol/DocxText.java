package ru.rsoko.meeting.protocol;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;

import ru.rsoko.platform.file.FileInspection;
import ru.rsoko.platform.file.PoiLimits;
import ru.rsoko.platform.file.RefusedFileException;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text of an uploaded .docx as a protocol pasted from Word would read, one paragraph a line. Word keeps the
 * numbers of an automatic list («1.», «1.1.») out of the paragraph's text, so they are counted here from the
 * paragraphs' numbering (numId, ilvl) and the list definitions, as Word shows them. Tables give their cells'
 * text (see {@link TableLines}). Page headers, footers and text boxes are not read.
 *
 * <p>Anything that is not a readable .docx ends in a {@link ProtocolFormatException} with a message for the user.
 */
final class DocxText {

    /** Far above any protocol, even with scanned pictures in it; an upload limit of its own. */
    static final int MAX_BYTES = 50 * 1024 * 1024;

    /** A protocol is some pages; the text field takes 500 000 characters, a document no more. */
    static final int MAX_TEXT = 500_000;
    static final int MAX_PARAGRAPHS = 20_000;
    static final String TOO_LONG = "Документ слишком длинный для одного протокола (до 20 000 абзацев и "
            + "500 000 знаков): загрузите один протокол.";

    static {
        PoiLimits.apply();
    }

    private static final String DAMAGED =
            "Файл повреждён или не является документом Word (.docx). Откройте его в Word и сохраните как «Документ Word (*.docx)».";

    private final XWPFDocument document;
    private final ListCounters counters;

    private DocxText(XWPFDocument document) {
        this.document = document;
        this.counters = new ListCounters(document.getNumbering());
    }

    static String read(InputStream input) {
        return read(readLimited(input));
    }

    static String read(byte[] bytes) {
        checkSignature(bytes);
        checkWholeZip(bytes);
        inspect(bytes);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> lines = new DocxText(document).lines(document.getBodyElements());
            String text = String.join("\n", lines);
            if (lines.size() > MAX_PARAGRAPHS || text.length() > MAX_TEXT) {
                throw new ProtocolFormatException(TOO_LONG);
            }
            if (text.isBlank()) {
                throw new ProtocolFormatException(
                        "В документе нет текста. Если это отсканированные страницы, вставьте текст протокола вручную.");
            }
            return text;
        } catch (ProtocolFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports a wrong part, a zip bomb or broken XML with runtime exceptions of its own
            throw new ProtocolFormatException(DAMAGED, e);
        }
    }

    private List<String> lines(List<IBodyElement> elements) {
        List<String> lines = new ArrayList<>();
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                lines.add(paragraph(paragraph));
            } else if (element instanceof XWPFTable table) {
                lines.addAll(table(table));
            } else if (element instanceof XWPFSDT sdt) {
                lines.add(sdt.getContent().getText());
            }
        }
        return lines;
    }

    private String paragraph(XWPFParagraph paragraph) {
        String text = paragraph.getText();
        String label = counters.next(numPr(paragraph));
        return label.isEmpty() ? text : label + " " + text;
    }

    private List<String> table(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(String.join("\n", lines(cell.getBodyElements())));
            }
            rows.add(cells);
        }
        return TableLines.of(rows);
    }

    /** The paragraph's list membership: its own, or its style's (a «Heading 1» numbered by the style). */
    private CTNumPr numPr(XWPFParagraph paragraph) {
        if (paragraph.getCTP().getPPr() != null && paragraph.getCTP().getPPr().getNumPr() != null) {
            return paragraph.getCTP().getPPr().getNumPr();
        }
        XWPFStyles styles = document.getStyles();
        String styleId = paragraph.getStyleID();
        Set<String> seen = new HashSet<>();
        while (styles != null && styleId != null && seen.add(styleId)) {
            XWPFStyle style = styles.getStyle(styleId);
            if (style == null) {
                return null;
            }
            CTStyle ct = style.getCTStyle();
            CTPPrGeneral pPr = ct.getPPr();
            if (pPr != null && pPr.getNumPr() != null) {
                return pPr.getNumPr();
            }
            styleId = ct.getBasedOn() == null ? null : ct.getBasedOn().getVal();
        }
        return null;
    }

    /**
     * Counts list items as Word does: per list definition (lists sharing one continue each other unless one
     * restarts with a start override), a level's counter restarting when a higher level advances.
     */
    private static final class ListCounters {

        private static final int LEVELS = 9;

        private final XWPFNumbering numbering;
        private final Map<BigInteger, int[]> countersByAbstract = new HashMap<>();
        private final Set<BigInteger> numsStarted = new HashSet<>();

        ListCounters(XWPFNumbering numbering) {
            this.numbering = numbering;
        }

        /** The label of the paragraph's item («2.», «1.3.», «-» for a bullet), or "" outside a list. */
        String next(CTNumPr numPr) {
            if (numbering == null || numPr == null || numPr.getNumId() == null) {
                return "";
            }
            BigInteger numId = numPr.getNumId().getVal();
            int level = numPr.getIlvl() == null ? 0 : numPr.getIlvl().getVal().intValue();
            if (numId == null || BigInteger.ZERO.equals(numId) || level < 0 || level >= LEVELS) {
                return "";
            }
            XWPFNum num = numbering.getNum(numId);
            BigInteger abstractId = numbering.getAbstractNumID(numId);
            XWPFAbstractNum abstractNum = abstractId == null ? null : numbering.getAbstractNum(abstractId);
            if (num == null || abstractNum == null) {
                return "";
            }
            CTLvl[] levels = levels(abstractNum.getCTAbstractNum(), num);
            int[] counters = countersByAbstract.computeIfAbsent(abstractId, id -> unset());
            if (numsStarted.add(numId)) {
                restartOverridden(num, counters, levels);
            }
            counters[level] = counters[level] == Integer.MIN_VALUE ? start(levels[level]) : counters[level] + 1;
            for (int deeper = level + 1; deeper < LEVELS; deeper++) {
                counters[deeper] = Integer.MIN_VALUE;
            }
            return label(levels, counters, level);
        }

        private static int[] unset() {
            int[] counters = new int[LEVELS];
            Arrays.fill(counters, Integer.MIN_VALUE);
            return counters;
        }

        /** The definition's levels, with those a list instance overrides in full. */
        private static CTLvl[] levels(CTAbstractNum abstractNum, XWPFNum num) {
            CTLvl[] levels = new CTLvl[LEVELS];
            for (CTLvl lvl : abstractNum.getLvlArray()) {
                int i = lvl.getIlvl() == null ? 0 : lvl.getIlvl().intValue();
                if (i >= 0 && i < LEVELS) {
                    levels[i] = lvl;
                }
            }
            for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
                int i = override.getIlvl() == null ? 0 : override.getIlvl().intValue();
                if (i >= 0 && i < LEVELS && override.getLvl() != null) {
                    levels[i] = override.getLvl();
                }
            }
            return levels;
        }

        /** «Начать заново» in Word: a new list instance with a start override restarts the shared counters. */
        private static void restartOverridden(XWPFNum num, int[] counters, CTLvl[] levels) {
            for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
                int i = override.getIlvl() == null ? 0 : override.getIlvl().intValue();
                if (i >= 0 && i < LEVELS && override.getStartOverride() != null) {
                    for (int level = i; level < LEVELS; level++) {
                        counters[level] = Integer.MIN_VALUE;
                    }
                    if (levels[i] != null) {
                        // the next item of this level shows the override's value
                        counters[i] = override.getStartOverride().getVal().intValue() - 1;
                    }
                }
            }
        }

        private static int start(CTLvl lvl) {
            return lvl == null || lvl.getStart() == null ? 1 : lvl.getStart().getVal().intValue();
        }

        private static String label(CTLvl[] levels, int[] counters, int level) {
            CTLvl lvl = levels[level];
            String format = format(lvl);
            if (format.equals("bullet")) {
                return "-";
            }
            if (format.equals("none")) {
                return "";
            }
            String text = lvl != null && lvl.getLvlText() != null && lvl.getLvlText().getVal() != null
                    ? lvl.getLvlText().getVal() : defaultText(level);
            boolean legal = lvl != null && lvl.isSetIsLgl();
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) >= '1' && text.charAt(i + 1) <= '9') {
                    int shown = text.charAt(i + 1) - '1';
                    int value = counters[shown] == Integer.MIN_VALUE ? start(levels[shown]) : counters[shown];
                    label.append(legal ? String.valueOf(value) : formatted(value, format(levels[shown])));
                    i++;
                } else {
                    label.append(c);
                }
            }
            return label.toString().strip();
        }

        /** «%1.%2.» for the second level: the hierarchical numbering a protocol's «1.1.» expects. */
        private static String defaultText(int level) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i <= level; i++) {
                text.append('%').append(i + 1).append('.');
            }
            return text.toString();
        }

        private static String format(CTLvl lvl) {
            return lvl == null || lvl.getNumFmt() == null || lvl.getNumFmt().getVal() == null
                    ? "decimal" : lvl.getNumFmt().getVal().toString();
        }

        private static String formatted(int value, String format) {
            return switch (format) {
                case "lowerLetter" -> letters(value, "abcdefghijklmnopqrstuvwxyz");
                case "upperLetter" -> letters(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
                case "russianLower" -> letters(value, "абвгдежзиклмнопрстуфхцчшщэюя");
                case "russianUpper" -> letters(value, "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ");
                case "lowerRoman" -> roman(value).toLowerCase(Locale.ROOT);
                case "upperRoman" -> roman(value);
                case "decimalZero" -> value < 10 && value >= 0 ? "0" + value : String.valueOf(value);
                default -> String.valueOf(value);
            };
        }

        /** a … z, aa … zz, as Word continues letters. */
        private static String letters(int value, String alphabet) {
            if (value < 1) {
                return String.valueOf(value);
            }
            int n = alphabet.length();
            char letter = alphabet.charAt((value - 1) % n);
            return String.valueOf(letter).repeat((value - 1) / n + 1);
        }

        private static String roman(int value) {
            if (value < 1 || value > 3999) {
                return String.valueOf(value);
            }
            int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
            String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
            StringBuilder s = new StringBuilder();
            int rest = value;
            for (int i = 0; i < values.length; i++) {
                while (rest >= values[i]) {
                    s.append(symbols[i]);
                    rest -= values[i];
                }
            }
            return s.toString();
        }
    }

    static byte[] readLimited(InputStream input) {
        if (input == null) {
            throw new ProtocolFormatException("Файл не передан: выберите файл протокола (.docx, .doc или .pdf).");
        }
        try {
            byte[] bytes = input.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProtocolFormatException("Файл больше " + MAX_BYTES / (1024 * 1024)
                        + " МБ: это не похоже на протокол. Сохраните протокол без вложенных картинок или вставьте его текст.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ProtocolFormatException("Файл не удалось прочитать.", e);
        }
    }

    private static void checkSignature(byte[] head) {
        if (head.length == 0) {
            throw new ProtocolFormatException("Файл пустой (0 байт): выберите документ Word (.docx) с протоколом.");
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
            throw new ProtocolFormatException(
                    "Файл в старом формате Word 97–2003 (.doc) или защищён паролем. Откройте его в Word и сохраните как «Документ Word (*.docx)» без пароля.");
        }
        if (head.length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            throw new ProtocolFormatException(
                    "Файл — документ PDF, а не Word (.docx). Загрузите протокол в формате .docx или вставьте его текст.");
        }
        if (head.length >= 5 && head[0] == '{' && head[1] == '\\' && head[2] == 'r' && head[3] == 't' && head[4] == 'f') {
            throw new ProtocolFormatException(
                    "Файл в формате RTF, а не Word (.docx). Откройте его в Word и сохраните как «Документ Word (*.docx)».");
        }
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K') {
            throw new ProtocolFormatException(
                    "Файл не является документом Word (.docx). Загрузите протокол в формате .docx или вставьте его текст.");
        }
    }

    /**
     * A cut upload has no end-of-central-directory record. POI would still read the entries it finds, so half a
     * protocol would load as if it were whole; Word calls such a file damaged, and so do we.
     */
    /**
     * Macros (.docm), a DTD in any part (XXE, billion laughs), paths leaving the archive, a zip bomb, or a workbook
     * named .docx: refused before POI reads the file.
     */
    private static void inspect(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("rsoko-protocol-", ".docx");
            Files.write(file, bytes);
            FileInspection.office(file, FileInspection.Office.DOCUMENT);
            countParagraphs(file);
        } catch (RefusedFileException e) {
            throw new ProtocolFormatException(e.getMessage());
        } catch (ProtocolFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ProtocolFormatException(DAMAGED, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up anyway
                }
            }
        }
    }

    /**
     * Counts the paragraphs of word/document.xml as its bytes stream by, before POI builds the whole document: a
     * document of 100,000 paragraphs would take POI tens of seconds and much memory only to be refused as too long.
     */
    private static void countParagraphs(Path file) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry("word/document.xml");
            if (entry == null) {
                return;
            }
            try (InputStream in = new java.io.BufferedInputStream(zip.getInputStream(entry))) {
                // «<w:p>» or «<w:p » (not <w:pPr>, <w:pStyle>): the bytes after «<w:p»
                int matched = 0;
                int paragraphs = 0;
                byte[] open = {'<', 'w', ':', 'p'};
                for (int b; (b = in.read()) >= 0; ) {
                    if (matched == open.length) {
                        if (b == '>' || b == ' ' || b == '/') {
                            if (++paragraphs > MAX_PARAGRAPHS) {
                                throw new ProtocolFormatException(TOO_LONG);
                            }
                        }
                        matched = 0;
                    }
                    matched = b == open[matched] ? matched + 1 : (b == '<' ? 1 : 0);
                }
            }
        }
    }

    private static void checkWholeZip(byte[] bytes) {
        int last = bytes.length - 22;
        int first = Math.max(0, last - 65_535);
        for (int i = last; i >= first; i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) {
                return;
            }
        }
        throw new ProtocolFormatException(DAMAGED);
    }
}

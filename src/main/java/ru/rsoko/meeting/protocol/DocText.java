package ru.rsoko.meeting.protocol;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.converter.NumberFormatter;
import org.apache.poi.hwpf.usermodel.HWPFList;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import ru.rsoko.platform.file.FileInspection;
import ru.rsoko.platform.file.PoiLimits;
import ru.rsoko.platform.file.RefusedFileException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of a legacy Word 97–2003 document (.doc), read with POI's HWPF as {@link DocxText} reads a .docx: one
 * paragraph a line, the numbers of automatic lists («1.», «1.1.», «а)») put back in front of their paragraphs as Word
 * shows them (HWPF keeps them out of the text), tables as their cells' lines ({@link TableLines}), field codes
 * dropped and their results kept. Headers, footers and footnotes are not read.
 *
 * <p>The file passes {@link FileInspection#wordBinary} first (encrypted, macros, an .xls or .ppt named .doc, Word
 * 6/95, a damaged header, a declared text longer than a protocol's).
 */
final class DocText {

    static final String DAMAGED = "Файл повреждён или не является документом Word (.doc). Откройте его в Word и "
            + "сохраните как «Документ Word (*.docx)».";

    static {
        PoiLimits.apply();
    }

    private static final int LEVELS = 9;
    /** Word's number format (nfc) of a bulleted level. */
    private static final int BULLET = 23;

    private final Map<Integer, int[]> countersByList = new HashMap<>();
    private final Set<Integer> instancesStarted = new HashSet<>();

    private DocText() {
    }

    static String read(byte[] bytes) {
        try {
            int declared = FileInspection.wordBinary(bytes);
            if (declared > DocxText.MAX_TEXT) {
                throw new ProtocolFormatException(DocxText.TOO_LONG);
            }
        } catch (RefusedFileException e) {
            throw new ProtocolFormatException(e.getMessage());
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes));
             HWPFDocument document = new HWPFDocument(fs)) {
            Range range = document.getRange();
            if (range.numParagraphs() > DocxText.MAX_PARAGRAPHS) {
                throw new ProtocolFormatException(DocxText.TOO_LONG);
            }
            String text = String.join("\n", new DocText().lines(range));
            if (text.isBlank()) {
                throw new ProtocolFormatException(
                        "В документе нет текста. Если это отсканированные страницы, вставьте текст протокола вручную.");
            }
            return text;
        } catch (ProtocolFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // HWPF reports broken tables of pieces, styles or lists with runtime exceptions of its own
            throw new ProtocolFormatException(DAMAGED, e);
        }
    }

    private List<String> lines(Range range) {
        List<String> lines = new ArrayList<>();
        int count = range.numParagraphs();
        for (int i = 0; i < count; i++) {
            Paragraph paragraph = range.getParagraph(i);
            if (paragraph.isInTable()) {
                Table table = tableOf(range, paragraph);
                if (table != null) {
                    lines.addAll(table(table));
                    i = lastParagraphOf(range, table, i);
                    continue;
                }
            }
            lines.add(paragraph(paragraph));
        }
        return lines;
    }

    private static Table tableOf(Range range, Paragraph paragraph) {
        try {
            return range.getTable(paragraph);
        } catch (RuntimeException e) {
            return null; // a paragraph marked as in a table that is not one: read as a paragraph
        }
    }

    /** The index of the table's last paragraph in the range, from the paragraph it starts with. */
    private static int lastParagraphOf(Range range, Table table, int first) {
        int i = first;
        while (i + 1 < range.numParagraphs() && range.getParagraph(i + 1).getStartOffset() < table.getEndOffset()) {
            i++;
        }
        return i;
    }

    private String paragraph(Paragraph paragraph) {
        String text = clean(paragraph.text());
        String label = label(paragraph);
        return label.isEmpty() ? text : label + " " + text;
    }

    /**
     * The item's number as Word shows it, counted through the document as {@link DocxText} counts a .docx: per list
     * (its lsid; list instances sharing one continue each other), a level restarting when a higher one advances, and
     * a list instance (LFO) whose start is overridden («Начать заново») restarting the counters at its first item
     * only. "-" for a bullet; "" outside a list.
     */
    private String label(Paragraph paragraph) {
        if (!paragraph.isInList()) {
            return "";
        }
        try {
            HWPFList list = paragraph.getList();
            int level = paragraph.getIlvl();
            if (list == null || level < 0 || level >= LEVELS) {
                return "";
            }
            int[] counters = countersByList.computeIfAbsent(list.getLsid(), id -> unset());
            if (instancesStarted.add(paragraph.getIlfo())) {
                for (int i = 0; i < LEVELS; i++) {
                    if (list.isStartAtOverridden((char) i)) {
                        Arrays.fill(counters, i, LEVELS, Integer.MIN_VALUE);
                        counters[i] = list.getStartAt((char) i) - 1;
                    }
                }
            }
            counters[level] = counters[level] == Integer.MIN_VALUE ? list.getStartAt((char) level) : counters[level] + 1;
            Arrays.fill(counters, level + 1, LEVELS, Integer.MIN_VALUE);
            if (list.getNumberFormat((char) level) == BULLET) {
                return "-";
            }
            StringBuilder label = new StringBuilder();
            for (char c : list.getNumberText((char) level).toCharArray()) {
                if (c < LEVELS) {
                    int value = counters[c] == Integer.MIN_VALUE ? list.getStartAt(c) : counters[c];
                    label.append(NumberFormatter.getNumber(value, list.getNumberFormat(c)));
                } else {
                    label.append(c);
                }
            }
            String text = label.toString().strip();
            return text.length() == 1 && !Character.isLetterOrDigit(text.charAt(0)) ? "-" : text;
        } catch (RuntimeException e) {
            return ""; // a list definition HWPF cannot follow: the text stays, without its number
        }
    }

    private static int[] unset() {
        int[] counters = new int[LEVELS];
        Arrays.fill(counters, Integer.MIN_VALUE);
        return counters;
    }

    private List<String> table(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                List<String> lines = new ArrayList<>();
                for (int p = 0; p < cell.numParagraphs(); p++) {
                    lines.add(paragraph(cell.getParagraph(p)));
                }
                cells.add(String.join("\n", lines).strip());
            }
            rows.add(cells);
        }
        return TableLines.of(rows);
    }

    /**
     * A paragraph's characters as text: field codes dropped (their results kept), the paragraph and cell marks
     * removed, a manual line break (Shift+Enter) a line break, and other control characters dropped.
     */
    private static String clean(String raw) {
        String text = Range.stripFields(raw);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u000B') {
                out.append('\n');
            } else if (c == '\u001E') {
                out.append('-'); // a non-breaking hyphen
            } else if (c == '\t' || !Character.isISOControl(c) && c != '\u001F') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}

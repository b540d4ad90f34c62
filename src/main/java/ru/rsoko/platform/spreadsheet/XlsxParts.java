package ru.rsoko.platform.spreadsheet;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an .xlsx workbook {@link XlsxReader} needs, read straight from the zip with a StAX cursor: the sheets'
 * names and parts, the shared strings read once into an array, the number format of each cell style resolved once,
 * and a sheet's rows as {@link SheetRow}s, one at a time. It replaces a general streaming reader that built an XML
 * event object per tag and a rich-text bean per string cell (three quarters of the CPU of a 189,000-value upload).
 * What a cell becomes is what that reader and POI's {@link DataFormatter} made of it: formulas as «=…», numbers with
 * their text as Excel shows them, dates as text, booleans as «да»/«нет», errors as «#ОШИБКА», text with Excel's
 * {@code _xHHHH_} escapes decoded and control characters dropped.
 */
final class XlsxParts {

    private static final DataFormatter FORMATTER = new DataFormatter(Locale.forLanguageTag("ru-RU"));
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        // a workbook's parts never need a DTD; FileInspection refuses one before this reads anything
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private record Sheet(String name, String part) {
    }

    /** A cell style's number format: Excel's index and format string, and whether it shows a date. */
    private record NumberFormat(int index, String format, boolean date) {
        static final NumberFormat GENERAL = new NumberFormat(0, "General", false);
    }

    private final ZipSecureFile zip;
    private final List<Sheet> sheets = new ArrayList<>();
    private final String sharedStringsPart;
    private final String stylesPart;
    private final boolean date1904;
    private String[] strings;
    private NumberFormat[] formats;

    private XlsxParts(ZipSecureFile zip, String workbookPart) throws IOException, XMLStreamException {
        this.zip = zip;
        Map<String, String> targets = new HashMap<>();
        String shared = null, styles = null;
        String base = workbookPart.contains("/") ? workbookPart.substring(0, workbookPart.lastIndexOf('/') + 1) : "";
        String rels = base + "_rels/" + workbookPart.substring(base.length()) + ".rels";
        XMLStreamReader r = open(rels);
        if (r != null) {
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                        String id = r.getAttributeValue(null, "Id"), type = r.getAttributeValue(null, "Type");
                        String target = r.getAttributeValue(null, "Target");
                        if (id == null || target == null || "External".equals(r.getAttributeValue(null, "TargetMode"))) {
                            continue;
                        }
                        String part = resolve(base, target);
                        targets.put(id, part);
                        if (type != null && type.endsWith("/sharedStrings")) {
                            shared = part;
                        } else if (type != null && type.endsWith("/styles")) {
                            styles = part;
                        }
                    }
                }
            } finally {
                r.close();
            }
        }
        this.sharedStringsPart = shared;
        this.stylesPart = styles;
        boolean windowing1904 = false;
        r = open(workbookPart);
        if (r == null) {
            throw new IOException("no workbook part " + workbookPart);
        }
        try {
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "workbookPr" -> {
                        String d = r.getAttributeValue(null, "date1904");
                        windowing1904 = "1".equals(d) || "true".equals(d);
                    }
                    case "sheet" -> {
                        String id = r.getAttributeValue(RELATIONSHIPS, "id");
                        if (id == null) {
                            // Strict OOXML names the relationships' namespace differently
                            for (int a = 0; a < r.getAttributeCount(); a++) {
                                if (r.getAttributeLocalName(a).equals("id")) {
                                    id = r.getAttributeValue(a);
                                }
                            }
                        }
                        sheets.add(new Sheet(r.getAttributeValue(null, "name"), id == null ? null : targets.get(id)));
                    }
                    default -> {
                    }
                }
            }
        } finally {
            r.close();
        }
        this.date1904 = windowing1904;
    }

    /** The workbook in the zip: its main part found through the package's relationships. */
    static XlsxParts open(ZipSecureFile zip) throws IOException, XMLStreamException {
        String workbook = null;
        XMLStreamReader r = open(zip, "_rels/.rels");
        if (r != null) {
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                        String type = r.getAttributeValue(null, "Type");
                        if (type != null && type.endsWith("/officeDocument")) {
                            workbook = resolve("", r.getAttributeValue(null, "Target"));
                        }
                    }
                }
            } finally {
                r.close();
            }
        }
        return new XlsxParts(zip, workbook == null ? "xl/workbook.xml" : workbook);
    }

    int sheetCount() {
        return sheets.size();
    }

    /** The position of the sheet so named (as Excel compares names: ignoring case), or -1. */
    int sheetIndex(String name) {
        for (int i = 0; i < sheets.size(); i++) {
            if (name.equalsIgnoreCase(sheets.get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    SheetRows sheet(int index) throws IOException, XMLStreamException {
        Sheet sheet = sheets.get(index);
        XMLStreamReader r = sheet.part() == null ? null : open(sheet.part());
        if (r == null) {
            throw new IOException("no sheet part for " + sheet.name());
        }
        return new SheetRows(r);
    }

    private static String resolve(String base, String target) {
        String path = target.startsWith("/") ? target.substring(1) : base + target;
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private XMLStreamReader open(String part) throws IOException, XMLStreamException {
        return open(zip, part);
    }

    /** A part of the package (part names ignore case), or null when there is none. */
    private static XMLStreamReader open(ZipSecureFile zip, String part) throws IOException, XMLStreamException {
        ZipArchiveEntry entry = zip.getEntry(part);
        if (entry == null) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                String name = e.getName().startsWith("/") ? e.getName().substring(1) : e.getName();
                if (name.equalsIgnoreCase(part)) {
                    entry = e;
                    break;
                }
            }
        }
        if (entry == null) {
            return null;
        }
        InputStream in = zip.getInputStream(entry);
        return new ClosingReader(XML.createXMLStreamReader(in), in);
    }

    /** The shared strings, read once on first use: one String per item, rich text runs joined, phonetic runs left out. */
    private String[] strings() throws IOException, XMLStreamException {
        if (strings != null) {
            return strings;
        }
        List<String> all = new ArrayList<>();
        XMLStreamReader r = sharedStringsPart == null ? null : open(sharedStringsPart);
        if (r != null) {
            try {
                StringBuilder text = new StringBuilder();
                int phonetic = 0;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (r.getLocalName()) {
                            case "si" -> text.setLength(0);
                            case "rPh" -> phonetic++;
                            case "t" -> {
                                String t = r.getElementText();
                                if (phonetic == 0) {
                                    text.append(t);
                                }
                            }
                            default -> {
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        switch (r.getLocalName()) {
                            case "si" -> all.add(decode(text.toString()));
                            case "rPh" -> phonetic--;
                            default -> {
                            }
                        }
                    }
                }
            } finally {
                r.close();
            }
        }
        strings = all.toArray(String[]::new);
        return strings;
    }

    /** Each cell style's number format, resolved once. */
    private NumberFormat[] formats() throws IOException, XMLStreamException {
        if (formats != null) {
            return formats;
        }
        Map<Integer, String> custom = new HashMap<>();
        List<NumberFormat> all = new ArrayList<>();
        XMLStreamReader r = stylesPart == null ? null : open(stylesPart);
        if (r != null) {
            try {
                boolean cellXfs = false;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        switch (r.getLocalName()) {
                            case "numFmt" -> {
                                String id = r.getAttributeValue(null, "numFmtId"), code = r.getAttributeValue(null, "formatCode");
                                if (id != null && code != null) {
                                    custom.put(Integer.parseInt(id.strip()), code);
                                }
                            }
                            case "cellXfs" -> cellXfs = true;
                            case "xf" -> {
                                if (cellXfs) {
                                    String id = r.getAttributeValue(null, "numFmtId");
                                    int index = id == null ? 0 : Integer.parseInt(id.strip());
                                    String format = custom.get(index);
                                    if (format == null) {
                                        format = BuiltinFormats.getBuiltinFormat(index);
                                    }
                                    all.add(index == 0 && (format == null || format.equals("General")) ? NumberFormat.GENERAL
                                            : new NumberFormat(index, format, DateUtil.isADateFormat(index, format)));
                                }
                            }
                            default -> {
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
                        cellXfs = false;
                    }
                }
            } finally {
                r.close();
            }
        }
        formats = all.toArray(NumberFormat[]::new);
        return formats;
    }

    /** Excel's escapes of characters XML cannot hold, «_x0000_» and the like, as POI decodes them. */
    static String decode(String value) {
        if (value.indexOf("_x") < 0) {
            return value;
        }
        StringBuilder out = null;
        int done = 0, n = value.length();
        for (int i = value.indexOf("_x"); i >= 0 && i + 7 <= n; i = value.indexOf("_x", i + 1)) {
            if (value.charAt(i + 6) == '_' && hex(value, i + 2, i + 6)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(value, done, i).append((char) Integer.parseInt(value, i + 2, i + 6, 16));
                done = i + 7;
                i += 6;
            }
        }
        if (out == null) {
            return value;
        }
        return out.append(value, done, n).toString();
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The column of a cell reference such as «AB12» (0-based), or -1 when it names none. */
    private static int column(String ref) {
        int column = 0, i = 0;
        for (; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (column > 16_384) {
                return -1;
            }
        }
        return i == 0 ? -1 : column - 1;
    }

    /** A sheet's rows, read one at a time. */
    final class SheetRows {
        private final XMLStreamReader r;
        /** The texts of numbers already formatted, per cell style. */
        private final Map<Integer, Map<Long, String>> shown = new HashMap<>();
        private int lastRow;

        private SheetRows(XMLStreamReader r) {
            this.r = r;
        }

        /** The next row of the sheet, or null after the last. */
        SheetRow next() throws IOException, XMLStreamException {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("row")) {
                    String number = r.getAttributeValue(null, "r");
                    lastRow = number == null ? lastRow + 1 : Integer.parseInt(number.strip());
                    return new SheetRow(lastRow, cells());
                }
            }
            return null;
        }

        /** The cells of the row the reader is on, up to its end tag. */
        private List<SheetCell> cells() throws IOException, XMLStreamException {
            List<SheetCell> cells = new ArrayList<>();
            int lastColumn = -1;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("row")) {
                    return cells;
                }
                if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("c")) {
                    String ref = r.getAttributeValue(null, "r");
                    int column = ref == null ? lastColumn + 1 : column(ref);
                    if (column < 0) {
                        throw new IOException("a cell reference without a column: " + ref);
                    }
                    SheetCell cell = cell();
                    while (cells.size() < column) {
                        cells.add(SheetCell.BLANK);
                    }
                    if (column < cells.size()) {
                        cells.set(column, cell);
                    } else {
                        cells.add(cell);
                    }
                    lastColumn = column;
                }
            }
            return cells;
        }

        /** The cell the reader is on (its start tag), read up to its end tag. */
        private SheetCell cell() throws IOException, XMLStreamException {
            String type = r.getAttributeValue(null, "t"), style = r.getAttributeValue(null, "s");
            String value = null, formula = null;
            StringBuilder inline = null;
            int phonetic = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "v" -> value = r.getElementText();
                        case "f" -> formula = r.getElementText();
                        case "is" -> inline = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            String t = r.getElementText();
                            if (inline != null && phonetic == 0) {
                                inline.append(t);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("c")) {
                        break;
                    } else if (name.equals("rPh")) {
                        phonetic--;
                    }
                }
            }
            if (formula != null) {
                return new SheetCell(SheetCell.Kind.FORMULA, "=" + formula, null);
            }
            if (type == null || type.equals("n")) {
                return number(value, style);
            }
            return switch (type) {
                case "s" -> value == null || value.isBlank() ? SheetCell.BLANK
                        : text(strings()[Integer.parseInt(value.strip())]);
                case "inlineStr" -> inline == null ? (value == null ? SheetCell.BLANK : text(decode(value)))
                        : text(decode(inline.toString()));
                case "str", "d" -> value == null ? SheetCell.BLANK : text(value);
                case "b" -> value == null || value.isBlank() ? SheetCell.BLANK
                        : new SheetCell(SheetCell.Kind.BOOLEAN, value.strip().equals("1") || value.strip().equalsIgnoreCase("true")
                        ? "да" : "нет", null);
                case "e" -> new SheetCell(SheetCell.Kind.ERROR, "#ОШИБКА", null);
                default -> throw new IOException("an unknown cell type " + type);
            };
        }

        private SheetCell text(String text) {
            return new SheetCell(SheetCell.Kind.TEXT, XlsxReader.withoutControls(text), null);
        }

        /** A number cell: its text as Excel shows it with the cell's number format, a date as text. */
        private SheetCell number(String value, String style) throws IOException, XMLStreamException {
            if (value == null || value.isEmpty()) {
                return SheetCell.BLANK;
            }
            double number = Double.parseDouble(value);
            NumberFormat[] all = formats();
            int s = style == null ? 0 : Integer.parseInt(style.strip());
            NumberFormat format = s < all.length ? all[s] : NumberFormat.GENERAL;
            String text = formatted(number, s < all.length ? s : -1, format);
            if (format.date() && DateUtil.isValidExcelDate(number)) {
                return new SheetCell(SheetCell.Kind.TEXT, text, null);
            }
            return new SheetCell(SheetCell.Kind.NUMBER, text, number);
        }

        /**
         * The number's text in its style's format, remembered: a sheet repeats few numbers (a school's id on each of its
         * rows, answers 0–100) and formatting one costs more than reading its cell. A pure function of the number and
         * the format, so remembering changes nothing of what is read.
         */
        private String formatted(double number, int style, NumberFormat format) {
            long key = Double.doubleToLongBits(number);
            Map<Long, String> known = shown.computeIfAbsent(style, s -> new HashMap<>());
            String text = known.get(key);
            if (text == null) {
                text = FORMATTER.formatRawCellContents(number, format.index(), format.format(), date1904);
                if (known.size() >= 4_096) {
                    known.clear(); // a sheet of all different numbers: kept small, not grown with the sheet
                }
                known.put(key, text);
            }
            return text;
        }

        void close() throws XMLStreamException {
            r.close();
        }
    }

    /** A part's reader that closes the zip entry's stream with it. */
    private static final class ClosingReader extends javax.xml.stream.util.StreamReaderDelegate {
        private final InputStream in;

        ClosingReader(XMLStreamReader reader, InputStream in) {
            super(reader);
            this.in = in;
        }

        @Override
        public void close() throws XMLStreamException {
            try {
                super.close();
            } finally {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the zip is closed after the reading anyway
                }
            }
        }
    }
}

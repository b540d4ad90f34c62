package ru.rsoko.platform.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks inside an uploaded Office file (.xlsx, .docx, .pptx) before anything parses it, by its zip directory and the
 * first bytes of its XML parts only, so a bomb is never inflated: refuses a damaged or cut zip, entries with paths
 * that leave the archive, a declared size far beyond any real document, macros (vbaProject.bin, a macro-enabled
 * content type), links to other workbooks (xl/externalLinks), and any DTD (XXE, billion laughs) — Office never writes
 * one. POI guards the same again while reading (ZipSecureFile, see {@link PoiLimits}). PDF and legacy Word (.doc),
 * which the protocol import reads too, are looked at the same way before their readers start ({@link #pdf},
 * {@link #wordBinary}).
 */
public final class FileInspection {

    /** What the upload must be. */
    public enum Office {
        WORKBOOK("xl/workbook.xml", "книгой Excel (.xlsx)", "в Excel и сохраните как «Книга Excel (*.xlsx)»"),
        DOCUMENT("word/document.xml", "документом Word (.docx)", "в Word и сохраните как «Документ Word (*.docx)»"),
        PRESENTATION("ppt/presentation.xml", "презентацией PowerPoint (.pptx)",
                "в PowerPoint и сохраните как «Презентация PowerPoint (*.pptx)»"),
        /** any of the three (an attachment whose kind its extension tells) */
        ANY(null, "документом Office", "и сохраните заново без макросов");

        final String mainPart;
        final String what;
        final String saveAs;

        Office(String mainPart, String what, String saveAs) {
            this.mainPart = mainPart;
            this.what = what;
            this.saveAs = saveAs;
        }
    }

    /** Far above any real document: the region's largest workbook inflates to some tens of MB. */
    static final long MAX_INFLATED = 1024L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    /** A part that inflates more than this many times its packed size (and is large) is a bomb. */
    static final long MAX_RATIO = 200;
    private static final int PROLOG_LIMIT = 64 * 1024;

    private FileInspection() {
    }

    /** Refuses the file with a Russian message when it is not a safe Office file of the kind. */
    public static void office(Path file, Office kind) {
        String damaged = "Файл повреждён или не является " + kind.what + ". Откройте его " + kind.saveAs + ".";
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() == 0) {
                throw new RefusedFileException(damaged);
            }
            if (zip.size() > MAX_ENTRIES) {
                throw new RefusedFileException("В файле слишком много частей (" + zip.size() + "): это не документ Office.");
            }
            long inflated = 0;
            boolean contentTypes = false;
            boolean mainPart = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                checkName(name);
                String lower = name.toLowerCase(Locale.ROOT);
                long size = entry.getSize();
                long packed = entry.getCompressedSize();
                if (size < 0 || (size > 10L * 1024 * 1024 && packed > 0 && size / packed > MAX_RATIO)) {
                    throw new RefusedFileException(bomb());
                }
                inflated += size;
                if (inflated > MAX_INFLATED) {
                    throw new RefusedFileException(bomb());
                }
                if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
                    throw new RefusedFileException(macros());
                }
                if (lower.startsWith("xl/externallinks/")) {
                    throw new RefusedFileException("Книга ссылается на другие файлы (внешние связи). Разорвите связи "
                            + "(«Данные» → «Изменить связи» → «Разорвать связь»), сохраните книгу и загрузите её снова.");
                }
                if (lower.equals("[content_types].xml")) {
                    contentTypes = true;
                    if (prolog(zip, entry).toLowerCase(Locale.ROOT).contains("macroenabled")) {
                        throw new RefusedFileException(macros());
                    }
                }
                if (kind.mainPart != null && lower.equals(kind.mainPart)) {
                    mainPart = true;
                }
                if (kind == Office.ANY && (lower.equals("xl/workbook.xml") || lower.equals("word/document.xml")
                        || lower.equals("ppt/presentation.xml"))) {
                    mainPart = true;
                }
                if ((lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml")) && hasDoctype(zip, entry)) {
                    throw new RefusedFileException("Файл содержит объявление DTD (<!DOCTYPE>), какого Office не пишет: "
                            + "такой файл может быть опасен и не принимается. Сохраните документ заново в Office.");
                }
            }
            if (!contentTypes) {
                throw new RefusedFileException(damaged);
            }
            if (!mainPart) {
                throw new RefusedFileException(wrongKind(zip, kind));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedFileException refused) {
                throw refused;
            }
            throw new RefusedFileException(damaged);
        }
    }

    /** An OpenDocument file (or any zip-based document): whole, no paths leaving it, no bomb. */
    public static void archive(Path file) {
        String damaged = "Файл повреждён: откройте его и сохраните заново.";
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() == 0 || zip.size() > MAX_ENTRIES) {
                throw new RefusedFileException(damaged);
            }
            long inflated = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                checkName(entry.getName());
                long size = entry.getSize();
                long packed = entry.getCompressedSize();
                inflated += size;
                if (size < 0 || inflated > MAX_INFLATED
                        || (size > 10L * 1024 * 1024 && packed > 0 && size / packed > MAX_RATIO)) {
                    throw new RefusedFileException(bomb());
                }
                String lower = entry.getName().toLowerCase(Locale.ROOT);
                if (lower.startsWith("basic/") || lower.endsWith("vbaproject.bin")) {
                    throw new RefusedFileException(macros());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedFileException refused) {
                throw refused;
            }
            throw new RefusedFileException(damaged);
        }
    }

    /**
     * A PDF, before PDFBox parses it: the header, the end of the file (a cut upload), and a ceiling on what its
     * streams decode to, pictures aside (a decompression bomb). See {@link PdfInspection}.
     */
    public static void pdf(byte[] content) {
        PdfInspection.check(content);
    }

    /**
     * One stream of a PDF already opened (an encrypted one, whose streams only the reader can decrypt): refused when
     * its filters would decode it past 64 MB.
     */
    public static void pdfStream(InputStream raw, java.util.List<String> filters) {
        PdfInspection.decodedSize(raw, filters, PdfInspection.MAX_STREAM);
    }

    /**
     * A legacy Word 97–2003 document (.doc), before HWPF reads it: encrypted, macros, another Office program's file
     * (an .xls or .ppt named .doc), Word 6/95 or a damaged header are refused. Returns the main text's length that
     * the document declares, for a limit checked before the text is read. See {@link WordBinaryInspection}.
     */
    public static int wordBinary(byte[] content) {
        return WordBinaryInspection.check(content);
    }

    /** A path that leaves the archive or names a drive: no Office program writes one. */
    private static void checkName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.contains(":") || n.equals("..") || n.startsWith("../") || n.contains("/../")
                || n.endsWith("/..") || n.indexOf('\0') >= 0) {
            throw new RefusedFileException("В файле есть части с недопустимыми путями («" + shortened(name)
                    + "»): такой архив не принимается.");
        }
    }

    private static String wrongKind(ZipFile zip, Office kind) {
        if (zip.getEntry("word/document.xml") != null) {
            return "Файл — документ Word, а не " + kind.what.replace("книгой", "книга").replace("документом", "документ")
                    + ". Выберите нужный файл.";
        }
        if (zip.getEntry("xl/workbook.xml") != null) {
            return "Файл — книга Excel, а не " + kind.what.replace("документом", "документ").replace("книгой", "книга")
                    + ". Выберите нужный файл.";
        }
        return "Файл не является " + kind.what + ". Выберите нужный файл.";
    }

    static String bomb() {
        return "Файл после распаковки оказался бы огромным (похоже на «zip-бомбу»): такой файл не принимается.";
    }

    static String macros() {
        return "Файл содержит макросы (.xlsm, .docm): такие файлы не принимаются. Сохраните его без макросов "
                + "(«Книга Excel (*.xlsx)» или «Документ Word (*.docx)»).";
    }

    private static String prolog(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(PROLOG_LIMIT), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Whether the part declares a DTD before its root element. Only the prolog is read (at most 64 KB): the first
     * {@code <} followed by a letter is the root, and a DTD can only come before it. NUL bytes are dropped so that
     * UTF-16 parts read the same.
     */
    private static boolean hasDoctype(ZipFile zip, ZipEntry entry) throws IOException {
        byte[] head;
        try (InputStream in = zip.getInputStream(entry)) {
            head = in.readNBytes(PROLOG_LIMIT);
        }
        StringBuilder text = new StringBuilder(Math.min(head.length, 4096));
        for (byte b : head) {
            if (b != 0) {
                text.append((char) (b & 0xFF));
            }
        }
        String prolog = text.toString();
        for (int i = 0; i < prolog.length() - 1; i++) {
            if (prolog.charAt(i) == '<') {
                char next = prolog.charAt(i + 1);
                if (Character.isLetter(next) || next == '_') {
                    return false; // the root element: no DTD before it
                }
                if (prolog.regionMatches(true, i, "<!DOCTYPE", 0, 9) || prolog.regionMatches(true, i, "<!ENTITY", 0, 8)) {
                    return true;
                }
            }
        }
        // a prolog longer than 64 KB of comments and instructions is no Office part either
        return head.length == PROLOG_LIMIT && prolog.indexOf('<') >= 0 && !hasRoot(prolog);
    }

    private static boolean hasRoot(String prolog) {
        for (int i = 0; i < prolog.length() - 1; i++) {
            if (prolog.charAt(i) == '<' && (Character.isLetter(prolog.charAt(i + 1)) || prolog.charAt(i + 1) == '_')) {
                return true;
            }
        }
        return false;
    }

    static String shortened(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 57) + "…" : clean;
    }
}

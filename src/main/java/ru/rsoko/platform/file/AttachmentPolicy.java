package ru.rsoko.platform.file;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a person may attach (procedure results, evidence of execution, meeting materials): documents, tables,
 * presentations, PDF, pictures and plain text, up to 20 MB, whose content is what their extension says. Refused,
 * with a Russian message: an empty file, a name with a path, control characters or over 255 characters, any other
 * extension (archives, web pages, SVG, programs, scripts), a file whose bytes are of another kind (an executable
 * named .pdf, a PDF named .xlsx, an encrypted or legacy file named .docx), macro-enabled or password-protected Office
 * files, Office files with external links or a DTD, damaged zips and zip bombs ({@link FileInspection}), text with
 * NUL bytes or that is a web page. Stored files are always served as downloads ({@link FileStore#download}).
 */
public final class AttachmentPolicy {

    static final int MAX_NAME = 255;

    /** The extensions accepted, with the content type a download is served with. */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"));

    static final String ACCEPTED = "PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.pptx, .ppt), "
            + "OpenDocument (.odt, .ods, .odp), RTF, текст (.txt, .csv), изображения (.png, .jpg, .gif)";

    private static final Set<String> MACRO_STORAGES = Set.of("macros", "_vba_project_cur", "vba", "_vba_project");

    private AttachmentPolicy() {
    }

    /** The content type to store and serve the file with; refuses the file when it may not be attached. */
    static String check(Path file, long size, String originalName) throws IOException {
        String name = checkName(originalName);
        if (size == 0) {
            throw new RefusedFileException("Файл пустой (0 байт): выберите файл с содержимым.");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1024);
        }
        if (startsWith(head, "MZ") || startsWith(head, "\u007FELF") || startsWith(head, "#!")
                || startsWith(head, new byte[]{(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE})) {
            throw new RefusedFileException("Файл — исполняемая программа или сценарий, а не документ: такие файлы не принимаются.");
        }
        if (looksLikeMarkup(head)) {
            throw new RefusedFileException("Файл — веб-страница или рисунок SVG (HTML, SVG, XML): такие файлы не принимаются, "
                    + "потому что могут содержать сценарии. Приложите PDF или документ Office.");
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            throw new RefusedFileException(switch (extension) {
                case "xlsm", "xltm", "docm", "dotm", "pptm", "potm", "ppsm", "xlam" -> FileInspection.macros();
                case "html", "htm", "xhtml", "svg", "svgz", "xml", "js", "mht", "mhtml" ->
                        "Веб-страницы и рисунки SVG не принимаются: они могут содержать сценарии. Приложите PDF или документ Office.";
                case "zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "cab", "iso" ->
                        "Архивы не принимаются: приложите файлы по отдельности (" + ACCEPTED + ").";
                default -> "Файлы такого типа не принимаются" + (extension.isEmpty() ? " (у имени нет расширения)" : " (." + FileInspection.shortened(extension) + ")")
                        + ". Можно приложить: " + ACCEPTED + ".";
            });
        }
        String mismatch = "Содержимое файла не соответствует расширению ." + extension
                + ": файл повреждён или переименован. Сохраните его в нужном формате и приложите снова.";
        switch (extension) {
            case "pdf" -> {
                if (!new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
                    throw new RefusedFileException(mismatch);
                }
            }
            case "png" -> require(startsWith(head, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}), mismatch);
            case "jpg", "jpeg" -> require(startsWith(head, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}), mismatch);
            case "gif" -> require(startsWith(head, "GIF87a") || startsWith(head, "GIF89a"), mismatch);
            case "rtf" -> require(startsWith(head, "{\\rtf"), mismatch);
            case "docx", "xlsx", "pptx" -> {
                require(startsWith(head, "PK"), isOle2(head)
                        ? "Файл защищён паролем или сохранён в старом формате, а не ." + extension
                        + ": снимите пароль и сохраните его как ." + extension + "." : mismatch);
                FileInspection.office(file, switch (extension) {
                    case "docx" -> FileInspection.Office.DOCUMENT;
                    case "xlsx" -> FileInspection.Office.WORKBOOK;
                    default -> FileInspection.Office.PRESENTATION;
                });
            }
            case "odt", "ods", "odp" -> {
                require(startsWith(head, "PK") && new String(head, StandardCharsets.ISO_8859_1).contains("mimetype"), mismatch);
                FileInspection.archive(file);
            }
            case "doc", "xls", "ppt" -> {
                require(isOle2(head), mismatch);
                checkOle2(file);
            }
            case "txt", "csv" -> checkText(file);
            default -> throw new IllegalStateException(extension);
        }
        return type;
    }

    /** The name as the person's computer had it: a bare file name, printable, of a length every system keeps. */
    static String checkName(String original) {
        if (original == null || original.isBlank()) {
            throw new RefusedFileException("У файла нет имени: выберите файл на компьютере.");
        }
        if (original.indexOf('/') >= 0 || original.indexOf('\\') >= 0 || original.indexOf(':') >= 0
                || original.equals("..") || original.equals(".")) {
            throw new RefusedFileException("Имя файла содержит путь («" + FileInspection.shortened(original)
                    + "»): переименуйте файл так, чтобы в имени не было символов / \\ :.");
        }
        if (original.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x202E || c == 0x202D
                || c == 0x200E || c == 0x200F || c == 0x2066 || c == 0x2067 || c == 0x2068 || c == 0x2069)) {
            throw new RefusedFileException("Имя файла содержит управляющие символы: переименуйте файл.");
        }
        if (original.length() > MAX_NAME) {
            throw new RefusedFileException("Имя файла длиннее " + MAX_NAME + " знаков: переименуйте файл короче.");
        }
        return original.strip();
    }

    private static void checkOle2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryEntry root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw new RefusedFileException("Файл защищён паролем: снимите пароль и приложите его снова.");
            }
            for (String macro : MACRO_STORAGES) {
                if (root.hasEntryCaseInsensitive(macro)) {
                    throw new RefusedFileException(FileInspection.macros());
                }
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                // an .xls may keep its macros inside the workbook storage's _VBA_PROJECT_CUR, checked above
                return;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedFileException refused) {
                throw refused;
            }
            throw new RefusedFileException("Файл повреждён: откройте его и сохраните заново.");
        }
    }

    private static void checkText(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == 0) {
                        throw new RefusedFileException("Файл содержит нулевые байты: это не текст. Приложите текст (.txt, .csv) "
                                + "в кодировке UTF-8 или Windows-1251.");
                    }
                }
            }
        }
    }

    /** A web page, SVG or other XML: the first thing after a BOM and white space is {@code <} and markup follows. */
    static boolean looksLikeMarkup(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "")
                .replace("\0", "").stripLeading().toLowerCase(Locale.ROOT);
        return text.startsWith("<") && (text.contains("<html") || text.contains("<svg") || text.contains("<script")
                || text.contains("<!doctype") || text.startsWith("<?xml") || text.contains("<body")
                || text.contains("<iframe") || text.contains("<object"));
    }

    private static boolean isOle2(byte[] head) {
        return startsWith(head, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new RefusedFileException(message);
        }
    }

    private static boolean startsWith(byte[] head, String prefix) {
        return startsWith(head, prefix.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

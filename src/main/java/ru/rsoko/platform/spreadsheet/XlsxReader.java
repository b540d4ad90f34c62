package ru.rsoko.platform.spreadsheet;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import ru.rsoko.platform.file.FileInspection;
import ru.rsoko.platform.file.PoiLimits;
import ru.rsoko.platform.file.RefusedFileException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.xml.stream.XMLStreamException;
import java.util.function.Consumer;

/**
 * Streams the rows of an uploaded .xlsx workbook without loading it whole: a region's workbook of
 * hundreds of thousands of cells is read in a small heap. Anything that is not a readable .xlsx file
 * (empty, an old .xls, a Word file, a broken zip, a zip bomb) ends in a {@link SpreadsheetException}
 * with a message for the user.
 */
public final class XlsxReader {

    private static final String DAMAGED =
            "Файл повреждён или не является книгой Excel (.xlsx). Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».";
    private static final int SNIFF = 512;

    static {
        PoiLimits.apply();
    }

    private XlsxReader() {
    }

    /** Reads the sheet named {@code sheetName} when the book has one (the product's template), else the first sheet. */
    public static void read(InputStream input, String sheetName, Consumer<SheetRow> rows) {
        read(input, sheetName, rows, null, null);
    }

    /**
     * Reads the sheet named {@code sheetName} as {@link #read(InputStream, String, Consumer)} does, then the sheet named
     * {@code optionalSheet} when the book has one (a template's optional part); without it nothing more is read.
     */
    public static void read(InputStream input, String sheetName, Consumer<SheetRow> rows, String optionalSheet,
                            Consumer<SheetRow> optionalRows) {
        BufferedInputStream in = new BufferedInputStream(input);
        checkSignature(in);
        Path file = null;
        try {
            file = Files.createTempFile("rsoko-upload-", ".xlsx");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            checkZip(file);
            read(file, sheetName, rows, false);
            if (optionalSheet != null) {
                read(file, optionalSheet, optionalRows, true);
            }
        } catch (IOException e) {
            throw new SpreadsheetException("Файл не удалось прочитать.", e);
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
     * A cut or damaged zip has no intact central directory. POI would still read such a file by falling back
     * to the local entries it can find, so a truncated upload could load as if it were whole; Excel calls the
     * same file damaged, and so do we. {@link FileInspection} also refuses macros, external links, DTDs (XXE),
     * paths leaving the archive and zip bombs before POI reads anything.
     */
    private static void checkZip(Path file) {
        try {
            FileInspection.office(file, FileInspection.Office.WORKBOOK);
        } catch (RefusedFileException e) {
            throw new SpreadsheetException(e.getMessage());
        }
    }

    private static void read(Path file, String sheetName, Consumer<SheetRow> rows, boolean onlyNamed) {
        RuntimeException fromConsumer = null;
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            XlsxParts book = XlsxParts.open(zip);
            if (book.sheetCount() == 0) {
                throw new SpreadsheetException("В книге нет ни одного листа.");
            }
            int index = sheetName == null ? -1 : book.sheetIndex(sheetName);
            if (onlyNamed && index < 0) {
                return;
            }
            XlsxParts.SheetRows sheet = book.sheet(Math.max(0, index));
            try {
                SheetRow row;
                while ((row = sheet.next()) != null) {
                    try {
                        rows.accept(row);
                    } catch (RuntimeException e) {
                        fromConsumer = e;
                        break;
                    }
                }
            } finally {
                sheet.close();
            }
        } catch (SpreadsheetException e) {
            throw e;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new SpreadsheetException(DAMAGED, e);
        }
        if (fromConsumer != null) {
            throw fromConsumer;
        }
    }

    private static void checkSignature(BufferedInputStream in) {
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            if (head.length == 0) {
                throw new SpreadsheetException("Файл пустой (0 байт): выберите заполненную книгу Excel (.xlsx).");
            }
            if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
                    && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
                throw new SpreadsheetException(
                        "Файл в старом формате Excel 97–2003 (.xls) или защищён паролем. Сохраните его как «Книга Excel (*.xlsx)» без пароля.");
            }
            if (head.length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
                throw new SpreadsheetException(
                        "Файл — документ PDF, а не книга Excel (.xlsx). Загрузите книгу Excel: скачайте шаблон и заполните его.");
            }
            if (head.length < 4 || head[0] != 'P' || head[1] != 'K') {
                throw new SpreadsheetException(looksLikeText(head)
                        ? "Файл не является книгой Excel (.xlsx): возможно, это текст или CSV. Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)»."
                        : "Файл не является книгой Excel (.xlsx). Загрузите книгу Excel: скачайте шаблон и заполните его.");
            }
        } catch (IOException e) {
            throw new SpreadsheetException("Файл не удалось прочитать.", e);
        }
    }

    /** Text (a CSV saved instead of a workbook, say) has no control bytes but tabs and line breaks. */
    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * A cell's text without control characters (NUL, ESC and the like; Excel writes them as _x0000_): no one types
     * them, PostgreSQL refuses NUL in text, and a terminal that prints a log would obey ESC. Tabs and line breaks stay.
     */
    static String withoutControls(String text) {
        if (text == null || text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.chars().filter(c -> !(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F)).forEach(c -> clean.append((char) c));
        return clean.toString();
    }
}

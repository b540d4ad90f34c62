package ru.rsoko.platform.file;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

/**
 * A legacy Word 97–2003 file (.doc) looked at before HWPF reads it: an OLE2 container whose WordDocument stream
 * starts with a Word 97+ file information block (FIB), not encrypted, without macros, with the table stream the FIB
 * names. Only the container's directory and the FIB's first 128 bytes are read.
 */
final class WordBinaryInspection {

    private static final int WORD_97 = 0xA5EC;
    private static final int WORD_6 = 0xA5DC;
    private static final int F_ENCRYPTED = 0x0100;
    private static final int F_WHICH_TABLE = 0x0200;
    /** FibBase (32) + csw (2) + fibRgW (28) + cslw (2) + cbMac, two reserved: ccpText, the main text's length. */
    private static final int CCP_TEXT = 76;
    private static final Set<String> MACRO_STORAGES = Set.of("Macros", "_VBA_PROJECT", "VBA", "_VBA_PROJECT_CUR");

    private WordBinaryInspection() {
    }

    static final String DAMAGED = "Файл повреждён или не является документом Word (.doc). Откройте его в Word и "
            + "сохраните как «Документ Word (*.docx)».";
    static final String ENCRYPTED = "Документ Word защищён паролем: снимите пароль (в Word: «Файл» → «Сведения» → "
            + "«Защита документа» → «Зашифровать с использованием пароля», пустой пароль), сохраните и загрузите снова.";

    /** The main text's length in characters, as the FIB gives it. */
    static int check(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryEntry root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw new RefusedFileException(ENCRYPTED);
            }
            if (!root.hasEntryCaseInsensitive("WordDocument")) {
                throw new RefusedFileException(notWord(root));
            }
            for (String macro : MACRO_STORAGES) {
                if (root.hasEntryCaseInsensitive(macro)) {
                    throw new RefusedFileException("Документ Word содержит макросы: такие файлы не принимаются. "
                            + "Сохраните его как «Документ Word (*.docx)» без макросов.");
                }
            }
            if (!(root.getEntryCaseInsensitive("WordDocument") instanceof DocumentEntry word) || word.getSize() < 128) {
                throw new RefusedFileException(DAMAGED);
            }
            byte[] fib = new byte[128];
            try (DocumentInputStream in = new DocumentInputStream(word)) {
                in.readFully(fib);
            }
            int ident = u16(fib, 0);
            if (ident == WORD_6) {
                throw new RefusedFileException("Документ сохранён в Word 6.0/95: такой формат не читается. Откройте его "
                        + "в Word и сохраните как «Документ Word (*.docx)».");
            }
            if (ident != WORD_97) {
                throw new RefusedFileException(DAMAGED);
            }
            int flags = u16(fib, 10);
            if ((flags & F_ENCRYPTED) != 0) {
                throw new RefusedFileException(ENCRYPTED);
            }
            String table = (flags & F_WHICH_TABLE) != 0 ? "1Table" : "0Table";
            if (!root.hasEntryCaseInsensitive(table)) {
                throw new RefusedFileException(DAMAGED);
            }
            int ccpText = (int) u32(fib, CCP_TEXT);
            if (ccpText < 0) {
                throw new RefusedFileException(DAMAGED);
            }
            return ccpText;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedFileException refused) {
                throw refused;
            }
            throw new RefusedFileException(DAMAGED);
        }
    }

    private static String notWord(DirectoryEntry root) {
        if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
            return "Это не документ Word, а книга Excel (.xls). Выберите файл протокола (.docx, .doc или .pdf).";
        }
        if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
            return "Это не документ Word, а презентация PowerPoint (.ppt). Выберите файл протокола (.docx, .doc или .pdf).";
        }
        return "Это не документ Word: файл в старом формате Office другой программы. Выберите файл протокола "
                + "(.docx, .doc или .pdf).";
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}

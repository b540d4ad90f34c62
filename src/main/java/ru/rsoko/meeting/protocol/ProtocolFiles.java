package ru.rsoko.meeting.protocol;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of an uploaded protocol file, whatever Word or PDF it is: the kind is told by the file's first bytes, not
 * by its name (a .doc renamed .docx, a PDF saved without an extension read all the same) — a zip is a .docx
 * ({@link DocxText}), {@code %PDF-} a PDF ({@link PdfText}), an OLE2 container a Word 97–2003 document
 * ({@link DocText}). Anything else is refused with a message naming what is accepted. The text returned is the one
 * the parser reads and the draft's source spans point into.
 */
public final class ProtocolFiles {

    /** What the import takes, for hints and messages. */
    public static final String ACCEPTED = ".docx, .doc, .pdf";

    private ProtocolFiles() {
    }

    /**
     * @param fileName the name the person's computer gave the file, only to word a refusal; may be null
     * @throws ProtocolFormatException when the file is not a readable protocol, with a message for the person
     */
    public static String text(InputStream input, String fileName) {
        byte[] bytes = DocxText.readLimited(input);
        if (bytes.length == 0) {
            throw new ProtocolFormatException("Файл пустой (0 байт): выберите файл протокола (.docx, .doc или .pdf).");
        }
        String text;
        if (startsWith(bytes, (byte) 'P', (byte) 'K')) {
            text = DocxText.read(bytes);
        } else if (isPdf(bytes)) {
            text = PdfText.read(bytes);
        } else if (startsWith(bytes, (byte) 0xD0, (byte) 0xCF, (byte) 0x11, (byte) 0xE0)) {
            text = DocText.read(bytes);
        } else if (startsWith(bytes, (byte) '{', (byte) '\\', (byte) 'r', (byte) 't', (byte) 'f')) {
            throw new ProtocolFormatException("Файл в формате RTF: откройте его в Word и сохраните как «Документ Word "
                    + "(*.docx)», или вставьте текст протокола.");
        } else if (fileName != null && fileName.toLowerCase(Locale.ROOT).matches(".*\\.(txt|text|csv)$")) {
            throw new ProtocolFormatException("Текстовый файл не загружается: откройте его, скопируйте текст протокола "
                    + "и вставьте в поле «Текст протокола». Файлом можно загрузить .docx, .doc или .pdf.");
        } else {
            throw new ProtocolFormatException("Файл не является документом Word (.docx, .doc) или PDF. Загрузите "
                    + "протокол в одном из этих форматов или вставьте его текст.");
        }
        text = clean(text);
        if (text.length() > DocxText.MAX_TEXT) {
            throw new ProtocolFormatException(DocxText.TOO_LONG);
        }
        return text;
    }

    /**
     * Line breaks as \n, and no control characters but tabs and line breaks: PostgreSQL refuses NUL in text and
     * nobody types the others.
     */
    static String clean(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code %PDF-} within the first kilobyte, where PDF readers look for it. */
    private static boolean isPdf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private static boolean startsWith(byte[] bytes, byte... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

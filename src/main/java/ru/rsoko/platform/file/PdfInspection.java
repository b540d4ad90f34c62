package ru.rsoko.platform.file;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.filter.FilterFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PDF's bytes looked at before PDFBox parses them: the header, the end of the file, and every stream that reading
 * its text would decode (content streams, fonts, object and cross-reference streams — not pictures, which text
 * extraction never decodes), decoded here into a counter with a ceiling. PDFBox decodes a stream whole into memory,
 * so a content stream of a few kilobytes that inflates to gigabytes would otherwise take the heap.
 */
final class PdfInspection {

    /** A page's content or a font inflates to some megabytes at most; a stream of 64 MB is no protocol's. */
    static final long MAX_STREAM = 64L * 1024 * 1024;
    static final long MAX_DECODED = 256L * 1024 * 1024;

    private static final Pattern FILTER = Pattern.compile("/Filter\\s*(\\[[^\\]]*]|/[^\\s/\\[\\]<>()]+)");
    private static final Pattern NAME = Pattern.compile("/([^\\s/\\[\\]<>()]+)");
    private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d{1,12})(?:\\s+(\\d{1,6})\\s+R)?");
    private static final Pattern NUMBER_OBJECT = Pattern.compile("(?<![0-9])(\\d{1,10})\\s+(\\d{1,5})\\s+obj\\s*(\\d{1,12})\\s");
    private static final Pattern IMAGE = Pattern.compile("/Subtype\\s*/Image\\b");

    private PdfInspection() {
    }

    static void check(byte[] content) {
        String damaged = "Файл повреждён или не является документом PDF. Откройте его и сохраните (или напечатайте) в PDF заново.";
        if (content.length == 0 || header(content) < 0) {
            throw new RefusedFileException(damaged);
        }
        // latin-1 keeps one char per byte: offsets in the text are offsets in the file
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int eof = text.lastIndexOf("%%EOF");
        if (eof < 0 || eof < text.length() - 32 * 1024) {
            throw new RefusedFileException("Файл PDF обрезан (нет конца файла): он загрузился не целиком. "
                    + "Скачайте или сохраните его заново и загрузите снова.");
        }
        long total = 0;
        int from = 0;
        java.util.Map<String, Long> resolved = new java.util.HashMap<>();
        java.util.function.Supplier<java.util.Map<String, Long>> numbers = () -> {
            if (resolved.isEmpty()) {
                resolved.putAll(numberObjects(text));
                resolved.putIfAbsent("", -1L); // read once, even when the file has none
            }
            return resolved;
        };
        for (int at; (at = text.indexOf("stream", from)) >= 0; ) {
            from = at + 6;
            if (at >= 3 && text.startsWith("end", at - 3)) {
                continue;
            }
            int data = at + 6;
            if (data < text.length() && text.charAt(data) == '\r') {
                data++;
            }
            if (data < text.length() && text.charAt(data) == '\n') {
                data++;
            }
            if (data == at + 6) {
                continue; // the word inside a name or a string, not the keyword
            }
            int end = text.indexOf("endstream", data);
            if (end < 0) {
                end = text.length();
            }
            from = end;
            String dictionary = dictionary(text, at);
            // PDFBox reads /Length bytes when it can, so «endstream» planted inside the data must not cut the count
            // short: the longer of the two is decoded (a decoder stops at its data's own end anyway)
            long declared = declaredLength(dictionary, numbers);
            int decodedEnd = declared > end - data ? (int) Math.min(text.length(), data + declared) : end;
            if (IMAGE.matcher(dictionary).find()) {
                continue;
            }
            List<String> filters = filters(dictionary);
            if (filters.isEmpty()) {
                continue;
            }
            total += decodedSize(new ByteArrayInputStream(content, data, decodedEnd - data), filters, MAX_STREAM);
            if (total > MAX_DECODED) {
                throw new RefusedFileException(bomb());
            }
        }
    }

    /** «%PDF-» within the first kilobyte, as readers accept it; its offset or -1. */
    static int header(byte[] content) {
        int limit = Math.min(content.length, 1024) - 5;
        for (int i = 0; i <= limit; i++) {
            if (content[i] == '%' && content[i + 1] == 'P' && content[i + 2] == 'D' && content[i + 3] == 'F'
                    && content[i + 4] == '-') {
                return i;
            }
        }
        return -1;
    }

    /** The object's dictionary before the keyword: from its «N 0 obj», at most 64 KB back. */
    private static String dictionary(String text, int keyword) {
        int start = Math.max(0, keyword - 64 * 1024);
        int obj = text.lastIndexOf("obj", keyword);
        return text.substring(Math.max(start, obj < 0 ? start : obj), keyword);
    }

    /** The dictionary's /Length, direct or as a reference to an object holding a number; -1 when unknown. */
    private static long declaredLength(String dictionary, java.util.function.Supplier<java.util.Map<String, Long>> numbers) {
        Matcher length = LENGTH.matcher(dictionary);
        if (!length.find()) {
            return -1;
        }
        try {
            if (length.group(2) == null) {
                return Long.parseLong(length.group(1));
            }
            return numbers.get().getOrDefault(Long.parseLong(length.group(1)) + " " + Long.parseLong(length.group(2)), -1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Every «N G obj 1234» of the file, read once: the lengths that streams give by reference. */
    private static java.util.Map<String, Long> numberObjects(String text) {
        java.util.Map<String, Long> numbers = new java.util.HashMap<>();
        Matcher object = NUMBER_OBJECT.matcher(text);
        while (object.find()) {
            try {
                numbers.put(Long.parseLong(object.group(1)) + " " + Long.parseLong(object.group(2)), Long.parseLong(object.group(3)));
            } catch (NumberFormatException e) {
                // not a length
            }
        }
        return numbers;
    }

    private static List<String> filters(String dictionary) {
        Matcher filter = FILTER.matcher(dictionary);
        List<String> names = new ArrayList<>();
        if (filter.find()) {
            Matcher name = NAME.matcher(filter.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /**
     * How many bytes the stream decodes to through its filters, refusing it past {@code ceiling}. Picture codecs end
     * the count (text extraction does not decode pictures); a stream that does not decode counts what it gave, as
     * PDFBox too stops at the damage.
     */
    static long decodedSize(InputStream raw, List<String> filters, long ceiling) {
        try {
            InputStream in = raw;
            long size = 0;
            for (int i = 0; i < filters.size(); i++) {
                String filter = canonical(filters.get(i));
                if (filter == null) {
                    return size;
                }
                boolean last = i == filters.size() - 1;
                Capped out = new Capped(ceiling, !last);
                decode(filter, in, out);
                size = out.count;
                if (!last) {
                    in = new ByteArrayInputStream(out.kept.toByteArray());
                }
            }
            return size;
        } catch (Capped.Exceeded e) {
            throw new RefusedFileException(bomb());
        }
    }

    /** The filter's full name, or null for a picture codec or an unknown name (not decoded for text). */
    private static String canonical(String name) {
        return switch (name) {
            case "FlateDecode", "Fl" -> "FlateDecode";
            case "LZWDecode", "LZW" -> "LZWDecode";
            case "ASCII85Decode", "A85" -> "ASCII85Decode";
            case "ASCIIHexDecode", "AHx" -> "ASCIIHexDecode";
            case "RunLengthDecode", "RL" -> "RunLengthDecode";
            default -> null;
        };
    }

    private static void decode(String filter, InputStream in, Capped out) {
        if (filter.equals("FlateDecode")) {
            inflate(in, out);
            return;
        }
        try {
            FilterFactory.INSTANCE.getFilter(filter).decode(in, out, new COSDictionary(), 0);
        } catch (Capped.Exceeded e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // damaged data: what was decoded so far is what a reader gets
        }
    }

    /** zlib as PDF readers take it: to the end of the data or the first error, whichever comes first. */
    private static void inflate(InputStream in, Capped out) {
        Inflater inflater = new Inflater();
        try {
            byte[] input = new byte[64 * 1024];
            byte[] output = new byte[256 * 1024];
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    int read = in.read(input);
                    if (read < 0) {
                        return;
                    }
                    inflater.setInput(input, 0, read);
                }
                int n = inflater.inflate(output);
                out.write(output, 0, n);
                if (n == 0 && (inflater.needsDictionary() || (!inflater.needsInput() && !inflater.finished()))) {
                    return;
                }
            }
        } catch (DataFormatException | IOException e) {
            // as above: the damage ends the stream
        } finally {
            inflater.end();
        }
    }

    static String bomb() {
        return "В файле PDF есть сжатые данные, которые после распаковки оказались бы огромными (похоже на «бомбу»): "
                + "такой файл не принимается. Сохраните (или напечатайте) документ в PDF заново.";
    }

    /** Counts what a filter writes, keeping it only when another filter reads it next; past the ceiling it stops. */
    private static final class Capped extends OutputStream {

        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }

        private final long ceiling;
        private final ByteArrayOutputStream kept;
        long count;

        Capped(long ceiling, boolean keep) {
            this.ceiling = ceiling;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            if (count > ceiling) {
                throw new Exceeded();
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }
    }
}

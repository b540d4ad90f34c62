package ru.rsoko.meeting.protocol;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import ru.rsoko.platform.file.FileInspection;
import ru.rsoko.platform.file.RefusedFileException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The text layer of an uploaded PDF, in reading order: PDFBox's text stripper sorting the glyphs by position, so that
 * a line's pieces (a two-column header, a number and its text drawn apart) are one line; pages follow each other
 * line by line, their page numbers and running heads kept (the parser knows page furniture). A paragraph that the
 * page wrapped is one line again where the geometry shows it ({@link PdfLines}). Nothing of the text is dropped. A PDF
 * without text (a scan) is refused with what to do instead.
 *
 * <p>Limits: the file passes {@link FileInspection#pdf} first (cut files, decompression bombs); at most
 * {@value #MAX_PAGES} pages; PDFBox's scratch space is 16 MB of memory and then at most 256 MB of temporary files;
 * the text may not outgrow a protocol's 500,000 characters, and reading it stops after {@value #MAX_OPERATORS}
 * drawing operators or {@value #MAX_SECONDS} seconds.
 */
final class PdfText {

    static final int MAX_PAGES = 300;
    static final long MAX_OPERATORS = 20_000_000;
    static final int MAX_SECONDS = 30;

    static final String SCANNED = "В файле PDF нет текстового слоя: похоже, это скан. Распознайте текст (OCR) или "
            + "загрузите .docx, .doc или текст протокола.";
    static final String NO_TEXT = "В файле PDF нет текста: страницы пусты или буквы превращены в рисунок. Распознайте "
            + "текст (OCR) или загрузите .docx, .doc или текст протокола.";
    static final String ENCRYPTED = "Документ PDF защищён паролем на открытие: снимите пароль (откройте его и "
            + "сохраните или напечатайте в PDF без пароля) или загрузите .docx, .doc или текст протокола.";
    static final String DAMAGED = "Файл PDF повреждён и не читается. Откройте его и сохраните (или напечатайте) в PDF "
            + "заново, или загрузите .docx, .doc или текст протокола.";
    static final String TOO_COMPLEX = "Страницы PDF слишком сложные для протокола (тысячи тысяч элементов рисунка): "
            + "загрузите .docx, .doc или текст протокола.";

    private PdfText() {
    }

    static String read(byte[] bytes) {
        try {
            FileInspection.pdf(bytes);
        } catch (RefusedFileException e) {
            throw new ProtocolFormatException(e.getMessage());
        }
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMixed(16L * 1024 * 1024, 256L * 1024 * 1024).streamCache)) {
            if (document.isEncrypted()) {
                // decrypted only now: the inspection before could not see into these streams
                checkStreams(document);
            }
            int pages = document.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw new ProtocolFormatException("В файле PDF " + pages + " страниц: это не похоже на один протокол "
                        + "(до " + MAX_PAGES + " страниц). Загрузите один протокол.");
            }
            if (pages == 0) {
                throw new ProtocolFormatException(NO_TEXT);
            }
            Stripper stripper = new Stripper();
            stripper.writeText(document, new Bounded());
            String text = ProtocolFiles.clean(PdfLines.join(stripper.lines));
            if (text.isBlank()) {
                throw new ProtocolFormatException(hasPictures(document) ? SCANNED : NO_TEXT);
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new ProtocolFormatException(ENCRYPTED, e);
        } catch (ProtocolFormatException e) {
            throw e;
        } catch (RefusedFileException e) {
            throw new ProtocolFormatException(e.getMessage());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // PDFBox reports broken structure with IOExceptions and runtime exceptions of its own; a cycle of forms
            // or a deep nesting may end in a StackOverflowError, which leaves nothing behind but this request
            throw new ProtocolFormatException(DAMAGED, e);
        }
    }

    /** An encrypted document's streams, decrypted, under the same ceiling as an open one's. */
    private static void checkStreams(PDDocument document) throws IOException {
        for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            if (object != null && object.getObject() instanceof COSStream stream
                    && !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                try (InputStream raw = stream.createRawInputStream()) {
                    FileInspection.pdfStream(raw, filters(stream.getFilters()));
                }
            }
        }
    }

    private static List<String> filters(COSBase filters) {
        List<String> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name.getName());
        } else if (filters instanceof COSArray array) {
            for (COSBase item : array) {
                if (item instanceof COSName name) {
                    names.add(name.getName());
                }
            }
        }
        return names;
    }

    /** Whether a page shows a picture: a scan is pictures without text. */
    private static boolean hasPictures(PDDocument document) throws IOException {
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One line of a page as PDFBox put it together, with where it starts and ends. */
    record Line(String text, int page, float startX, float secondX, float endX, float y, float firstWordWidth,
                float spaceWidth) {
    }

    /**
     * Collects the lines with their geometry instead of writing them out: whether a line break is the paragraph's
     * end or only where the line was full can be told from where the lines end, and only here.
     */
    private static final class Stripper extends PDFTextStripper {

        private final long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
        private final List<Line> lines = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private long operators;
        private int words;
        private float startX;
        private float secondX;
        private float endX;
        private float y;
        private float firstWordWidth;
        private float spaceWidth;

        Stripper() {
            setSortByPosition(true);
            setLineSeparator("\n");
            setPageStart("");
            setPageEnd("\n");
            setParagraphStart("");
            setParagraphEnd("");
            setEndPage(MAX_PAGES);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (++operators > MAX_OPERATORS || (operators % 4096 == 0 && System.nanoTime() > deadline)) {
                throw new ProtocolFormatException(TOO_COMPLEX);
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            super.writeString(text, positions);
            current.append(text);
            if (positions.isEmpty()) {
                return;
            }
            TextPosition first = positions.getFirst();
            TextPosition last = positions.getLast();
            float end = last.getXDirAdj() + last.getWidthDirAdj();
            if (words == 0) {
                startX = first.getXDirAdj();
                secondX = Float.NaN;
                y = first.getYDirAdj();
                firstWordWidth = end - startX;
                spaceWidth = first.getWidthOfSpace();
                endX = end;
            } else if (words == 1) {
                secondX = first.getXDirAdj();
            }
            endX = Math.max(endX, end);
            words++;
        }

        @Override
        protected void writeWordSeparator() throws IOException {
            super.writeWordSeparator();
            current.append(' ');
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            super.writeLineSeparator();
            closeLine();
        }

        @Override
        protected void writePageEnd() throws IOException {
            super.writePageEnd();
            closeLine();
        }

        private void closeLine() {
            if (!current.isEmpty() && words > 0) {
                lines.add(new Line(current.toString(), getCurrentPageNo(), startX, secondX, endX, y, firstWordWidth,
                        spaceWidth));
            } else if (!current.toString().isBlank()) {
                lines.add(new Line(current.toString(), getCurrentPageNo(), Float.NaN, Float.NaN, Float.NaN, Float.NaN,
                        Float.NaN, Float.NaN));
            }
            current.setLength(0);
            words = 0;
        }
    }

    /** The text as it comes, refused as soon as it is longer than a protocol can be. */
    private static final class Bounded extends Writer {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
            if (text.length() > DocxText.MAX_TEXT * 2) {
                throw new ProtocolFormatException(DocxText.TOO_LONG);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}

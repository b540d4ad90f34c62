package ru.rsoko.platform;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The hostile and malformed .pdf and .doc files of {@link HostileUploadsTest}, which the protocol import reads since
 * issue 16: built in code (a sound .doc is only made by Word or LibreOffice, so the .doc cases alter the committed
 * fixture src/test/resources/protocols/files/seed-002.doc). {@code attachable}: an attachment endpoint keeps the
 * file (it checks a .pdf's signature and a .doc's container only, and serves either as a download, never reading it).
 */
final class HostileDocuments {

    static final String PDF = "application/pdf";
    static final String DOC = "application/msword";

    private HostileDocuments() {
    }

    static List<HostileFiles.Hostile> corpus() {
        return List.of(
                pdf("PDF: a content stream that inflates to 256 MB (decompression bomb)", "бомба.pdf", HostileDocuments::contentBomb, true),
                pdf("PDF: the bomb behind a planted «endstream» and its real /Length", "бомба2.pdf", HostileDocuments::plantedEndstream, true),
                pdf("PDF: the bomb in a file encrypted with the owner's password only (opens without one)", "бомба3.pdf",
                        HostileDocuments::encryptedBomb, true),
                pdf("PDF: cut in half", "обрезан.pdf", () -> Arrays.copyOf(textPdf(), textPdf().length / 2), true),
                pdf("PDF: encrypted, a password needed to open", "пароль.pdf", () -> encrypted("secret"), true),
                pdf("PDF: a scan (a picture, no text layer)", "скан.pdf", HostileDocuments::scan, true),
                pdf("PDF: 400 pages", "страницы.pdf", () -> pages(400), true),
                pdf("PDF: a page tree declaring 2^31 pages", "count.pdf", HostileDocuments::hugeCount, true),
                pdf("PDF: header and then garbage", "мусор.pdf", HostileDocuments::garbage, true),
                pdf("PDF: 200,000 nested arrays", "вложенность.pdf", HostileDocuments::nested, true),
                pdf("PDF: JavaScript on opening and an embedded .exe, no protocol in it", "скрипт.pdf", HostileDocuments::scripted, true),
                doc(".doc: encrypted (the FIB's fEncrypted)", "пароль.doc", () -> fib(10, 0x0100), true),
                doc(".doc: declaring 100,000,000 characters of text", "длинный.doc", () -> fib(76, 100_000_000), true),
                doc(".doc: Word 6/95 (wIdent 0xA5DC)", "word95.doc", () -> fib(0, 0xA5DC), true),
                doc(".doc: an .xls renamed", "таблица.doc", () -> ole2(Map.of("Workbook", new byte[4096])), true),
                doc(".doc: with a macro storage", "макрос.doc", HostileDocuments::macros, false),
                doc(".doc: cut in half", "обрезан.doc", () -> Arrays.copyOf(seedDoc(), seedDoc().length / 2), false));
    }

    private static HostileFiles.Hostile pdf(String title, String name, Supplier<byte[]> content, boolean attachable) {
        return new HostileFiles.Hostile(title, name, PDF, cached(title, content), attachable);
    }

    private static HostileFiles.Hostile doc(String title, String name, Supplier<byte[]> content, boolean attachable) {
        return new HostileFiles.Hostile(title, name, DOC, cached(title, content), attachable);
    }

    private static final Map<String, byte[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    /** The files the cases are made from, apart: a case's computeIfAbsent may not fill the same map again. */
    private static final Map<String, byte[]> BASES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Supplier<byte[]> cached(String key, Supplier<byte[]> content) {
        return () -> CACHE.computeIfAbsent(key, k -> content.get());
    }

    // ---- PDF

    /** A one-page PDF in Latin letters (the standard fonts have no Cyrillic): no protocol in it. */
    static byte[] textPdf() {
        return BASES.computeIfAbsent("text pdf", k -> {
            try (PDDocument document = new PDDocument()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 720);
                    content.showText("Minutes of the meeting. Nothing to decide.");
                    content.endText();
                }
                return save(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A PDF written by hand around one page whose content stream is the given bytes with the given dictionary. */
    private static byte[] rawPdf(String contentDictionary, byte[] contentData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] offsets = new int[5];
        write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        offsets[1] = out.size();
        write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets[2] = out.size();
        write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets[3] = out.size();
        write(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
        offsets[4] = out.size();
        write(out, "4 0 obj\n" + contentDictionary + "\nstream\n");
        out.writeBytes(contentData);
        write(out, "\nendstream\nendobj\n");
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
        for (int i = 1; i < 5; i++) {
            table.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        write(out, table + "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** 256 MB of spaces deflated to about 1 MB as a page's content: PDFBox would decode it whole into memory. */
    private static byte[] contentBomb() {
        byte[] deflated = deflatedSpaces(256);
        return rawPdf("<< /Length " + deflated.length + " /Filter /FlateDecode >>", deflated);
    }

    /**
     * The same bomb, its data starting with a stored zlib block that holds the word «endstream»: a scanner stopping
     * at the first «endstream» would see a few harmless bytes, PDFBox reads all /Length bytes.
     */
    private static byte[] plantedEndstream() {
        byte[] bomb = deflatedSpaces(256);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        // zlib header, then a stored (uncompressed) non-final block of 11 bytes: «\nendstream\n»
        data.writeBytes(new byte[]{0x78, 0x01, 0x00, 11, 0, (byte) ~11, (byte) 0xFF});
        write(data, "\nendstream\n");
        // the rest of the bomb as raw deflate blocks (its zlib header stripped)
        data.write(bomb, 2, bomb.length - 2);
        byte[] bytes = data.toByteArray();
        return rawPdf("<< /Length " + bytes.length + " /Filter /FlateDecode >>", bytes);
    }

    private static byte[] deflatedSpaces(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_SPEED), 64 * 1024)) {
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                deflate.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The bomb's stream encrypted: only the reader, after opening, sees what it decodes to. */
    private static byte[] encryptedBomb() {
        try (PDDocument document = Loader.loadPDF(contentBomb())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encrypted(String userPassword) {
        try (PDDocument document = Loader.loadPDF(textPdf())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] scan() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY);
            new Random(11).ints(200 * 280, 0, 255).forEach(new java.util.function.IntConsumer() {
                int i;

                @Override
                public void accept(int v) {
                    image.getRaster().setSample(i % 200, i / 200, 0, v);
                    i++;
                }
            });
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, image), 0, 0, 595, 842);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pages(int count) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hugeCount() {
        String pdf = new String(rawPdf("<< /Length 2 >>", "BT".getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
        // the cross-reference offsets after it shift: readers rebuild the table, as they do for many real files
        return pdf.replace("/Count 1 >>", "/Count 2147483647").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] garbage() {
        byte[] noise = new byte[64 * 1024];
        new Random(13).nextBytes(noise);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        out.writeBytes(noise);
        write(out, "\n%%EOF\n");
        return out.toByteArray();
    }

    private static byte[] nested() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        String pdf = new String(rawPdf("<< /Length 2 >>", "BT".getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
        return pdf.replace("/MediaBox [0 0 595 842]", "/MediaBox [0 0 595 842] /Deep " + deep)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] scripted() {
        try (PDDocument document = Loader.loadPDF(textPdf())) {
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello'); this.exportDataObject({cName: 'x.exe', nLaunch: 2});"));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("x.exe");
            byte[] exe = new byte[512];
            exe[0] = 'M';
            exe[1] = 'Z';
            spec.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream(exe)));
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("x.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- .doc

    /** The committed seed protocol as Word 97–2003 (made by LibreOffice, see its folder's README). */
    static byte[] seedDoc() {
        return BASES.computeIfAbsent("seed doc", k -> {
            try (InputStream in = HostileDocuments.class.getResourceAsStream("/protocols/files/seed-002.doc")) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The seed .doc with a field of its WordDocument stream's FIB set (a 16-bit field ORed, a 32-bit one replaced). */
    private static byte[] fib(int offset, int value) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(seedDoc()))) {
            byte[] word;
            try (InputStream in = fs.createDocumentInputStream("WordDocument")) {
                word = in.readAllBytes();
            }
            if (offset == 76) {
                word[76] = (byte) value;
                word[77] = (byte) (value >> 8);
                word[78] = (byte) (value >> 16);
                word[79] = (byte) (value >> 24);
            } else if (offset == 0) {
                word[0] = (byte) value;
                word[1] = (byte) (value >> 8);
            } else {
                word[offset] |= (byte) value;
                word[offset + 1] |= (byte) (value >> 8);
            }
            fs.createOrUpdateDocument(new ByteArrayInputStream(word), "WordDocument");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] macros() {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(seedDoc()))) {
            fs.getRoot().createDirectory("Macros").createDocument("VBA", new ByteArrayInputStream(new byte[1024]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ole2(Map<String, byte[]> streams) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Map.Entry<String, byte[]> stream : streams.entrySet()) {
                fs.createDocument(new ByteArrayInputStream(stream.getValue()), stream.getKey());
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}

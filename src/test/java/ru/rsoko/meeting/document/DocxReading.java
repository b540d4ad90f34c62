package ru.rsoko.meeting.document;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads a written .docx back the way a person reads it: paragraphs top to bottom, a table's cells left to right. */
final class DocxReading {

    private DocxReading() {
    }

    interface Writer<M> {
        void write(M model, java.io.OutputStream out) throws IOException;
    }

    static <M> byte[] bytes(Writer<M> writer, M model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static XWPFDocument open(byte[] docx) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(docx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every paragraph of the body in reading order, those inside layout tables included. */
    static List<XWPFParagraph> paragraphs(XWPFDocument document) {
        List<XWPFParagraph> paragraphs = new ArrayList<>();
        for (IBodyElement element : document.getBodyElements()) {
            collect(element, paragraphs);
        }
        return paragraphs;
    }

    /** The text of every paragraph that has any, in reading order. */
    static List<String> lines(XWPFDocument document) {
        return paragraphs(document).stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
    }

    static List<String> lines(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
    }

    static XWPFParagraph paragraphWithText(XWPFDocument document, String text) {
        return paragraphs(document).stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph «" + text + "» in " + lines(document)));
    }

    static List<XWPFRun> runsWithText(XWPFDocument document) {
        return paragraphs(document).stream().flatMap(p -> p.getRuns().stream())
                .filter(r -> r.text() != null && !r.text().isBlank()).toList();
    }

    /** Parses every XML part of the package with the JDK's strict XML 1.0 parser, as Word would refuse a bad one. */
    static void assertEveryPartIsWellFormedXml(byte[] docx) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        int parts = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")) {
                    factory.newSAXParser().parse(new ByteArrayInputStream(zip.readAllBytes()), new DefaultHandler());
                    parts++;
                }
            }
        }
        if (parts == 0) {
            throw new AssertionError("no XML parts in the package");
        }
    }

    private static void collect(IBodyElement element, List<XWPFParagraph> into) {
        if (element instanceof XWPFParagraph paragraph) {
            into.add(paragraph);
        } else if (element instanceof XWPFTable table) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    for (IBodyElement inner : cell.getBodyElements()) {
                        collect(inner, into);
                    }
                }
            }
        }
    }
}

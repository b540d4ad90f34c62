package ru.rsoko.platform.docx;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An A4 Word document set up as a Russian official document (margins 30/15/20/20 mm, Times New Roman 14 pt,
 * single spacing, Russian as the proofing language), and the blocks the protocol and the letter share: the
 * letterhead, borderless layout tables and the signature line.
 */
public final class OfficialDocx {

    public static final String FONT = HouseStyle.FONT;
    public static final int BODY_PT = HouseStyle.BODY_PT;
    public static final int SMALL_PT = 12;

    public static final int A4_WIDTH = 11906;
    public static final int A4_HEIGHT = 16838;
    public static final int MARGIN_LEFT = twipsFromMm(30);
    public static final int MARGIN_RIGHT = twipsFromMm(15);
    public static final int MARGIN_TOP = twipsFromMm(20);
    public static final int MARGIN_BOTTOM = twipsFromMm(20);
    public static final int TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    /** The file's title as Word and file managers show it; a subject of any length is cut there. */
    private static final int MAX_TITLE = 250;

    private final XWPFDocument document = new XWPFDocument();
    private boolean pageNumbers;

    public OfficialDocx(String title) {
        HouseStyle.applyDefaults(document);
        String cleanTitle = Wording.clean(title).replace('\n', ' ');
        document.getProperties().getCoreProperties()
                .setTitle(cleanTitle.length() > MAX_TITLE ? cleanTitle.substring(0, MAX_TITLE) + "…" : cleanTitle);
        document.getProperties().getCoreProperties().setCreator("РСОКО");
    }

    public static int twipsFromMm(double mm) {
        return HouseStyle.twipsFromMm(mm);
    }

    public Para paragraph() {
        return new Para(document.createParagraph());
    }

    /** A new cell comes with one empty paragraph: the cell's first text goes there, later text after it. */
    public static Para paragraph(XWPFTableCell cell) {
        List<XWPFParagraph> paragraphs = cell.getParagraphs();
        XWPFParagraph last = paragraphs.get(paragraphs.size() - 1);
        if (paragraphs.size() == 1 && last.getRuns().isEmpty()) {
            return new Para(last);
        }
        return new Para(cell.addParagraph());
    }

    /** Page numbers at the top centre from the second page on, as on multi-page Russian official documents. */
    public void numberPagesFromSecond() {
        pageNumbers = true;
    }

    /** Writes the document; the stream stays open, it belongs to the caller. */
    public void write(OutputStream out) throws IOException {
        try (document) {
            CTSectPr section = setUpPage();
            if (pageNumbers) {
                addPageNumbers(section);
            }
            document.write(out);
        }
    }

    /** A table without borders that only places text side by side; its cells have no padding of their own. */
    public XWPFTable layoutTable(int... columnWidths) {
        List<IBodyElement> body = document.getBodyElements();
        if (!body.isEmpty() && body.get(body.size() - 1) instanceof XWPFTable) {
            paragraph(); // Word joins two tables that touch into one
        }
        XWPFTable table = document.createTable(1, columnWidths.length);
        table.setTopBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setBottomBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto");
        noCellPadding(table);
        table.setWidth(TEXT_WIDTH);
        table.setWidthType(TableWidthType.DXA);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid();
        if (grid == null) {
            grid = table.getCTTbl().addNewTblGrid();
        }
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int i = 0; i < columnWidths.length; i++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(columnWidths[i]));
            XWPFTableCell cell = table.getRow(0).getCell(i);
            cell.setWidth(String.valueOf(columnWidths[i]));
            cell.setWidthType(TableWidthType.DXA);
            cell.setVerticalAlignment(XWPFVertAlign.TOP);
        }
        return table;
    }

    /** POI leaves Word's default 1.9 mm left and right padding when asked for zero, so it is written out. */
    private static void noCellPadding(XWPFTable table) {
        CTTblPr properties = table.getCTTbl().getTblPr();
        if (properties.isSetTblCellMar()) {
            properties.unsetTblCellMar();
        }
        CTTblCellMar padding = properties.addNewTblCellMar();
        for (CTTblWidth side : List.of(padding.addNewTop(), padding.addNewLeft(), padding.addNewBottom(),
                padding.addNewRight())) {
            side.setW(BigInteger.ZERO);
            side.setType(STTblWidth.DXA);
        }
    }

    /**
     * The issuing organisation as on its blank: the name's lines bold and centred, then the contacts in 12 pt.
     * Only what the header has is shown; gives the block's last paragraph, if any.
     */
    public static Optional<Para> letterhead(Supplier<Para> next, OfficialHeader header) {
        if (header == null) {
            return Optional.empty();
        }
        Para last = null;
        for (String line : Wording.present(header.organisationLines())) {
            last = next.get().centred().bold(line);
        }
        boolean first = true;
        for (String contact : contacts(header)) {
            last = next.get().centred().spaceBefore(first ? 6 : 0).small(contact);
            first = false;
        }
        return Optional.ofNullable(last);
    }

    private static List<String> contacts(OfficialHeader header) {
        return Wording.present(Arrays.asList(
                header.address(), phoneLine(header.phone()), emailLine(header.email())));
    }

    /** «тел. (382 2) 512-530», unless the header already says how («тел/факс (382 2) 512-530»). */
    private static String phoneLine(String phone) {
        String p = Wording.clean(phone);
        return p.isEmpty() || Character.isLetter(p.charAt(0)) ? p : "тел. " + p;
    }

    private static String emailLine(String email) {
        String e = Wording.clean(email);
        return e.isEmpty() || e.toLowerCase(Locale.ROOT).contains("mail") ? e : "E-mail: " + e;
    }

    /** The position on the left and the name on the right, on the line of the position's last line. */
    public void signature(String position, String name, int spaceBeforePoints) {
        if (Wording.isBlank(position) && Wording.isBlank(name)) {
            return;
        }
        int nameWidth = TEXT_WIDTH * 2 / 5;
        XWPFTable table = layoutTable(TEXT_WIDTH - nameWidth, nameWidth);
        XWPFTableCell positionCell = table.getRow(0).getCell(0);
        XWPFTableCell nameCell = table.getRow(0).getCell(1);
        positionCell.setVerticalAlignment(XWPFVertAlign.BOTTOM);
        nameCell.setVerticalAlignment(XWPFVertAlign.BOTTOM);
        paragraph(positionCell).spaceBefore(spaceBeforePoints).text(position);
        paragraph(nameCell).spaceBefore(spaceBeforePoints).right().text(name);
    }

    private CTSectPr setUpPage() {
        var body = document.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setHeader(BigInteger.valueOf(twipsFromMm(10)));
        margins.setFooter(BigInteger.valueOf(twipsFromMm(10)));
        margins.setGutter(BigInteger.ZERO);
        return section;
    }

    private void addPageNumbers(CTSectPr section) {
        XWPFHeader first = document.createHeader(HeaderFooterType.FIRST);
        new Para(first.createParagraph());
        XWPFHeader others = document.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = others.createParagraph();
        new Para(paragraph).centred();
        CTSimpleField field = paragraph.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        CTR number = field.addNewR();
        CTRPr format = number.addNewRPr();
        format.addNewSz().setVal(BigInteger.valueOf(SMALL_PT * 2));
        number.addNewT().setStringValue("2");
        if (!section.isSetTitlePg()) {
            section.addNewTitlePg();
        }
    }
}

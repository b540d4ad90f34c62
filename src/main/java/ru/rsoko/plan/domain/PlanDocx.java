package ru.rsoko.plan.domain;

import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.docx.HouseStyle;
import ru.rsoko.platform.docx.RussianDates;

import static ru.rsoko.platform.docx.HouseStyle.twipsFromMm;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plan-schedule as the appendix of its order, in the house style of the official documents (Times New Roman,
 * Russian proofing, A4 — here landscape for the wide table): «Приложение к приказу … от 10.12.2020 № 1131/ПК» at
 * the top right («Проект» for a draft), the title centred, then the table of procedures with their periods written
 * as plans write them: «март – май 2021 года» for whole months, «15.03.2021 – 21.05.2021» otherwise.
 */
@Component
public class PlanDocx {

    static final String FONT = HouseStyle.FONT;
    static final int BODY_PT = HouseStyle.BODY_PT;
    static final int TABLE_PT = 12;

    private static final int A4_LONG = 16838;
    private static final int A4_SHORT = 11906;
    private static final int MARGIN_LEFT = twipsFromMm(20);
    private static final int MARGIN_RIGHT = twipsFromMm(15);
    private static final int MARGIN_TOP = twipsFromMm(20);
    private static final int MARGIN_BOTTOM = twipsFromMm(15);
    private static final int TEXT_WIDTH = A4_LONG - MARGIN_LEFT - MARGIN_RIGHT;
    private static final int CORNER_INDENT = TEXT_WIDTH - twipsFromMm(110);
    /** № п/п, Мероприятие, Сроки проведения, Классы, Участники, Ответственные — in parts of the text width. */
    private static final int[] COLUMNS = {5, 34, 17, 8, 20, 16};
    static final List<String> HEADERS = List.of("№ п/п", "Мероприятие", "Сроки проведения", "Классы", "Участники", "Ответственные");

    private static final String[] MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
            "сентябрь", "октябрь", "ноябрь", "декабрь"};

    private final PlanAccessService access;
    private final ProcedureRepository procedures;
    private final PlanWorkbook workbook;

    PlanDocx(PlanAccessService access, ProcedureRepository procedures, PlanWorkbook workbook) {
        this.access = access;
        this.procedures = procedures;
        this.workbook = workbook;
    }

    public static String fileName(Plan plan) {
        return "План-график " + plan.year() + (plan.isDraft() ? " (проект)" : "") + ".docx";
    }

    /** Writes the plan the user sees; anything else is «not found». The stream stays open. */
    @Transactional(readOnly = true)
    public void write(CurrentUser user, long planId, OutputStream out) throws IOException {
        Plan plan = access.planEntity(user, planId).view();
        PlanWorkbook.Units units = workbook.units(plan.regionId());
        try (XWPFDocument document = new XWPFDocument()) {
            HouseStyle.applyDefaults(document);
            document.getProperties().getCoreProperties().setTitle(plan.title());
            document.getProperties().getCoreProperties().setCreator("РСОКО");
            corner(document, plan);
            XWPFParagraph title = paragraph(document);
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingBefore(12 * 20);
            title.setSpacingAfter(12 * 20);
            run(title, plan.title(), BODY_PT, true);
            table(document, procedures.findByPlan(plan.id()).stream().map(ProcedureEntity::view).toList(), units);
            page(document);
            document.write(out);
        }
    }

    /** «Приложение к приказу Министерства … от 10.12.2020 № 1131/ПК», or «Проект» over a draft. */
    static String appendixWording(Plan plan) {
        if (plan.isDraft()) {
            return "Проект";
        }
        String issuer = plan.orderIssuer() == null ? "" : " " + plan.orderIssuer();
        return "Приложение к приказу" + issuer + " от " + RussianDates.shortDate(plan.orderDate()) + " № " + plan.orderNumber();
    }

    private static void corner(XWPFDocument document, Plan plan) {
        XWPFParagraph corner = paragraph(document);
        corner.setIndentationLeft(CORNER_INDENT);
        run(corner, appendixWording(plan), BODY_PT, plan.isDraft());
        if (plan.isDraft() && plan.orderWording() != null) {
            XWPFParagraph planned = paragraph(document);
            planned.setIndentationLeft(CORNER_INDENT);
            run(planned, "к " + plan.orderWording().replaceFirst("^приказ", "приказу"), BODY_PT, false);
        }
    }

    private static void table(XWPFDocument document, List<Procedure> list, PlanWorkbook.Units units) {
        XWPFTable table = document.createTable(list.size() + 1, COLUMNS.length);
        table.setWidth(TEXT_WIDTH);
        table.setWidthType(TableWidthType.DXA);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        int total = 0;
        for (int c : COLUMNS) {
            total += c;
        }
        int[] widths = new int[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            widths[i] = TEXT_WIDTH * COLUMNS[i] / total;
            grid.addNewGridCol().setW(BigInteger.valueOf(widths[i]));
        }
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int i = 0; i < HEADERS.size(); i++) {
            cell(header.getCell(i), widths[i], HEADERS.get(i), true, true);
        }
        for (int r = 0; r < list.size(); r++) {
            Procedure p = list.get(r);
            XWPFTableRow row = table.getRow(r + 1);
            cell(row.getCell(0), widths[0], (r + 1) + ".", false, true);
            XWPFTableCell event = cell(row.getCell(1), widths[1], p.title(), false, false);
            if (!PlanWorkbook.key(p.title()).contains(PlanWorkbook.key(p.typeName()))) {
                XWPFParagraph kind = event.addParagraph();
                plain(kind);
                run(kind, "(" + p.typeName() + ")", TABLE_PT, false).setItalic(true);
            }
            cell(row.getCell(2), widths[2], period(p.periodStart(), p.periodEnd()), false, true);
            cell(row.getCell(3), widths[3], p.gradesText().isEmpty() ? "—" : p.gradesText(), false, true);
            cell(row.getCell(4), widths[4], participants(p, units), false, false);
            cell(row.getCell(5), widths[5], p.responsibleName() == null ? "—" : p.responsibleName(), false, false);
        }
    }

    private static String participants(Procedure p, PlanWorkbook.Units units) {
        return switch (p.participants()) {
            case ALL_SCHOOLS -> "Все общеобразовательные организации";
            case MUNICIPALITIES -> "ОО муниципальных образований: " + p.participantIds().stream().map(units::label).sorted()
                    .collect(Collectors.joining(", "));
            case SCHOOLS -> p.participantIds().stream().map(units::label).sorted().collect(Collectors.joining(", "));
        };
    }

    /**
     * «октябрь 2021 года», «март – май 2021 года», «декабрь 2021 – январь 2022 года» for whole months;
     * «15.03.2021 – 21.05.2021» for other periods, «15.03.2021» for a single day.
     */
    static String period(LocalDate start, LocalDate end) {
        boolean wholeMonths = start.getDayOfMonth() == 1 && end.equals(YearMonth.from(end).atEndOfMonth());
        if (wholeMonths) {
            String from = MONTHS[start.getMonthValue() - 1];
            String to = MONTHS[end.getMonthValue() - 1];
            if (YearMonth.from(start).equals(YearMonth.from(end))) {
                return from + " " + end.getYear() + " года";
            }
            return start.getYear() == end.getYear()
                    ? from + " – " + to + " " + end.getYear() + " года"
                    : from + " " + start.getYear() + " – " + to + " " + end.getYear() + " года";
        }
        if (start.equals(end)) {
            return RussianDates.shortDate(start);
        }
        return RussianDates.shortDate(start) + " – " + RussianDates.shortDate(end);
    }

    private static XWPFTableCell cell(XWPFTableCell cell, int width, String text, boolean bold, boolean centred) {
        cell.setWidth(String.valueOf(width));
        cell.setWidthType(TableWidthType.DXA);
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.TOP);
        XWPFParagraph paragraph = cell.getParagraphs().getFirst();
        plain(paragraph);
        if (centred) {
            paragraph.setAlignment(ParagraphAlignment.CENTER);
        }
        run(paragraph, text, TABLE_PT, bold);
        return cell;
    }

    private static XWPFParagraph paragraph(XWPFDocument document) {
        XWPFParagraph paragraph = document.createParagraph();
        plain(paragraph);
        return paragraph;
    }

    private static void plain(XWPFParagraph paragraph) {
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        paragraph.setAlignment(ParagraphAlignment.LEFT);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, int points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        if (bold) {
            run.setBold(true);
        }
        run.setFontSize(points);
        String[] lines = (text == null ? "" : text.strip()).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i].strip(), i);
        }
        return run;
    }

    private static void page(XWPFDocument document) {
        var body = document.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_LONG));
        size.setH(BigInteger.valueOf(A4_SHORT));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setHeader(BigInteger.valueOf(twipsFromMm(10)));
        margins.setFooter(BigInteger.valueOf(twipsFromMm(10)));
        margins.setGutter(BigInteger.ZERO);
    }
}

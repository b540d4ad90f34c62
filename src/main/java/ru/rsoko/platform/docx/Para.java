package ru.rsoko.platform.docx;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * One paragraph of an official document, written fluently: single spacing, no space after, Times New Roman on
 * every run. Text goes through {@link Wording#clean}, and a '\n' in it becomes a line break inside the paragraph
 * (as in a position «Заместитель начальника\nдепартамента»).
 */
public final class Para {

    /** 1.25 cm, the first-line indent of Russian official text. */
    public static final int FIRST_LINE_INDENT = OfficialDocx.twipsFromMm(12.5);

    private final XWPFParagraph paragraph;

    public Para(XWPFParagraph paragraph) {
        this.paragraph = paragraph;
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        paragraph.setAlignment(ParagraphAlignment.LEFT);
    }

    public Para centred() {
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        return this;
    }

    public Para right() {
        paragraph.setAlignment(ParagraphAlignment.RIGHT);
        return this;
    }

    public Para justified() {
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        return this;
    }

    public Para firstLineIndent() {
        paragraph.setIndentationFirstLine(FIRST_LINE_INDENT);
        return this;
    }

    public Para indentLeft(int twips) {
        paragraph.setIndentationLeft(twips);
        return this;
    }

    public Para spaceBefore(int points) {
        paragraph.setSpacingBefore(points * 20);
        return this;
    }

    public Para spaceAfter(int points) {
        paragraph.setSpacingAfter(points * 20);
        return this;
    }

    /** Keeps this paragraph on the page of the next one: a heading with its first line, a decision with its «Срок». */
    public Para keepWithNext() {
        paragraph.setKeepNext(true);
        return this;
    }

    public Para pageBreakBefore() {
        paragraph.setPageBreak(true);
        return this;
    }

    public Para ruleBelow() {
        paragraph.setBorderBottom(Borders.SINGLE);
        return this;
    }

    public Para text(String text) {
        return run(text, OfficialDocx.BODY_PT, false);
    }

    public Para bold(String text) {
        return run(text, OfficialDocx.BODY_PT, true);
    }

    public Para small(String text) {
        return run(text, OfficialDocx.SMALL_PT, false);
    }

    public Para run(String text, int points, boolean bold) {
        String clean = Wording.clean(text);
        return clean.isEmpty() ? this : addRun(clean, points, bold);
    }

    /** A run that keeps its leading space: «ПРЕДСЕДАТЕЛЬ:» bold, then « Вторина …» plain. */
    public Para textAfter(String separator, String text) {
        String clean = Wording.clean(text);
        return clean.isEmpty() ? this : addRun(separator + clean, OfficialDocx.BODY_PT, false);
    }

    private Para addRun(String clean, int points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        // in the order of the schema (rFonts, b, sz): POI appends run properties as they are set
        run.setFontFamily(OfficialDocx.FONT);
        if (bold) {
            run.setBold(true);
        }
        run.setFontSize(points);
        String[] lines = clean.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(i == 0 ? lines[i].stripTrailing() : lines[i].strip(), i);
        }
        return this;
    }
}

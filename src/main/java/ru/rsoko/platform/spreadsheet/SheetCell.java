package ru.rsoko.platform.spreadsheet;

/**
 * One cell of an uploaded sheet as the import needs it: what kind of value the user typed and its text.
 * Formulas are reported as such, never silently evaluated: an import decides whether it accepts them.
 */
public record SheetCell(Kind kind, String text, Double number) {

    public enum Kind {BLANK, TEXT, NUMBER, BOOLEAN, FORMULA, ERROR}

    public static final SheetCell BLANK = new SheetCell(Kind.BLANK, "", null);

    public boolean isBlank() {
        return kind == Kind.BLANK || (kind == Kind.TEXT && text.isBlank());
    }

    /** The value as the user sees it in Excel, trimmed; numbers without a trailing ".0". */
    public String value() {
        return text.strip();
    }
}

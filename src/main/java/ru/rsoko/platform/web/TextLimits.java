package ru.rsoko.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * How long a text people type may be, in one place for every module, so that pages and the API refuse the same
 * thing with the same words. Sized for a Russian education office: a name or title fits in {@value #NAME} characters
 * (an organisation's full name with its legal form is rarely over 300), a report, reason or comment in
 * {@value #TEXT} (about four typed pages; longer material is attached as a file), a link in {@value #URL}. A longer
 * text is refused with «Не больше N символов» naming the field, before anything is written.
 */
public final class TextLimits {

    /** Names, titles, positions, short one-line texts. */
    public static final int NAME = 500;

    /** Free text: reports, reasons, comments, wording, notes. */
    public static final int TEXT = 10_000;

    /** Links (the columns are varchar(2000)). */
    public static final int URL = 2_000;

    /** Codes and numbers typed by people (protocol and decision numbers, indicator codes). */
    public static final int CODE = 50;

    private TextLimits() {
    }

    /** The message for a text over its limit: «Не больше N символов» and the field it is about. */
    public static String message(int max, String label, int length) {
        return "Не больше " + max + " символов в поле «" + label + "» (сейчас " + length + ")";
    }

    /**
     * Refuses (400, on the form field {@code field}) a text over {@code max} characters or with a NUL character, which
     * no typed text has and PostgreSQL refuses; answers the text.
     */
    public static @Nullable String check(String field, String label, @Nullable String text, int max) {
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            throw RuleViolationException.field(field, message(max, label, text.length()));
        }
        if (Paging.hasNul(text)) {
            throw RuleViolationException.field(field, "Поле «" + label + "» содержит недопустимый символ (NUL)");
        }
        return text;
    }
}

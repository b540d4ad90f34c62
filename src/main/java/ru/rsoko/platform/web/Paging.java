package ru.rsoko.platform.web;

import org.jspecify.annotations.Nullable;

/** The bounds of the lists' shared parameters; {@link RequestParameters} holds every request to them. */
public final class Paging {

    /** The highest page number a list accepts (0-based): far beyond any real list, far below an overflow. */
    public static final int MAX_PAGE = 100_000;

    /** The most rows one page of the API gives. */
    public static final int MAX_SIZE = 500;

    /** The longest search text. */
    public static final int MAX_QUERY = 200;

    private Paging() {
    }

    /** Refuses (400) a page, size or search out of bounds; a value that is no number is left to binding (also 400). */
    public static void check(@Nullable String page, @Nullable String size, @Nullable String q) {
        Long p = number(page);
        if (p != null && (p < 0 || p > MAX_PAGE)) {
            throw RuleViolationException.field("page", "Номер страницы — от 0 до " + MAX_PAGE);
        }
        Long s = number(size);
        if (s != null && (s < 1 || s > MAX_SIZE)) {
            throw RuleViolationException.field("size", "Размер страницы — от 1 до " + MAX_SIZE);
        }
        if (q != null && q.length() > MAX_QUERY) {
            throw RuleViolationException.field("q", "Строка поиска — не длиннее " + MAX_QUERY + " символов");
        }
    }

    /** A NUL character: no typed text has one, and PostgreSQL refuses it in text (the query would fail). */
    public static boolean hasNul(@Nullable String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static @Nullable Long number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

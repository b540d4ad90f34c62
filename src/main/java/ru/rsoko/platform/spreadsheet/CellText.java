package ru.rsoko.platform.spreadsheet;

import org.jspecify.annotations.Nullable;

/**
 * Text as an Excel cell can hold it. Excel refuses a cell over {@value #MAX} characters (POI throws), so a longer
 * text stored before the limits existed — or written by a script straight into the database — would make every
 * export that shows it fail for good. Such a text is cut with a visible mark saying how much is missing; the page
 * of the record still shows it whole.
 */
public final class CellText {

    /** Excel's limit on the characters of one cell. */
    public static final int MAX = 32_767;

    private CellText() {
    }

    /** The text itself when it fits in a cell, otherwise its beginning and «… [сокращено: N символов]». */
    public static @Nullable String fit(@Nullable String text) {
        return shorten(text, MAX);
    }

    /** The text within {@code max} characters, the mark included: its beginning and how many characters are cut. */
    public static @Nullable String shorten(@Nullable String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        // the mark's length depends on the number it shows; reserve room for the largest possible number
        int room = max - mark(text.length()).length();
        int keep = Math.max(0, room);
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // never split a character outside the basic plane
        }
        return text.substring(0, keep) + mark(text.length() - keep);
    }

    private static String mark(int cut) {
        return "… [сокращено: " + cut + " " + symbols(cut) + "]";
    }

    private static String symbols(int n) {
        int lastTwo = n % 100;
        int last = n % 10;
        if (lastTwo >= 11 && lastTwo <= 14 || last == 0 || last >= 5) {
            return "символов";
        }
        return last == 1 ? "символ" : "символа";
    }
}

package ru.rsoko.meeting.protocol;

import java.util.Arrays;

/**
 * A text reduced to what a parser keeps of it whatever it cleans: its letters and digits, lower case, «ё» as «е»,
 * Latin look-alikes as Cyrillic, with every white space, line wrap, quote, markup sign and punctuation mark dropped
 * and a word hyphenated across a line («обра-\nзования») joined. Each kept character remembers where it stood in the
 * original, so that a piece found here is a piece of the original; and where a word (a run of letters, or of
 * digits) begins, so that a short wording is only found as whole words.
 */
final class FoldedText {

    /** The kept characters. */
    final String chars;
    /** {@code origin[k]}: the index in the original text of {@code chars[k]}. */
    private final int[] origin;
    /** The indices in {@link #chars} where words begin, ascending. */
    private final int[] words;

    private FoldedText(String chars, int[] origin, int[] words) {
        this.chars = chars;
        this.origin = origin;
        this.words = words;
    }

    static FoldedText of(String text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int[] origin = new int[n];
        int[] words = new int[n];
        int wordCount = 0;
        boolean broken = true;
        int previous = 0; // 0 nothing yet, 1 letter, 2 digit
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int type = Character.isDigit(c) ? 2 : 1;
                if (broken || type != previous) {
                    words[wordCount++] = out.length();
                }
                origin[out.length()] = i;
                out.append(fold(c));
                previous = type;
                broken = false;
            } else if (invisible(c)) {
                // a soft hyphen, a zero-width space or an accent mark («Втори́ной») is no break in a word
            } else if (isHyphen(c) && previous == 1 && !broken) {
                int j = i + 1;
                while (j < n && (Character.isWhitespace(text.charAt(j)) || Character.isSpaceChar(text.charAt(j))
                        || invisible(text.charAt(j)))) {
                    j++;
                }
                if (j < n && Character.isLetter(text.charAt(j))) {
                    i = j - 1; // «обра-\nзования», «Северо-Западный»: one word on both sides of any cleaning
                } else {
                    broken = true;
                }
            } else {
                broken = true;
            }
        }
        return new FoldedText(out.toString(), Arrays.copyOf(origin, out.length()), Arrays.copyOf(words, wordCount));
    }

    private static boolean invisible(char c) {
        int type = Character.getType(c);
        return c == '\u00ad' || type == Character.FORMAT || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static char fold(char c) {
        char l = Character.toLowerCase(c);
        return switch (l) {
            case 'ё' -> 'е';
            case 'a' -> 'а';
            case 'e' -> 'е';
            case 'o' -> 'о';
            case 'p' -> 'р';
            case 'c' -> 'с';
            case 'x' -> 'х';
            case 'y' -> 'у';
            case 'k' -> 'к';
            case 'm' -> 'м';
            case 't' -> 'т';
            case 'b' -> 'в';
            case 'h' -> 'н';
            default -> l;
        };
    }

    int length() {
        return chars.length();
    }

    /** The piece of the original from kept character {@code from} to {@code to} (exclusive), both kept. */
    Span span(int from, int to) {
        return new Span(origin[from], origin[to - 1] + 1);
    }

    /** The index in the original of kept character {@code k}; the original's length for the end. */
    int origin(int k, int originalLength) {
        return k < origin.length ? origin[k] : originalLength;
    }

    int wordCount() {
        return words.length;
    }

    int wordStart(int w) {
        return words[w];
    }

    int wordEnd(int w) {
        return w + 1 < words.length ? words[w + 1] : chars.length();
    }

    /** The first word beginning at or after kept character {@code k}. */
    int wordAtOrAfter(int k) {
        int i = Arrays.binarySearch(words, k);
        return i >= 0 ? i : -i - 1;
    }

    boolean isWordStart(int k) {
        return k >= chars.length() || Arrays.binarySearch(words, k) >= 0;
    }

    String word(int w) {
        return chars.substring(wordStart(w), wordEnd(w));
    }
}

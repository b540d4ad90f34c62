package ru.rsoko.platform.docx;

import ru.rsoko.platform.web.Plurals;
import java.util.List;
import java.util.Objects;

/**
 * The small rules of Russian official wording the documents share: what a text may contain, how a sentence and
 * a list item end, «» around titles, numbering, and the case of a noun after a number.
 */
public final class Wording {

    private Wording() {
    }

    /**
     * The text as it can go into a .docx: null becomes "", line ends become '\n', tabs become spaces, and
     * characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, because a
     * single one of them makes Word refuse the whole file.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                b.append('\n');
            } else if (c == '\n' || c == '\u000B' || c == '\f' || c == '\u2028' || c == '\u2029') {
                b.append('\n');
            } else if (c == '\t') {
                b.append(' ');
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else if (c >= 0x20 && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    public static boolean isBlank(String text) {
        return clean(text).isEmpty();
    }

    /** The non-blank entries of a possibly null list, cleaned. */
    public static List<String> present(List<String> texts) {
        if (texts == null) {
            return List.of();
        }
        return texts.stream().map(Wording::clean).filter(t -> !t.isEmpty()).toList();
    }

    public static <T> List<T> presentItems(List<T> items) {
        return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    }

    /**
     * The paragraphs of a text that may hold line ends. Justified text is split into paragraphs rather than
     * broken with line breaks, which Word would stretch across the whole line.
     */
    public static List<String> paragraphsOf(String text) {
        return clean(text).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Several parties in one sentence: «Иванов И.И., директор; Петров П.П., методист.» */
    public static String enumeration(List<String> parts) {
        List<String> present = present(parts);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < present.size(); i++) {
            b.append(i == 0 ? "" : " ").append(listItem(present.get(i), i == present.size() - 1));
        }
        return b.toString();
    }

    /** Ends the text as a sentence: «руководители ОО» → «руководители ОО.»; «…года;» → «…года.». */
    public static String sentence(String text) {
        String t = clean(text);
        if (t.isEmpty() || endsWithAny(t, ".!?…")) {
            return t;
        }
        if (endsWithAny(t, ";,:")) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        return t + ".";
    }

    /**
     * One line of a list as in seeds 002 and 004: every item ends with «;» and the last with «.». A period the
     * writer already put is replaced, unless it closes an abbreviation («и др.») that must keep it.
     */
    public static String listItem(String text, boolean last) {
        String t = clean(text);
        while (endsWithAny(t, ";,") || (t.endsWith(".") && !endsWithAbbreviation(t))) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        if (t.isEmpty()) {
            return t;
        }
        if (last) {
            return t.endsWith(".") ? t : t + ".";
        }
        return t + ";";
    }

    /** «семинара-совещания» → «Семинара-совещания» */
    public static String capitalised(String text) {
        String t = clean(text);
        return t.isEmpty() ? t : t.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + t.substring(1);
    }

    /** The title between «», whether or not the writer already quoted it. */
    public static String quoted(String title) {
        String t = clean(title);
        if (t.startsWith("«") && t.endsWith("»")) {
            return t;
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return "«" + t + "»";
    }

    /** «1. » from "1", "1." or, when the number is missing, the item's position. */
    public static String numberPrefix(String number, int position) {
        String n = clean(number);
        while (n.endsWith(".") || n.endsWith(")")) {
            n = n.substring(0, n.length() - 1).stripTrailing();
        }
        return (n.isEmpty() ? String.valueOf(position) : n) + ". ";
    }

    /** «№ 57-2751» from "57-2751" or "№ 57-2751"; a blank to fill in by hand when there is no number yet. */
    public static String numberSign(String number) {
        String n = clean(number);
        if (n.startsWith("№")) {
            n = n.substring(1).strip();
        }
        return "№ " + (n.isEmpty() ? "_____" : n);
    }

    /**
     * «представители 42 муниципальных образований (дистанционно)»: after «представители» the noun is genitive,
     * singular after 1, 21, 31 … (двадцати одного муниципального образования) and plural after any other number.
     */
    public static String municipalitiesRepresented(int count, boolean capital) {
        String noun = Plurals.word(count, "муниципального образования", "муниципальных образований",
                "муниципальных образований");
        return (capital ? "Представители " : "представители ") + count + " " + noun + " (дистанционно)";
    }

    private static boolean endsWithAny(String text, String characters) {
        return !text.isEmpty() && characters.indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /** «и др.», «т.д.», «г.»: the last word before the period is a short lowercase abbreviation or holds a dot. */
    private static boolean endsWithAbbreviation(String text) {
        String body = text.substring(0, text.length() - 1);
        String word = body.substring(body.lastIndexOf(' ') + 1);
        return !word.isEmpty() && (word.contains(".")
                || (word.length() <= 3 && word.chars().allMatch(Character::isLowerCase)));
    }
}

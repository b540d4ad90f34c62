package ru.rsoko.meeting.correction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people in speaker lines as a person types them into the draft («Вторина Елена Вениаминовна, заместитель
 * начальника …», «Е.В. Вторина»), as the corpus names them: surname and initials («Вторина Е.В.»). A line that names
 * no person («руководители МОУО») names no speaker. Case is taken as typed: people write names in the nominative.
 */
final class Speakers {

    private static final String WORD = "[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?";
    private static final Pattern FULL = Pattern.compile("^(" + WORD + ")\\s+([А-ЯЁ])[а-яё]+\\s+([А-ЯЁ])[а-яё]+(?![а-яё])");
    private static final Pattern SURNAME_INITIALS = Pattern.compile("^(" + WORD + ")\\s+([А-ЯЁ])\\.\\s*([А-ЯЁ])\\.?");
    private static final Pattern INITIALS_SURNAME = Pattern.compile("^([А-ЯЁ])\\.\\s*([А-ЯЁ])\\.\\s*(" + WORD + ")");

    private Speakers() {
    }

    static List<String> names(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            String name = name(line);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    static String name(String line) {
        String text = line.strip().replaceAll("\\s+", " ");
        Matcher m = SURNAME_INITIALS.matcher(text);
        if (m.find()) {
            return m.group(1) + " " + m.group(2) + "." + m.group(3) + ".";
        }
        m = INITIALS_SURNAME.matcher(text);
        if (m.find()) {
            return m.group(3) + " " + m.group(1) + "." + m.group(2) + ".";
        }
        m = FULL.matcher(text);
        if (m.find()) {
            return m.group(1) + " " + m.group(2) + "." + m.group(3) + ".";
        }
        return null;
    }
}

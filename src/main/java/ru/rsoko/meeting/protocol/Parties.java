package ru.rsoko.meeting.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the responsible parties of a decision, or the speakers of an agenda item, into one entry each:
 * «ТОИПКРО; руководители МОУО, руководители ОО» → three entries. Kept whole are a category with its list
 * («руководители МОУО: ЗАТО Северск, ГО Стрежевой, г.Томска, Томского района») and a person with the position
 * that follows the name («Панова Е.В., проректор по учебно-методической работе ТОИПКРО»), and a category with
 * its clause («руководители ОО, имеющих признаки ШНОР»). Remarks such as
 * «(выступление до 3 минут)» are taken out and returned apart, so they can be kept where a person sees them.
 */
final class Parties {

    /** The entries, and the remarks taken out of them as written («(выступление до 3 минут)»). */
    record Split(List<String> parties, List<String> remarks) {
    }

    private static final Pattern REMARK = Pattern.compile(
            "\\s*\\(([^()]*(?:мин\\.?|минут|выступлени|доклад|сообщени|по согласованию|дистанционно|онлайн|вкс|"
                    + "регламент|очно|заочно|при наличии|по возможности)[^()]*)\\)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Plural words that begin a category of people of its own, never a position or a clause. */
    private static final Set<String> CATEGORY_WORDS = Set.of("руководители", "заместители", "специалисты", "директора",
            "директоры", "педагоги", "учителя", "представители", "члены", "сотрудники", "методисты", "координаторы",
            "работники", "органы", "все", "начальники", "председатели", "эксперты", "наблюдатели", "родители",
            "классные", "муниципальные", "образовательные", "общеобразовательные", "школы");
    /** Organisations written in lower case: «управление образования», «отдел опеки». */
    private static final Pattern ORGANISATION = Pattern.compile(
            "^(?:управлени|отдел|комитет|центр|департамент|министерств|администраци|муниципальн|образовательн"
                    + "|общеобразовательн|школ|учреждени|организаци|служб|институт|учител|педагог).*");

    /**
     * A plural noun in the nominative («кураторы», «школы-наставники», «тьюторы»), or a plural adjective before one
     * («старшие воспитатели»), names people of its own; a position
     * after a name is singular («проректор»), a clause starts with a participle («имеющих») or a preposition.
     */
    private static final Pattern PLURAL_NOUN = Pattern.compile("^(?:[а-я]{3,}[ыи]|[а-я]{3,}(?:ые|ие))(?:-[а-я]+)?$");

    /** «классным руководителям», «педагогам-психологам»: a category addressed in the dative, of its own. */
    private static final Pattern PLURAL_DATIVE = Pattern.compile("^[а-я]{3,}(?:ам|ям|ым|им)(?:-[а-я]+)?$");
    /** «осуществляющим», «прошедшим», «назначенным»: a clause of the entry before, not a category. */
    private static final Pattern PARTICIPLE = Pattern.compile("(?:щ|вш|нн|ем|им)(?:им|ым)$|^(?:которым|им|ним)$");

    private Parties() {
    }

    static Split split(String text) {
        List<String> remarks = new ArrayList<>();
        Matcher m = REMARK.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            remarks.add("(" + m.group(1).strip() + ")");
            m.appendReplacement(rest, " ");
        }
        m.appendTail(rest);
        return new Split(responsible(rest.toString()), remarks);
    }

    /**
     * The responsible parties of a decision keep their remarks: «Общественная палата (по согласованию)» says the
     * party is not one the document can order, so it stays with that party.
     */
    static List<String> responsible(String text) {
        String cleaned = text.replaceAll("\\s{2,}", " ").replaceAll("\\s+(?=[.,;])", "");
        List<String> parties = new ArrayList<>();
        for (String chunk : splitTopLevel(ProtocolText.withoutEndPunctuation(cleaned), ';')) {
            parties.addAll(entries(ProtocolText.withoutEndPunctuation(ProtocolText.withoutBullet(chunk.strip()))));
        }
        parties.removeIf(String::isBlank);
        return parties;
    }

    /** Comma-separated entries before a category's «:»; what follows the «:» is that category's list. */
    private static List<String> entries(String chunk) {
        int colon = topLevelIndex(chunk, ':');
        String head = colon < 0 ? chunk : chunk.substring(0, colon);
        String list = colon < 0 ? "" : chunk.substring(colon);
        List<String> entries = new ArrayList<>();
        for (String piece : splitTopLevel(head, ',')) {
            String p = piece.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (!entries.isEmpty() && continuesEntry(p) && !Markers.PERSON.matcher(p).find()) {
                // «Галиева Б.Р., музыкальный руководитель Ершова А.П.», «воспитатели, медицинская сестра Осипова Л.И.»:
                // a person named is a party of their own; «Панова Е.В., проректор по …» is one person and a position
                int last = entries.size() - 1;
                entries.set(last, entries.get(last) + ", " + p);
            } else {
                entries.add(p);
            }
        }
        if (!list.isEmpty()) {
            if (entries.isEmpty()) {
                entries.add(list.substring(1).strip());
            } else {
                int last = entries.size() - 1;
                entries.set(last, entries.get(last) + list);
            }
        }
        return entries;
    }

    /**
     * A lower-case piece after a comma goes on with the entry before it: a person's position («Панова Е.В.,
     * проректор по …»), a clause («руководители ОО, имеющих признаки ШНОР»). A new category («руководители ОО») or
     * an organisation («управление образования») is an entry of its own.
     */
    static boolean continuesEntry(String piece) {
        if (!Character.isLowerCase(piece.charAt(0))) {
            return false;
        }
        String[] words = piece.split("[\\s:]+", 3);
        String first = words[0].toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (first.matches("[а-я]{1,4}\\.") && words.length > 1) {
            // «кл. руководители 1-х кл.»: a shortened adjective, then the category it qualifies
            String second = words[1].toLowerCase(Locale.ROOT).replace('ё', 'е');
            if (CATEGORY_WORDS.contains(second) || PLURAL_NOUN.matcher(second).matches()) {
                return false;
            }
        }
        return !CATEGORY_WORDS.contains(first) && !ORGANISATION.matcher(first).matches()
                && !PLURAL_NOUN.matcher(first).matches() && !(PLURAL_DATIVE.matcher(first).matches() && !PARTICIPLE.matcher(first).find());
    }

    private static List<String> splitTopLevel(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at : topLevelPositions(s, separator)) {
            parts.add(s.substring(from, at));
            from = at + 1;
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static int topLevelIndex(String s, char wanted) {
        List<Integer> positions = topLevelPositions(s, wanted);
        return positions.isEmpty() ? -1 : positions.get(0);
    }

    /** Where the character stands outside brackets and quotes: «(далее – МОУО, ОО)» is not split. */
    private static List<Integer> topLevelPositions(String s, char wanted) {
        List<Integer> positions = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '«' || c == '[') {
                depth++;
            } else if ((c == ')' || c == '»' || c == ']') && depth > 0) {
                depth--;
            } else if (c == wanted && depth == 0) {
                positions.add(i);
            }
        }
        return positions;
    }
}

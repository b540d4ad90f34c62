package ru.rsoko.meeting.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document's own date and number where the meeting's header gives none: an order's «24.11.2022 № 358» under
 * «ПРИКАЗ», a date line after the body as legal databases print it («24 ноября 2022 года», «N 358»). Only lines
 * that are requisites and nothing else count — never the date of an act cited in a sentence («в соответствии с
 * приказом от … № …»), a publication date or a deadline.
 */
final class Requisites {

    record Found(LocalDate date, String number) {
    }

    /** Words that make a date someone else's: a cited act, a deadline, a publication, an edition. */
    private static final Pattern FOREIGN = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:до|срок[а-яё]*|не позднее|в течение|опубликован[а-яё]*|публикаци[а-яё]*|размещен[а-яё]*"
                    + "|ред\\.|редакци[а-яё]*|изм\\.|изменени[а-яё]*|приказ[а-яё]*|письм[а-яё]*|постановлени[а-яё]*"
                    + "|распоряжени[а-яё]*|соответстви[а-яё]*|основани[а-яё]*|согласно|вход[а-яё]*|исх[а-яё.]*"
                    + "|на №|получен[а-яё]*|зарегистрир[а-яё]*|вступа[а-яё]*|принят[а-яё]*)(?![\\p{L}])");
    /** What may stand beside the date on a requisites line: «от», «г.», the town, «года». */
    private static final Pattern LEFTOVER = Pattern.compile(
            "(?iu)^(?:от|г\\.?|года|город|с\\.|п\\.|пос\\.|[А-ЯЁ][а-яё-]+|[,.;:–—\\s-])*$");

    private Requisites() {
    }

    /**
     * @param from      where the document begins (after a covering letter)
     * @param firstPart where its body begins: a number alone is only taken from around the header and the tail
     */
    static Found find(List<String> lines, int from, int firstPart) {
        // the header, then the tail after the body's last sentence (signature, place, date, number)
        int tail = lines.size();
        while (tail > firstPart && lines.size() - tail < TAIL_LINES && isTailLine(lines.get(tail - 1))) {
            tail--;
        }
        Found header = scan(lines, from, firstPart);
        Found after = scan(lines, Math.max(tail, firstPart), lines.size());
        return new Found(header.date() != null ? header.date() : after.date(),
                header.number() != null ? header.number() : after.number());
    }

    private static final int TAIL_LINES = 12;

    private static boolean isTailLine(String line) {
        return line.length() <= 80 && Markers.numbered(line).isEmpty() && !Markers.startsSection(line)
                && !Markers.RESPONSIBLE.matcher(line).matches() && !Markers.DEADLINE.matcher(line).matches()
                && !line.endsWith(".") || line.length() <= 40 && WrittenDates.findDate(line).isPresent();
    }

    private static Found scan(List<String> lines, int from, int to) {
        LocalDate date = null;
        String number = null;
        for (int i = from; i < to && (date == null || number == null); i++) {
            String line = lines.get(i);
            if (line.length() > 120 || FOREIGN.matcher(line).find() || Markers.numbered(line).isPresent()) {
                continue;
            }
            String rest = line;
            Matcher n = MeetingHeader.NUMBER.matcher(rest);
            String lineNumber = null;
            if (n.find()) {
                lineNumber = n.group(1);
                rest = rest.substring(0, n.start()) + " " + rest.substring(n.end());
            }
            Optional<WrittenDates.Found<LocalDate>> d = WrittenDates.findDate(rest);
            if (d.isPresent()) {
                rest = d.get().remove(rest);
            }
            if (!LEFTOVER.matcher(rest).matches() || rest.strip().split("\\s+").length > 4
                    || d.isEmpty() && rest.chars().anyMatch(Character::isLetter)) {
                continue;
            }
            if (d.isPresent() && date == null) {
                date = d.get().value();
            }
            if (lineNumber != null && number == null) {
                number = lineNumber;
            }
        }
        return new Found(date, number);
    }
}

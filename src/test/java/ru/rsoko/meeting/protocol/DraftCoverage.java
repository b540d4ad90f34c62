package ru.rsoko.meeting.protocol;

import ru.rsoko.meeting.Deadline;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that a draft dropped nothing: every word and number of every non-blank line of the source is somewhere in
 * the draft — a field, an item, a decision or {@code unplaced}. Each word of the source uses up one occurrence in
 * the draft, so a line that went missing shows even when its words are common. Only the markers the parser turns
 * into structure («ПРЕДСЕДАТЕЛЬ», «Срок», «РЕШИЛИ» …) may be absent, and the words of the meeting's date and time,
 * which the draft holds as values; and the number at a line's start, which is numbering (items and decisions keep
 * theirs as values, checked by the tests themselves, and «1. СЛУШАЛИ» only refers to item 1), and a converter's
 * own markup such as «**» and «[bookmark: _GoBack]».
 */
final class DraftCoverage {

    /** The words of the markers the parser turns into structure, and the small words around them. */
    private static final Pattern MARKERS = Pattern.compile("протокол|председател.*|участник.*|присутствова.*|повестк.*|дня"
            + "|докладчик.*|ответствен.*|отв|исполн.*|срок.*|решил.*|постановил.*|решени.*|слушал.*|дата|время"
            + "|приказыва.*|постановля.*|решает|вопрос|рекомендуют|рекомендует|рекомендовал.*"
            // «приняли решение», «принято решение»: the decision word in two words
            + "|приняли|принял|приняла|приняло|принято"
            // «N 358»: the sign «№» as legal databases print it, held with the number
            + "|n"
            + "|проведения|место|начало|часов|и|в|от|по|вопросу|первому|второму|третьему");
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private DraftCoverage() {
    }

    static void assertEveryLineKept(String source, ProtocolDraft draft) {
        Map<String, Integer> available = new HashMap<>();
        for (String word : words(draftText(draft))) {
            available.merge(word, 1, Integer::sum);
        }
        List<String> missing = new ArrayList<>();
        for (String line : source.split("\\R")) {
            List<String> lost = new ArrayList<>();
            String content = line.replaceAll("\\[bookmark:[^]]*]|\\*\\*", "")
                    .replaceAll("(?<=\\p{Lu}) (?=\\p{Lu}(?: |$|:))", "")
                    .replaceFirst("^[\\s\\u00a0]*\\d+(?:\\.\\d+)*(?:\\\\?[.)](?!\\d)|\\s+(?=\\p{L}))", "");
            for (String word : words(content)) {
                Integer left = available.get(word);
                if (left != null && left > 0) {
                    available.put(word, left - 1);
                } else if (!MARKERS.matcher(word).matches()) {
                    lost.add(word);
                }
            }
            if (!lost.isEmpty()) {
                missing.add("«" + line.strip() + "» lost " + lost);
            }
        }
        assertThat(missing).as("source lines whose words are not in the draft").isEmpty();
    }

    private static String draftText(ProtocolDraft draft) {
        List<String> parts = new ArrayList<>();
        parts.add(draft.kind());
        parts.add(draft.title());
        parts.add(draft.number());
        // the date and the time may be written more than once (in the header and in «Дата проведения: …»)
        for (int mention = 0; mention < 3; mention++) {
            if (draft.date() != null) {
                parts.add(draft.date().format(DateTimeFormatter.ofPattern("d dd MMMM M MM yyyy yy", RUSSIAN)) + " года г");
            }
            if (draft.time() != null) {
                parts.add(draft.time().format(DateTimeFormatter.ofPattern("H HH mm")));
            }
        }
        parts.add(draft.place());
        parts.add(draft.chair());
        parts.addAll(draft.participants());
        for (ProtocolDraft.AgendaItem item : draft.agenda()) {
            parts.add(item.number());
            parts.add(item.title());
            parts.addAll(item.speakers());
            parts.add(item.heard());
        }
        for (ProtocolDraft.Decision decision : draft.decisions()) {
            parts.add(decision.number());
            parts.add(decision.text());
            parts.addAll(decision.responsible());
            Deadline deadline = decision.deadline();
            parts.add(deadline == null ? null : deadline.originalText());
        }
        parts.addAll(draft.unplaced());
        return String.join("\n", parts.stream().map(p -> p == null ? "" : p).toList());
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String spaced = text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("(?<=\\p{L})(?=\\p{Nd})|(?<=\\p{Nd})(?=\\p{L})", " ");
        for (String w : spaced.split("[^\\p{L}\\p{Nd}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}

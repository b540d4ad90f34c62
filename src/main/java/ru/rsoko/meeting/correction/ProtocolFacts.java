package ru.rsoko.meeting.correction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import ru.rsoko.meeting.protocol.ProtocolDraft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a reader finds in a protocol, in the corpus's facts format (src/test/resources/protocols/corpus/README.md):
 * the document's date and number, the speakers in the nominative, the decisions with number, wording, parties and
 * deadline. Dates are ISO strings, so that the JSON is the corpus's byte for byte.
 *
 * @param layout what the document is like; only in an exported test case
 */
@JsonPropertyOrder({"layout", "date", "number", "speakers", "decisions"})
public record ProtocolFacts(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String layout, @Nullable String date,
                            @Nullable String number, List<String> speakers, List<Decision> decisions) {

    public ProtocolFacts {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    public ProtocolFacts withLayout(@Nullable String layout) {
        return new ProtocolFacts(layout, date, number, speakers, decisions);
    }

    @JsonPropertyOrder({"number", "text", "responsible", "deadline"})
    public record Decision(@Nullable String number, String text, List<String> responsible, @Nullable Deadline deadline) {

        public Decision {
            responsible = responsible == null ? List.of() : List.copyOf(responsible);
        }
    }

    /** {@code due} and {@code start} only where the kind has them (WITHIN_PERIOD: both). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"kind", "due", "start"})
    public record Deadline(String kind, @Nullable String due, @Nullable String start) {

        static @Nullable Deadline of(ru.rsoko.meeting.@Nullable Deadline deadline) {
            if (deadline == null) {
                return null;
            }
            return new Deadline(deadline.kind().name(), iso(deadline.dueDate()),
                    deadline.kind() == ru.rsoko.meeting.DeadlineKind.WITHIN_PERIOD ? iso(deadline.periodStart()) : null);
        }
    }

    /** The facts of a parsed draft: speakers as the parser named them, or as the agenda lists them when it did not. */
    static ProtocolFacts of(ProtocolDraft draft) {
        Set<String> speakers = new LinkedHashSet<>();
        for (ProtocolDraft.AgendaItem item : draft.agenda()) {
            speakers.addAll(speakersOf(item));
        }
        List<Decision> decisions = new ArrayList<>();
        for (ProtocolDraft.Decision d : draft.decisions()) {
            decisions.add(new Decision(number(d.number()), collapse(d.text()), d.responsible().stream()
                    .map(ProtocolFacts::party).filter(p -> !p.isEmpty()).toList(), Deadline.of(d.deadline())));
        }
        return new ProtocolFacts(null, iso(draft.date()), blankToNull(draft.number()), List.copyOf(speakers), decisions);
    }

    static List<String> speakersOf(ProtocolDraft.AgendaItem item) {
        if (item.speakerNames() != null && !item.speakerNames().isEmpty()) {
            return item.speakerNames();
        }
        return item.speakers() == null ? List.of() : Speakers.names(item.speakers());
    }

    static @Nullable String iso(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A decision's number as the corpus writes it: without its trailing dot or bracket. */
    static @Nullable String number(@Nullable String number) {
        String n = blankToNull(number);
        return n == null ? null : n.replaceAll("[.)]+$", "").strip();
    }

    /** A party as the corpus writes it: without a trailing colon. */
    static String party(String party) {
        return collapse(party).replaceAll("[:;]+$", "").strip();
    }

    static String collapse(@Nullable String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** As the corpus's scoring compares: white space collapsed, «ё» as «е», end punctuation dropped, case kept. */
    static String comparable(@Nullable String text) {
        return collapse(text).replace('ё', 'е').replace('Ё', 'Е').replaceAll("[\\s.,;:!?]+$", "");
    }

    static Set<String> comparable(List<String> texts) {
        Set<String> set = new java.util.TreeSet<>();
        texts.forEach(t -> set.add(comparable(t)));
        return set;
    }
}

package ru.rsoko.meeting.correction;

import org.jspecify.annotations.Nullable;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.domain.AgendaItemForm;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.ImportForm;
import ru.rsoko.meeting.protocol.DeadlineParser;
import ru.rsoko.meeting.protocol.ProtocolDraft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The facts a person confirmed in an import's draft, and which of them differ from what the parser read. A field the
 * person left as the draft gave it keeps the parser's fact as is (its speakers in the nominative, its parties as a
 * list), so that an untouched draft differs in nothing.
 */
final class CorrectedFacts {

    private CorrectedFacts() {
    }

    /**
     * @param today the day the draft's date defaults to when the parser found none: confirming that default is not
     *              a correction, and the confirmed facts keep no date
     */
    static ProtocolFacts confirmed(ImportForm form, ProtocolDraft draft, ProtocolFacts parsed, LocalDate today) {
        LocalDate date = form.getMeeting().getDate();
        String isoDate = parsed.date() == null && today.equals(date) ? null : ProtocolFacts.iso(date);
        // the draft's page offers the number the parser read: emptied, it is a correction (the text has none)
        String number = ProtocolFacts.blankToNull(form.getMeeting().getProtocolNumber());
        Set<String> speakers = new LinkedHashSet<>();
        for (int i = 0; i < form.getAgenda().size(); i++) {
            AgendaItemForm item = form.getAgenda().get(i);
            List<String> lines = lines(item.getSpeakers());
            ProtocolDraft.AgendaItem read = i < draft.agenda().size() ? draft.agenda().get(i) : null;
            if (read != null && sameLines(lines, read.speakers())) {
                speakers.addAll(ProtocolFacts.speakersOf(read));
            } else {
                speakers.addAll(Speakers.names(lines));
            }
        }
        List<ProtocolFacts.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < form.getDecisions().size(); i++) {
            DecisionForm d = form.getDecisions().get(i);
            ProtocolDraft.Decision read = i < draft.decisions().size() ? draft.decisions().get(i) : null;
            ProtocolFacts.Decision readFacts = i < parsed.decisions().size() ? parsed.decisions().get(i) : null;
            List<String> responsible = read != null && readFacts != null
                    && ProtocolFacts.collapse(d.getResponsibleText()).equals(ProtocolFacts.collapse(String.join("; ", read.responsible())))
                    ? readFacts.responsible() : parties(d.getResponsibleText());
            ProtocolFacts.Deadline deadline = read != null && readFacts != null && sameDeadline(d, read.deadline())
                    ? readFacts.deadline() : deadline(d, date != null ? date : today);
            String decisionNumber = ProtocolFacts.number(d.getNumber());
            // the form wants a number: an unnumbered decision numbered by its place is still unnumbered in the text
            if (readFacts != null && readFacts.number() == null && String.valueOf(i + 1).equals(decisionNumber)) {
                decisionNumber = null;
            }
            decisions.add(new ProtocolFacts.Decision(decisionNumber, ProtocolFacts.collapse(d.getText()), responsible, deadline));
        }
        return new ProtocolFacts(null, isoDate, number, List.copyOf(speakers), decisions);
    }

    /** The facts that differ, in the corpus's counting: decisions paired in order. */
    static List<FactDifference> differences(ProtocolFacts parsed, ProtocolFacts confirmed) {
        List<FactDifference> differences = new ArrayList<>();
        if (!Objects.equals(parsed.date(), confirmed.date())) {
            differences.add(new FactDifference(FactKind.DATE, null));
        }
        if (!Objects.equals(comparableOrNull(parsed.number()), comparableOrNull(confirmed.number()))) {
            differences.add(new FactDifference(FactKind.NUMBER, null));
        }
        Set<String> read = ProtocolFacts.comparable(parsed.speakers());
        Set<String> kept = ProtocolFacts.comparable(confirmed.speakers());
        confirmed.speakers().stream().filter(s -> !read.contains(ProtocolFacts.comparable(s)))
                .forEach(s -> differences.add(new FactDifference(FactKind.SPEAKER, s)));
        parsed.speakers().stream().filter(s -> !kept.contains(ProtocolFacts.comparable(s)))
                .forEach(s -> differences.add(new FactDifference(FactKind.SPEAKER, s)));
        int n = Math.max(parsed.decisions().size(), confirmed.decisions().size());
        for (int i = 0; i < n; i++) {
            ProtocolFacts.Decision p = i < parsed.decisions().size() ? parsed.decisions().get(i) : null;
            ProtocolFacts.Decision c = i < confirmed.decisions().size() ? confirmed.decisions().get(i) : null;
            if (p == null || c == null) {
                ProtocolFacts.Decision present = p == null ? c : p;
                differences.add(new FactDifference(FactKind.DECISION, where(present, i)));
                continue;
            }
            String where = where(c, i);
            if (!Objects.equals(comparableOrNull(p.number()), comparableOrNull(c.number()))) {
                differences.add(new FactDifference(FactKind.DECISION_NUMBER, where));
            }
            if (!ProtocolFacts.comparable(p.text()).equals(ProtocolFacts.comparable(c.text()))) {
                differences.add(new FactDifference(FactKind.DECISION_TEXT, where));
            }
            if (!ProtocolFacts.comparable(p.responsible()).equals(ProtocolFacts.comparable(c.responsible()))) {
                differences.add(new FactDifference(FactKind.RESPONSIBLE, where));
            }
            if (!Objects.equals(p.deadline(), c.deadline())) {
                differences.add(new FactDifference(FactKind.DEADLINE, where));
            }
        }
        return differences;
    }

    private static String where(ProtocolFacts.Decision decision, int index) {
        return decision.number() != null ? decision.number() : "№ " + (index + 1) + " по порядку";
    }

    private static @Nullable String comparableOrNull(@Nullable String text) {
        return text == null ? null : ProtocolFacts.comparable(text);
    }

    private static List<String> lines(@Nullable String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean sameLines(List<String> lines, @Nullable List<String> read) {
        List<String> readLines = read == null ? List.of() : read.stream().flatMap(r -> lines(r).stream()).toList();
        return lines.stream().map(ProtocolFacts::collapse).toList().equals(readLines.stream().map(ProtocolFacts::collapse).toList());
    }

    /** Parties as the draft's field separates them: by «;» or a new line. */
    private static List<String> parties(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[;\\n]")).map(ProtocolFacts::party).filter(p -> !p.isEmpty()).toList();
    }

    private static boolean sameDeadline(DecisionForm form, ru.rsoko.meeting.@Nullable Deadline read) {
        if (read == null) {
            return form.getDeadlineKind() == null && ProtocolFacts.blankToNull(form.getDeadlineText()) == null;
        }
        return form.getDeadlineKind() == read.kind() && Objects.equals(form.getDueDate(), read.dueDate())
                && Objects.equals(form.getPeriodStart(), read.periodStart())
                && ProtocolFacts.collapse(form.getDeadlineText()).equals(ProtocolFacts.collapse(read.originalText()));
    }

    /** The deadline as the meeting keeps it: set by hand, or recognised from the wording. */
    private static ProtocolFacts.@Nullable Deadline deadline(DecisionForm form, LocalDate meetingDate) {
        DeadlineKind kind = form.getDeadlineKind();
        if (kind == null) {
            String wording = ProtocolFacts.blankToNull(form.getDeadlineText());
            return wording == null ? null : ProtocolFacts.Deadline.of(DeadlineParser.parse(wording, meetingDate));
        }
        return new ProtocolFacts.Deadline(kind.name(), ProtocolFacts.iso(form.getDueDate()),
                kind == DeadlineKind.WITHIN_PERIOD ? ProtocolFacts.iso(form.getPeriodStart()) : null);
    }
}

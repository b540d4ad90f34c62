package ru.rsoko.meeting.web;

import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.ImportForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.protocol.Confidence;
import ru.rsoko.meeting.protocol.DeadlineParser;
import ru.rsoko.meeting.protocol.DecisionSource;
import ru.rsoko.meeting.protocol.DraftSources;
import ru.rsoko.meeting.protocol.ProtocolDraft;
import ru.rsoko.meeting.protocol.SourceLocator;
import ru.rsoko.meeting.protocol.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the import preview shows beside each fact: the piece of the protocol's text it came from, its party and
 * deadline marked, and what to check with the reason. Located from the form as it stands (the draft, or the person's
 * corrections after a confirmation that failed) in the text the form carries, so it survives every round trip.
 *
 * @param decisions one per decision of the form, in its order
 * @param date      where the meeting's date stands
 * @param number    where the protocol's number stands; null when the form has none
 * @param checks    how many places the person should check
 */
public record SourcePreview(List<Fact> decisions, Fact date, Fact number, int checks) {

    /** Text around a fact that is shown with it, in characters. */
    static final int CONTEXT = 60;
    /** Marks further apart than this are shown as separate pieces, joined by «…». */
    static final int GAP = 300;
    /** The longest piece shown whole; a longer one keeps its marks and both ends. */
    static final int LONGEST = 2_000;

    /**
     * One fact's source.
     *
     * @param pieces the pieces of the text it came from, each a list of segments; empty when it was not found
     * @param checks what to check, in Russian, without «Проверьте: »
     */
    public record Fact(List<List<Segment>> pieces, List<String> checks) {

        public boolean found() {
            return !pieces.isEmpty();
        }
    }

    /**
     * A run of the source text shown as it is, or marked.
     *
     * @param mark null for plain text; «party», «deadline», «date», «number» for what is highlighted
     */
    public record Segment(String text, String mark) {
    }

    /**
     * @param unresolved per decision, the party wordings the directory has no organisation for
     */
    static SourcePreview of(ImportForm form, List<List<String>> unresolved) {
        String text = form.getSourceText();
        if (text == null || text.isBlank()) {
            return null;
        }
        MeetingForm meeting = form.getMeeting();
        List<ProtocolDraft.Decision> decisions = form.getDecisions().stream().map(d -> decision(d, meeting)).toList();
        ProtocolDraft located = SourceLocator.locate(text, new ProtocolDraft(null, meeting.getTitle(),
                blankToNull(meeting.getProtocolNumber()), meeting.getDate(), null, null, null, List.of(), List.of(),
                decisions, List.of()));
        List<Fact> facts = new ArrayList<>();
        int checks = 0;
        for (int i = 0; i < located.decisions().size(); i++) {
            ProtocolDraft.Decision d = located.decisions().get(i);
            Fact fact = decisionFact(text, d, i < unresolved.size() ? unresolved.get(i) : List.of());
            checks += fact.checks().size();
            facts.add(fact);
        }
        DraftSources header = located.sources();
        Fact date = header == null ? new Fact(List.of(), List.of()) : single(text, header.date(), "date", header.dateConfidence());
        Fact number = header == null || located.number() == null ? null
                : single(text, header.number(), "number", header.numberConfidence());
        checks += date.checks().size() + (number == null ? 0 : number.checks().size());
        return new SourcePreview(facts, date, number, checks);
    }

    /** «Проверьте 1 место», «… 3 места», «… 5 мест». */
    public String checksLabel() {
        int n = checks % 100;
        String word = n % 10 == 1 && n != 11 ? "место"
                : n % 10 >= 2 && n % 10 <= 4 && (n < 12 || n > 14) ? "места" : "мест";
        return "Проверьте " + checks + " " + word;
    }

    private static ProtocolDraft.Decision decision(DecisionForm d, MeetingForm meeting) {
        List<String> parties = new ArrayList<>();
        if (d.getResponsibleText() != null) {
            for (String p : d.getResponsibleText().split(";")) {
                if (!p.isBlank()) {
                    parties.add(p.strip());
                }
            }
        }
        Deadline deadline = null;
        String wording = blankToNull(d.getDeadlineText());
        if (wording != null) {
            deadline = d.getDeadlineKind() != null
                    ? new Deadline(d.getDeadlineKind(), d.getDueDate(), d.getPeriodStart(), wording)
                    : DeadlineParser.parse(wording, meeting.getDate());
        }
        return new ProtocolDraft.Decision(d.getNumber(), d.getText(), parties, deadline);
    }

    private static Fact decisionFact(String text, ProtocolDraft.Decision d, List<String> unresolved) {
        DecisionSource source = d.source();
        List<String> checks = new ArrayList<>();
        addCheck(checks, source.textConfidence());
        for (int i = 0; i < source.responsibleConfidence().size(); i++) {
            Confidence c = source.responsibleConfidence().get(i);
            if (c.needsCheck()) {
                checks.add(c.reason() + ": «" + d.responsible().get(i) + "»");
            }
        }
        for (String wording : unresolved) {
            checks.add("нет такой организации в справочнике: «" + wording + "»");
        }
        addCheck(checks, source.deadlineConfidence());
        if (source.text() == null) {
            return new Fact(List.of(), checks);
        }
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark(source.text(), null));
        source.responsible().stream().filter(s -> s != null).forEach(s -> marks.add(new Mark(s, "party")));
        if (source.deadline() != null) {
            marks.add(new Mark(source.deadline(), "deadline"));
        }
        return new Fact(pieces(text, marks), checks);
    }

    private static Fact single(String text, Span span, String mark, Confidence confidence) {
        List<String> checks = new ArrayList<>();
        addCheck(checks, confidence);
        if (span == null) {
            return new Fact(List.of(), checks);
        }
        return new Fact(pieces(text, List.of(new Mark(span, mark))), checks);
    }

    private static void addCheck(List<String> checks, Confidence c) {
        if (c != null && c.needsCheck()) {
            checks.add(c.reason());
        }
    }

    /** A span of the text, highlighted ({@code kind} not null) or only shown (the decision's wording). */
    private record Mark(Span span, String kind) {
    }

    /**
     * The text around the marks: the decision's wording and its marks, each with a little context, from the start
     * of the line; marks far apart (an addressee heading above) as separate pieces.
     */
    private static List<List<Segment>> pieces(String text, List<Mark> marks) {
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparingInt(m -> m.span().start()));
        List<List<Mark>> groups = new ArrayList<>();
        int groupEnd = -1;
        for (Mark m : sorted) {
            if (groups.isEmpty() || m.span().start() > groupEnd + GAP) {
                groups.add(new ArrayList<>());
            }
            groups.getLast().add(m);
            groupEnd = Math.max(groupEnd, m.span().end());
        }
        List<List<Segment>> pieces = new ArrayList<>();
        for (List<Mark> group : groups) {
            int from = group.getFirst().span().start();
            int to = group.stream().mapToInt(m -> m.span().end()).max().orElseThrow();
            int lineStart = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
            from = from - lineStart <= CONTEXT ? lineStart : from;
            int lineEnd = text.indexOf('\n', to);
            to = lineEnd >= 0 && lineEnd - to <= CONTEXT ? lineEnd : lineEnd < 0 && text.length() - to <= CONTEXT ? text.length() : to;
            pieces.add(segments(text, from, to, group));
        }
        return pieces;
    }

    private static List<Segment> segments(String text, int from, int to, List<Mark> marks) {
        List<Segment> segments = new ArrayList<>();
        int at = from;
        for (Mark m : marks) {
            if (m.kind() == null) {
                continue;
            }
            int start = Math.max(at, m.span().start());
            int end = Math.min(to, m.span().end());
            if (start >= end) {
                continue; // a party inside a deadline, or the same words twice: marked once
            }
            plain(segments, text, at, start);
            segments.add(new Segment(text.substring(start, end), m.kind()));
            at = end;
        }
        plain(segments, text, at, to);
        return segments;
    }

    /** Unmarked text, a very long run shortened in its middle. */
    private static void plain(List<Segment> segments, String text, int from, int to) {
        if (from >= to) {
            return;
        }
        if (to - from <= LONGEST) {
            segments.add(new Segment(text.substring(from, to), null));
        } else {
            segments.add(new Segment(text.substring(from, from + LONGEST / 2) + " … "
                    + text.substring(to - LONGEST / 2, to), null));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

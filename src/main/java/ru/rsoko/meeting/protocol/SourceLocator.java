package ru.rsoko.meeting.protocol;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, after parsing and whatever the parser did, where each fact of a draft came from in the text it was read
 * from, and how sure the import is of it. The decisions are found in order, a cursor moving down the text, on a
 * {@link FoldedText folded} view of both sides (so that line wraps, hyphenation, quotes, «ё» and markup the parser
 * cleaned away do not matter); a decision's parties and deadline inside its wording, right after it (a «Срок:»
 * line, the columns of a table row), its parties also in an addressee heading above it («Руководителям ОУ:»), its
 * deadline also in a separate sentence further down («Все мероприятия провести до …»). A fact not found gets no
 * span rather than a wrong one. Every search is bounded, so a text of 500 000 characters takes milliseconds.
 */
public final class SourceLocator {

    private static final Logger log = LoggerFactory.getLogger(SourceLocator.class);

    /** How far below the previous decision the next one is looked for. */
    static final int WINDOW = 60_000;
    /** How far after its wording a decision's parties and deadline may stand (their lines, a table row's columns). */
    static final int AFTER = 3_000;
    /** How far above a decision the addressee heading it inherits its party from may stand. */
    static final int ABOVE = 20_000;
    /** How many kept characters of a decision's start and end find it when the parser changed its middle. */
    static final int ANCHOR = 32;
    /** Wordings shorter than this (in kept characters) are only found as whole words. */
    static final int ALIGNED = 24;
    /** Searches of the whole text for a decision not found near the previous one; later ones stay in the window. */
    private static final int WHOLE_TEXT_SEARCHES = 3;
    /** Where a document's own date stands: in its header, not far down the text. */
    static final int HEADER_REACH = 3_000;
    static final int SHORT_DECISION = 15;
    static final int LONG_DECISION = 1_500;

    private static final String MONTHS = "(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)";
    private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(Map.entry("января", 1),
            Map.entry("февраля", 2), Map.entry("марта", 3), Map.entry("апреля", 4), Map.entry("мая", 5),
            Map.entry("июня", 6), Map.entry("июля", 7), Map.entry("августа", 8), Map.entry("сентября", 9),
            Map.entry("октября", 10), Map.entry("ноября", 11), Map.entry("декабря", 12));
    private static final Pattern DOTTED_DATE = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\s?[./]\\s?(\\d{1,2})\\s?[./]\\s?(\\d{4}|\\d{2})(?![\\d])");
    private static final Pattern WORDED_DATE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})[»\"”]?\\s+" + MONTHS + "\\s+(\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** «от 24.11.2022», «Дата: …», «Дата проведения – …», «от «24» ноября …» right before a date. */
    private static final Pattern DATE_CONTEXT = Pattern.compile("(?:(?<!\\p{L})от|(?<!\\p{L})дата[\\p{L} ]{0,25}[:\\-–—]?)\\s*[«\"“]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** «в соответствии с приказом … от …», «письмо … от …»: the date of another act the text cites. */
    /**
     * «в соответствии с приказом … от …», «письмом Департамента … от …»: the date of another act the text cites — a
     * word before the act's name on its line, unlike the document's own title («ПРИКАЗ\nот …», «ПРИКАЗ от …»).
     */
    private static final Pattern CITED_ACT = Pattern.compile(
            "\\p{L}[^\\S\\n]+(приказ|постановлени|распоряжени|письм|решени|закон|указ)\\p{L}*(?:[^\\S\\n]+[^\\s]+){0,6}?[^\\S\\n]+от\\s*[«\"“]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The document's own title line: «ПРОТОКОЛ № 2», «П Р О Т О К О Л», «ПРИКАЗ», «РЕШЕНИЕ». */
    private static final Pattern TITLE = Pattern.compile(
            "(?m)^[^\\S\\n]*(П\\s?Р\\s?О\\s?Т\\s?О\\s?К\\s?О\\s?Л|П\\s?Р\\s?И\\s?К\\s?А\\s?З|РЕШЕНИЕ|ПОСТАНОВЛЕНИЕ|РАСПОРЯЖЕНИЕ)(?!\\p{L})");
    /** «до 01.10.2022», «срок – …»: a date inside a deadline. */
    private static final Pattern DEADLINE_CONTEXT = Pattern.compile("((?<!\\p{L})до|(?<!\\p{L})по|срок[\\p{L}]*[^\\n]{0,20})\\s*[«\"“]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** What stands before a document's number: «№», a legal database's «N», a card's «Номер:». */
    private static final Pattern NUMBER_SIGN = Pattern.compile(
            "№|(?<![\\p{L}\\d])N(?=\\s*\\d)|(?iu)(?<!\\p{L})номер(?:\\s+документа)?\\s*[:–—-]");
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern DATE_LINE_END = Pattern.compile("\\s*(г\\.?|года)?\\s*$");
    private static final Pattern A_DATE = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|\\d{1,2}\\s+" + MONTHS,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** «срок», «в срок до …», «до 1 октября», «до конца года»: a decision that speaks of a deadline. */
    private static final Pattern SPEAKS_OF_DEADLINE = Pattern.compile(
            "(?<!\\p{L})(срок|до\\s+(\\d{1,2}[.\\s]|конца|начала|окончания|" + MONTHS.replace("(", "(?:") + "))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String[] DECISION_WORDS = {"решили", "решил", "решила", "решило", "решает", "постановили",
            "постановляет", "приказываю"};

    private final String text;
    private final FoldedText folded;

    private SourceLocator(String text) {
        this.text = text;
        this.folded = FoldedText.of(text);
    }

    /**
     * The draft with the sources of its facts in {@code text}, the text it was read from, and {@code text} itself.
     * Never fails: should locating trip over something, the draft comes back as the parser made it, with the text.
     */
    public static ProtocolDraft locate(String text, ProtocolDraft draft) {
        if (draft == null || text == null) {
            return draft;
        }
        try {
            return new SourceLocator(text).locate(draft);
        } catch (RuntimeException e) {
            log.error("Источники фактов черновика не найдены: черновик возвращён без них", e);
            return draft.located(draft.decisions(), null, text);
        }
    }

    private ProtocolDraft locate(ProtocolDraft draft) {
        List<ProtocolDraft.Decision> decisions = draft.decisions() == null ? List.of() : draft.decisions();
        Located[] found = findDecisions(decisions);
        boolean numbered = decisions.stream().anyMatch(d -> d.number() != null && !d.number().isBlank());
        List<ProtocolDraft.Decision> located = new ArrayList<>(decisions.size());
        for (int i = 0; i < decisions.size(); i++) {
            located.add(decisions.get(i).withSource(source(decisions, found, i, numbered)));
        }
        return draft.located(List.copyOf(located), headerSources(draft), text);
    }

    /** A decision's wording found: kept characters {@code start} to {@code end}. */
    private record Located(int start, int end) {
    }

    private Located[] findDecisions(List<ProtocolDraft.Decision> decisions) {
        Located[] found = new Located[decisions.size()];
        int floor = decisionsStart();
        int cursor = floor;
        int previousStart = -1;
        int wholeTextSearches = 0;
        for (int i = 0; i < decisions.size(); i++) {
            FoldedText wording = FoldedText.of(nullToEmpty(decisions.get(i).text()));
            Located l;
            if (previousStart < 0 && wholeTextSearches < WHOLE_TEXT_SEARCHES) {
                wholeTextSearches++;
                l = find(wording, cursor, folded.length());
                if (l == null && floor > 0) {
                    l = find(wording, 0, folded.length());
                }
            } else {
                int to = (int) Math.min(folded.length(), (long) cursor + WINDOW + 2L * wording.length());
                l = find(wording, cursor, to);
                if (l == null && previousStart >= 0 && previousStart + 1 < cursor) {
                    l = find(wording, previousStart + 1, to); // the parser split one paragraph into two decisions
                }
            }
            if (l != null) {
                found[i] = l;
                cursor = l.end;
                previousStart = l.start;
            }
        }
        return found;
    }

    /** Where the decisions begin at the earliest: the first «РЕШИЛИ», «ПОСТАНОВЛЯЕТ», «приказываю» as a word. */
    private int decisionsStart() {
        int first = folded.length();
        for (String word : DECISION_WORDS) {
            int from = 0;
            while (from < first) {
                int p = folded.chars.indexOf(word, from, first);
                if (p < 0) {
                    break;
                }
                if (folded.isWordStart(p) && folded.isWordStart(p + word.length())) {
                    first = p;
                    break;
                }
                from = p + 1;
            }
        }
        return first == folded.length() ? 0 : first;
    }

    /** The decision's wording between kept characters {@code from} and {@code to}: as a whole, or by its two ends. */
    private Located find(FoldedText wording, int from, int to) {
        String w = wording.chars;
        if (w.isEmpty() || from >= to) {
            return null;
        }
        int p = folded.chars.indexOf(w, from, to);
        // a short wording only as whole words («Ок.» is not the end of «Срок»); a long one also glued to a neighbour
        while (p >= 0 && w.length() < ALIGNED && !(folded.isWordStart(p) && folded.isWordStart(p + w.length()))) {
            p = folded.chars.indexOf(w, p + 1, to);
        }
        if (p >= 0) {
            return new Located(p, p + w.length());
        }
        if (w.length() <= ANCHOR) {
            return null;
        }
        // the parser changed the middle (page furniture dropped, a «Срок:» taken out, words unglued): find both ends
        String head = w.substring(0, ANCHOR);
        String tail = w.substring(w.length() - ANCHOR);
        int h = folded.chars.indexOf(head, from, to);
        if (h < 0) {
            return null;
        }
        int reach = (int) Math.min(folded.length(), h + 2L * w.length() + 2_000);
        int t = folded.chars.indexOf(tail, h + Math.min(ANCHOR, w.length() - ANCHOR), reach);
        return t < 0 ? null : new Located(h, t + ANCHOR);
    }

    private DecisionSource source(List<ProtocolDraft.Decision> decisions, Located[] found, int i, boolean numbered) {
        ProtocolDraft.Decision d = decisions.get(i);
        Located l = found[i];
        List<String> parties = d.responsible() == null ? List.of() : d.responsible();
        List<Span> partySpans = new ArrayList<>(parties.size());
        List<Confidence> partyConfidence = new ArrayList<>(parties.size());
        int after = l == null ? -1 : afterEnd(found, i);
        for (String party : parties) {
            Span s = l == null ? null : findParty(party, l, after);
            partySpans.add(s);
            partyConfidence.add(s == null ? Confidence.check("ответственный не найден в тексте протокола")
                    : Confidence.high());
        }
        Span deadline = null;
        Deadline due = d.deadline();
        if (l != null && due != null && due.originalText() != null && !due.originalText().isBlank()) {
            deadline = findDeadline(due.originalText(), decisions, found, i, after);
        }
        Span wording = l == null ? null : folded.span(l.start, l.end);
        return new DecisionSource(wording, java.util.Collections.unmodifiableList(partySpans), deadline,
                textConfidence(d, wording, numbered, decisions, i), List.copyOf(partyConfidence),
                deadlineConfidence(d, deadline));
    }

    /** Where the region right after decision {@code i} ends: at the next decision found, at most {@link #AFTER} on. */
    private int afterEnd(Located[] found, int i) {
        int end = (int) Math.min(folded.length(), (long) found[i].end + AFTER);
        for (int j = i + 1; j < found.length; j++) {
            if (found[j] != null) {
                return found[j].start >= found[i].end ? Math.min(end, found[j].start) : found[i].end;
            }
        }
        return end;
    }

    private Span findParty(String party, Located l, int after) {
        Phrase phrase = Phrase.of(party, true);
        if (phrase.isEmpty()) {
            return null;
        }
        int[] m = firstMatch(phrase, l.start, l.end);
        if (m == null) {
            m = firstMatch(phrase, l.end, after);
        }
        if (m == null) {
            m = lastHeadingMatch(phrase, Math.max(0, l.start - ABOVE), l.start);
        }
        return m == null ? null : folded.span(m[0], m[1]);
    }

    private Span findDeadline(String wording, List<ProtocolDraft.Decision> decisions, Located[] found, int i, int after) {
        Phrase phrase = Phrase.of(wording, false);
        if (phrase.isEmpty()) {
            return null;
        }
        Located l = found[i];
        int[] m = firstMatch(phrase, l.start, l.end);
        if (m == null) {
            m = firstMatch(phrase, l.end, after);
        }
        // «Все мероприятия провести до …» further down: not where another decision has a deadline of its own
        int from = l.end;
        int reach = (int) Math.min(folded.length(), (long) l.end + WINDOW);
        while (m == null && from < reach) {
            int[] c = firstMatch(phrase, from, reach);
            if (c == null) {
                break;
            }
            if (!insideOtherDeadline(c[0], wording, decisions, found, i)) {
                m = c;
            }
            from = c[0] + 1;
        }
        return m == null ? null : folded.span(m[0], m[1]);
    }

    /**
     * Whether kept character {@code k} stands where another decision's own deadline would: inside its wording, or on
     * its lines right after it unless that decision has the same deadline (a sentence shared by the decisions above).
     */
    private boolean insideOtherDeadline(int k, String wording, List<ProtocolDraft.Decision> decisions,
                                        Located[] found, int self) {
        // the decision found last at or before k (decisions are found going down the text)
        int lo = 0;
        int hi = found.length - 1;
        int j = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int m = mid;
            while (m >= lo && found[m] == null) {
                m--;
            }
            if (m < lo) {
                lo = mid + 1;
            } else if (found[m].start <= k) {
                j = m;
                lo = mid + 1;
            } else {
                hi = m - 1;
            }
        }
        if (j < 0 || j == self) {
            return false;
        }
        if (k < found[j].end) {
            return true;
        }
        if (k < afterEnd(found, j)) {
            Deadline theirs = decisions.get(j).deadline();
            return theirs == null || theirs.originalText() == null
                    || !FoldedText.of(theirs.originalText()).chars.equals(FoldedText.of(wording).chars);
        }
        return false;
    }

    /** A wording's words; for a party, each word's stem, which an addressee heading declines («Руководителям»). */
    private record Phrase(List<String> words, boolean stems) {

        static Phrase of(String wording, boolean stems) {
            FoldedText f = FoldedText.of(wording);
            List<String> words = new ArrayList<>(f.wordCount());
            for (int w = 0; w < f.wordCount(); w++) {
                String word = f.word(w);
                words.add(stems ? stem(word) : word);
            }
            return new Phrase(words, stems);
        }

        static String stem(String word) {
            if (word.length() >= 6 && Character.isLetter(word.charAt(0))) {
                return word.substring(0, word.length() - 2);
            }
            if (word.length() == 5 && Character.isLetter(word.charAt(0))) {
                return word.substring(0, 4);
            }
            return word;
        }

        boolean isEmpty() {
            return words.isEmpty();
        }

        /** Whether word {@code w} of the text reads as this phrase's word {@code j}. */
        boolean matches(FoldedText text, int w, int j) {
            String mine = words.get(j);
            int start = text.wordStart(w);
            int length = text.wordEnd(w) - start;
            if (!stems || mine.length() < 4 || !Character.isLetter(mine.charAt(0))) {
                return length == mine.length() && text.chars.startsWith(mine, start);
            }
            return length >= mine.length() && length <= mine.length() + 4 && text.chars.startsWith(mine, start);
        }
    }

    /** The first run of words between kept characters {@code from} and {@code to} that reads as the phrase. */
    private int[] firstMatch(Phrase phrase, int from, int to) {
        int n = phrase.words().size();
        for (int w = folded.wordAtOrAfter(from); w + n <= folded.wordCount() && folded.wordEnd(w + n - 1) <= to; w++) {
            if (matchesAt(phrase, w)) {
                return new int[]{folded.wordStart(w), folded.wordEnd(w + n - 1)};
            }
        }
        return null;
    }

    /** The last run reading as the phrase on a line that ends with a colon: «Руководителям ОУ:», «ТОИПКРО:». */
    private int[] lastHeadingMatch(Phrase phrase, int from, int to) {
        int n = phrase.words().size();
        int[] last = null;
        for (int w = folded.wordAtOrAfter(from); w + n <= folded.wordCount() && folded.wordEnd(w + n - 1) <= to; w++) {
            if (matchesAt(phrase, w)) {
                Span s = folded.span(folded.wordStart(w), folded.wordEnd(w + n - 1));
                if (endsLineWithColon(s.end())) {
                    last = new int[]{folded.wordStart(w), folded.wordEnd(w + n - 1)};
                }
            }
        }
        return last;
    }

    private boolean matchesAt(Phrase phrase, int w) {
        for (int j = 0; j < phrase.words().size(); j++) {
            if (!phrase.matches(folded, w + j, j)) {
                return false;
            }
        }
        return true;
    }

    private boolean endsLineWithColon(int from) {
        int end = text.indexOf('\n', from);
        String rest = text.substring(from, end < 0 ? text.length() : end).strip();
        return rest.length() <= 200 && rest.endsWith(":") || rest.endsWith(":**");
    }

    private Confidence textConfidence(ProtocolDraft.Decision d, Span wording, boolean numbered,
                                      List<ProtocolDraft.Decision> decisions, int i) {
        if (wording == null) {
            return Confidence.check("текст решения не найден в тексте протокола");
        }
        if (numbered && (d.number() == null || d.number().isBlank())) {
            return Confidence.check("у решения нет номера, хотя решения пронумерованы");
        }
        int kept = FoldedText.of(nullToEmpty(d.text())).length();
        if (kept < SHORT_DECISION) {
            return Confidence.check("очень короткое решение: не обрезано ли оно?");
        }
        if (d.text().length() > LONG_DECISION || swallowsNext(wording, decisions, i)) {
            return Confidence.check("очень длинное решение: не слился ли с ним следующий пункт?");
        }
        return Confidence.high();
    }

    /** Whether the decision's piece of text has a line starting with the next decision's number («\n4. …»). */
    private boolean swallowsNext(Span wording, List<ProtocolDraft.Decision> decisions, int i) {
        String number = decisions.get(i).number();
        if (number == null || !SMALL_NUMBER.matcher(number.strip()).matches()) {
            return false;
        }
        String next = String.valueOf(Integer.parseInt(number.strip()) + 1);
        for (int n = text.indexOf('\n', wording.start()); n >= 0 && n < wording.end(); n = text.indexOf('\n', n + 1)) {
            int k = n + 1;
            while (k < wording.end() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k++;
            }
            if (text.startsWith(next, k)) {
                k += next.length();
                if (k < wording.end() && text.charAt(k) == ' ') {
                    k++;
                }
                if (k < wording.end() && (text.charAt(k) == '.' || text.charAt(k) == ')')) {
                    return true;
                }
            }
        }
        return false;
    }

    private Confidence deadlineConfidence(ProtocolDraft.Decision d, Span found) {
        Deadline due = d.deadline();
        if (due == null) {
            return d.text() != null && SPEAKS_OF_DEADLINE.matcher(d.text()).find()
                    ? Confidence.check("в тексте решения говорится о сроке, но срок не выделен") : null;
        }
        String wording = due.originalText();
        if (wording != null && !wording.isBlank() && found == null) {
            return Confidence.check("срок не найден в тексте протокола");
        }
        if (due.kind() == DeadlineKind.OTHER) {
            return Confidence.check("срок не распознан как дата или период: укажите вид срока");
        }
        if (due.dueDate() == null && wording != null && A_DATE.matcher(wording).find()) {
            return Confidence.check("в сроке есть дата, но она не прочитана");
        }
        return Confidence.high();
    }

    private DraftSources headerSources(ProtocolDraft draft) {
        DateFound date = draft.date() == null ? null : findDate(draft.date());
        Confidence dateConfidence;
        if (draft.date() == null) {
            dateConfidence = Confidence.check("дата документа не распознана");
        } else if (date == null) {
            dateConfidence = Confidence.check("дата не найдена в тексте протокола");
        } else {
            dateConfidence = date.confidence;
        }
        Span number = null;
        Confidence numberConfidence = null;
        if (draft.number() != null && !draft.number().isBlank()) {
            int near = date == null ? -1 : date.span.start();
            Span[] n = findNumber(draft.number(), near);
            number = n[0] != null ? n[0] : n[1];
            numberConfidence = n[0] != null && (date == null || !date.confidence.needsCheck()) ? Confidence.high()
                    : n[0] != null ? Confidence.check("номер стоит рядом с датой, которую нужно проверить")
                    : n[1] != null ? Confidence.check("номер найден не рядом с датой документа")
                    : Confidence.check("номер не найден в тексте протокола");
        }
        return new DraftSources(date == null ? null : date.span, number, dateConfidence, numberConfidence);
    }

    private record DateFound(Span span, Confidence confidence, int rank) {
    }

    /** The best place the document's date is written, ranked by what stands around it. */
    private DateFound findDate(LocalDate date) {
        Matcher title = TITLE.matcher(text);
        int titleStart = title.find() ? title.start() : 0;
        DateFound best = null;
        // only around the year's places: a regular expression over the whole text would try every character
        String fullYear = String.valueOf(date.getYear());
        String shortYear = "." + String.format("%02d", date.getYear() % 100);
        for (String year : List.of(fullYear, shortYear)) {
            for (int y = text.indexOf(year); y >= 0; y = text.indexOf(year, y + 1)) {
                int end = y + year.length();
                for (Pattern p : List.of(DOTTED_DATE, WORDED_DATE)) {
                    Matcher m = p.matcher(text).region(Math.max(0, y - 30), end)
                            .useTransparentBounds(true).useAnchoringBounds(false);
                    while (m.find()) {
                        if (m.end() != end || !date.equals(dateOf(m, p == WORDED_DATE))) {
                            continue;
                        }
                        // «"24" ноября 2022 г.», typed with straight quotes as often as with «»
                        int start = m.start() > 0 && "«\"“„".indexOf(text.charAt(m.start() - 1)) >= 0 && p == WORDED_DATE
                                ? m.start() - 1 : m.start();
                        DateFound candidate = rate(new Span(start, m.end()), titleStart);
                        if (better(candidate, best, titleStart)) {
                            best = candidate;
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Ranked by what stands around; among equals, the document's own header before a covering letter's mention. */
    private static boolean better(DateFound candidate, DateFound best, int titleStart) {
        if (best == null || candidate.rank != best.rank) {
            return best == null || candidate.rank < best.rank;
        }
        boolean candidateInHeader = candidate.span.start() >= titleStart;
        boolean bestInHeader = best.span.start() >= titleStart;
        if (candidateInHeader != bestInHeader) {
            return candidateInHeader;
        }
        return candidate.span.start() < best.span.start();
    }

    private static LocalDate dateOf(Matcher m, boolean worded) {
        try {
            int day = Integer.parseInt(m.group(1));
            int month = worded ? MONTH_NUMBERS.get(m.group(2).toLowerCase(Locale.ROOT)) : Integer.parseInt(m.group(2));
            int year = Integer.parseInt(m.group(3));
            return LocalDate.of(year < 100 ? 2000 + year : year, month, day);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private DateFound rate(Span s, int titleStart) {
        String before = text.substring(Math.max(0, s.start() - 120), s.start());
        int lineStart = text.lastIndexOf('\n', s.start() - 1) + 1;
        int lineEnd = text.indexOf('\n', s.end());
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
        boolean far = s.start() - titleStart > HEADER_REACH;
        if (CITED_ACT.matcher(before).find()) {
            return new DateFound(s, Confidence.check("похоже на дату другого документа, на который ссылается текст"), 5);
        }
        if (DEADLINE_CONTEXT.matcher(before).find()) {
            return new DateFound(s, Confidence.check("эта дата стоит в сроке исполнения, а не в заголовке"), 4);
        }
        boolean context = DATE_CONTEXT.matcher(before).find();
        // a date line of its own, or the date at either end of a short header line («г. Асино    15.09.2021»,
        // «10.03.2022 г.    № 7», «от 10.12.2020    г. Тверь»)
        boolean ownLine = line.length() <= 80 && (line.startsWith(text.substring(s.start(), s.end()))
                || DATE_LINE_END.matcher(text.substring(s.end(), lineEnd < 0 ? text.length() : lineEnd)).matches());
        if ((context || ownLine) && !far) {
            return new DateFound(s, Confidence.high(), 0);
        }
        if (context || ownLine) {
            return new DateFound(s, Confidence.check("дата найдена далеко от начала текста"), 2);
        }
        return new DateFound(s, Confidence.check("дата взята без «от» или «дата» рядом с ней"), far ? 3 : 1);
    }

    /** [the number by the date's «№», the first «№ number» anywhere]; an element is null when there is none. */
    private Span[] findNumber(String number, int near) {
        Phrase phrase = Phrase.of(number, false);
        Span nearest = null;
        Span first = null;
        if (phrase.isEmpty()) {
            return new Span[]{null, null};
        }
        Matcher signs = NUMBER_SIGN.matcher(text);
        while (signs.find()) {
            int sign = signs.end();
            int k = firstKeptAfter(sign);
            if (k < 0) {
                break;
            }
            int[] m = firstMatch(phrase, k, Math.min(folded.length(), k + 40));
            if (m == null || m[0] != folded.wordStart(folded.wordAtOrAfter(k))) {
                continue;
            }
            Span s = folded.span(m[0], m[1]);
            if (s.start() - sign > 6) {
                continue;
            }
            if (first == null) {
                first = s;
            }
            if (near >= 0 && Math.abs(s.start() - near) <= 150 && nearest == null) {
                nearest = s;
            }
        }
        if (nearest == null && first != null && near < 0 && first.start() <= HEADER_REACH) {
            nearest = first; // no date to stand by: a number in the header is the document's
        }
        return new Span[]{nearest, nearest == null ? first : null};
    }

    /** The first kept character at or after original index {@code i}, or -1. */
    private int firstKeptAfter(int i) {
        int lo = 0;
        int hi = folded.length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (folded.origin(mid, text.length()) < i) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < folded.length() ? lo : -1;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

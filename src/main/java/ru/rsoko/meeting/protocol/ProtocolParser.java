package ru.rsoko.meeting.protocol;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a protocol written the usual way — pasted as text or uploaded as .docx — into a {@link ProtocolDraft} for a
 * person to check. It copes with a covering letter in front (seed 002) and with an announcement whose appendix is
 * the agenda (seed 004), and drops nothing: what it cannot place is in the draft's {@code unplaced}.
 *
 * <p>The steps: clean the lines ({@link ProtocolText}); find where the meeting's header starts and where the first
 * part (ПРЕДСЕДАТЕЛЬ, УЧАСТНИКИ, ПОВЕСТКА, СЛУШАЛИ, РЕШИЛИ) begins; read the header ({@link MeetingHeader}) and the
 * parts ({@link ProtocolBody}).
 */
@Component
public class ProtocolParser {

    private static final Logger log = LoggerFactory.getLogger(ProtocolParser.class);

    /** How far above the first part an announcement's meeting header may begin (name, date, time, place). */
    private static final int HEADER_LOOKBACK = 8;
    /** How many lines a sentence leading to «РЕШИЛИ:» may be wrapped over. */
    private static final int PREAMBLE_LINES = 8;
    /** «Решение коллегии …», «Протокол комиссии …»: whose document it is. */
    private static final java.util.regex.Pattern BODY = java.util.regex.Pattern.compile(
            "(?iu)^(?:коллеги|комисси|совет|правлени|собрани|президиум|рабочей\\s+групп)[а-яё]*(?![а-яё])");
    private static final java.util.regex.Pattern ENDS_SENTENCE = java.util.regex.Pattern.compile("[.;!?]$");

    /** A protocol pasted as text, its facts' sources located in it; null or blank gives an empty draft. */
    public ProtocolDraft parse(String text) {
        ProtocolDraft draft;
        try {
            draft = parseStrictly(text);
        } catch (RuntimeException e) {
            // a layout the parser trips over must still leave the person with their whole text to work from
            log.error("Протокол не разобран, текст возвращён целиком в «Не распознано»", e);
            draft = new ProtocolDraft(null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                    ProtocolText.lines(text));
        }
        // found after parsing, whatever the parser did: where each fact came from, for the person to check
        return SourceLocator.locate(text, draft);
    }

    /** Without the safety net of {@link #parse(String)}, for tests that must see the parser's own failures. */
    ProtocolDraft parseStrictly(String text) {
        return read(ProtocolText.lines(text));
    }

    /**
     * An uploaded protocol file (.docx, .doc or .pdf, see {@link ProtocolFiles}). Callers that keep the text the
     * draft was read from take {@link ProtocolFiles#text} and {@link #parse(String)} instead.
     *
     * @throws ProtocolFormatException when the file is not a readable protocol, with a message for the user
     */
    public ProtocolDraft parse(InputStream file) {
        return parse(ProtocolFiles.text(file, null));
    }

    private ProtocolDraft read(List<String> allLines) {
        List<String> unplaced = new ArrayList<>();
        List<String> furniture = new ArrayList<>();
        List<String> content = new ArrayList<>();
        boolean[] isFurniture = ProtocolText.furniture(allLines);
        for (int i = 0; i < allLines.size(); i++) {
            if (isFurniture[i]) {
                furniture.add(allLines.get(i));
            } else {
                String line = allLines.get(i);
                String text = ProtocolText.withoutGluedCounter(line);
                content.add(text);
                if (text.length() < line.length()) {
                    furniture.add(line.substring(text.length()).strip());
                }
            }
        }
        List<String> lines = joinPreambles(impliedDecisionWords(decisionWordsApart(runOnLinesApart(content))));
        int firstPart = firstPart(lines);
        int headerStart = headerStart(lines, firstPart);

        unplaced.addAll(lines.subList(0, headerStart));
        if (lines.subList(0, headerStart).equals(content.subList(0, Math.min(headerStart, content.size())))) {
            // furniture above the header (a letterhead's phone, a site's menu) stays where it was among those lines
            unplaced.clear();
            int seenContent = 0;
            for (int i = 0; i < allLines.size() && seenContent < headerStart; i++) {
                unplaced.add(allLines.get(i));
                if (isFurniture[i]) {
                    furniture.remove(allLines.get(i));
                } else {
                    seenContent++;
                }
            }
        }

        DocumentDate own = DocumentDate.of(lines);
        MeetingHeader header = new MeetingHeader(unplaced, own.number());
        for (int i = headerStart; i < firstPart; i++) {
            Matcher protocol = Markers.DOCUMENT.matcher(lines.get(i));
            if (i == headerStart && protocol.matches()) {
                if (!Markers.PROTOCOL.matcher(lines.get(i)).matches() && protocol.group(1).isEmpty()) {
                    unplaced.add(lines.get(i));
                }
                header.protocolLine(lines.get(i), protocol.group(1));
            } else {
                header.line(lines.get(i));
            }
        }
        List<String> parts = lines.subList(firstPart, lines.size());
        if (isDecisionTitle(lines, firstPart, own)) {
            // «РЕШЕНИЕ / педагогического совета / от 24.11.2022 № 3 / 1. …»: the title's block is the header's
            int end = DocumentDate.titleBlockEnd(lines, firstPart);
            String decisionWord = lines.get(firstPart);
            Matcher title = Markers.DOCUMENT.matcher(decisionWord);
            if (end > firstPart + 1 && title.matches() && !title.group(1).isEmpty()) {
                // «РЕШЕНИЕ коллегии управления образования»: whose decision it is, not a decision
                header.protocolLine(decisionWord, title.group(1));
                decisionWord = decisionWord.substring(0, title.start(1)).strip();
            }
            lines.subList(firstPart + 1, end).forEach(header::line);
            parts = new ArrayList<>(lines.subList(end, lines.size()));
            parts.addFirst(decisionWord);
        }
        header.finish();

        ProtocolBody body = new ProtocolBody(header, unplaced);
        body.read(parts);
        body.spokeInProse(lines.subList(headerStart, firstPart));

        // the document's own requisites first; the meeting header's and the requisites scan's where it has none
        Requisites.Found requisites = Requisites.find(lines, headerStart == firstPart ? 0 : headerStart, firstPart);
        LocalDate date = header.settleDate(own.date());
        if (date == null && !own.titled()) {
            date = requisites.date();
        }
        if (date == null) {
            date = eventDate(lines);
        }
        String number = own.number() != null ? own.number() : header.number != null ? header.number
                : own.titled() ? null : requisites.number();
        // page numbers and a site's menu are no part of the document, but nothing is dropped
        unplaced.addAll(furniture);
        return new ProtocolDraft(header.kind, header.title, number, date, header.time, header.place, body.chair(),
                body.participants(), body.agenda(), body.decisions(date), List.copyOf(unplaced));
    }

    /** «17 октября 2023 года … состоялся региональный семинар», «Конференция состоялась 27 августа 2026 года». */
    private static final Pattern HELD = Pattern.compile("(?iu)(?<![а-яё])(?:состоял(?:ся|ась|ось|ись)?|прош[её]л|прошл[аио]|проходил[аио]?)(?![а-яё])");
    /** «Принята участниками конференции 29 августа 2023 года, г. Северогорск.» after a resolution's points. */
    private static final Pattern ADOPTED = Pattern.compile("(?iu)^(?:резолюция\\s+)?принят[аоы]?\\s");
    /** How near a date stands to the word that says the event was held. */
    private static final int HELD_WITHIN = 100;

    /**
     * A resolution or a news page with no date of its own: the day its event was held, as the text tells it
     * («17 октября 2023 года … состоялся семинар», «Принята участниками конференции 29 августа 2023 года»).
     */
    private static LocalDate eventDate(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 2000) {
                continue;
            }
            boolean adopted = ADOPTED.matcher(line).lookingAt() && line.length() < 200;
            Matcher held = HELD.matcher(line);
            if (!adopted && (i > 30 || !held.find())) {
                continue;
            }
            Optional<WrittenDates.Found<LocalDate>> found = WrittenDates.findDate(line);
            if (found.isPresent() && (adopted || Math.abs(found.get().start() - held.start()) <= HELD_WITHIN)) {
                return found.get().value();
            }
        }
        return null;
    }

    /** How long a line must be to be taken for a page whose line breaks were lost. */
    private static final int RUN_ON = 300;
    /** The labels a protocol's parts begin with, inside a run-on line. */
    private static final Pattern PART_LABEL = Pattern.compile(
            "(?<=[.;:»)]\\s|\\d\\s)(?=(?:Председател[а-яё]*|Присутствовали|Отсутствовали|Секретарь|Повестка(?:\\s+дня)?|СЛУШАЛИ|Слушали"
                    + "|ВЫСТУПИЛИ|Выступили|Решение\\s+(?:совещания|совета|заседания)|РЕШИЛИ|Решили|ПОСТАНОВИЛИ|Постановили)\\s*:)"
                    + "|(?<=\\s)(?=(?:Протокол|ПРОТОКОЛ)\\s+(?:заседания|совещания|ЗАСЕДАНИЯ|СОВЕЩАНИЯ|№))|(?<=\\s)(?=Опубликовано\\s)");
    /** «1. », «2.1. » inside a run-on line, before a word. */
    private static final Pattern NUMBER_IN_LINE = Pattern.compile("(?<=[\\s:;.])(\\d{1,2}(?:\\.\\d{1,2}){0,2})\\.\\s+(?=[«\\p{L}])");

    /**
     * A page copied with its line breaks lost («… Повестка: 1. О ходе … 2. Об итогах … СЛУШАЛИ: … Решение совещания:
     * 1. … 2. Руководителям ОО: 2.1. … 2.2. …»): the parts apart at their labels, and the items at numbers that go on
     * from one another (1., 2., 2.1., 2.2., 3.), so that no «01.03.» of a date or «10.» of a class is taken for one.
     */
    static List<String> runOnLinesApart(List<String> lines) {
        List<String> apart = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line.length() < RUN_ON || line.length() > 50_000) {
                apart.add(line);
                continue;
            }
            List<String> parts = new ArrayList<>();
            int from = 0;
            Matcher label = PART_LABEL.matcher(line);
            while (label.find()) {
                // «2.\tСЛУШАЛИ: …»: a label right after an item's number stays with it
                if (label.start() > from && !line.substring(from, label.start()).matches("\\s*(?:\\d{1,2}(?:\\.\\d{1,2})*|[IVX]{1,4})[.)]?\\s*")) {
                    parts.add(line.substring(from, label.start()).strip());
                    from = label.start();
                }
            }
            parts.add(line.substring(from).strip());
            for (String part : parts) {
                apart.addAll(itemsApart(part));
            }
        }
        return apart;
    }

    private static List<String> itemsApart(String part) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> current = null;
        Matcher m = NUMBER_IN_LINE.matcher(part);
        while (m.find()) {
            List<Integer> number = new ArrayList<>();
            for (String n : m.group(1).split("\\.")) {
                number.add(Integer.parseInt(n));
            }
            if (current == null ? number.equals(List.of(1)) : follows(current, number)) {
                starts.add(m.start());
                current = number;
            }
        }
        if (starts.size() < 3) {
            // two numbers in a run-on line may be anything; a list is three items at least
            return part.isEmpty() ? List.of() : List.of(part);
        }
        List<String> items = new ArrayList<>();
        int from = 0;
        for (int start : starts) {
            if (start > from && !part.substring(from, start).isBlank()) {
                items.add(part.substring(from, start).strip());
            }
            from = start;
        }
        items.add(part.substring(from).strip());
        return items;
    }

    /** 1 → 2 or 1.1; 2.1 → 2.2, 2.1.1 or 3: the numbers a list goes on with. */
    private static boolean follows(List<Integer> previous, List<Integer> next) {
        if (next.size() == previous.size() + 1 && next.subList(0, previous.size()).equals(previous) && next.getLast() == 1) {
            return true;
        }
        for (int depth = previous.size(); depth >= 1; depth--) {
            if (next.size() == depth && next.subList(0, depth - 1).equals(previous.subList(0, depth - 1))
                    && next.get(depth - 1) == previous.get(depth - 1) + 1) {
                return true;
            }
        }
        return false;
    }

    /** «… успеваемость 97,2 %. Решили: 1) …; 2) …»: the decision word after a sentence's end inside a paragraph. */
    private static final Pattern SPOKE_AFTER_TITLE = Pattern.compile(
            "(?<=^[1-9]\\d?\\.\\s{0,3}[^.]{2,80}\\.)\\s+(?=(?:Выступил[аи]?|Слушали|СЛУШАЛИ|Заслушали)\\s)");
    private static final Pattern DECISION_WORD_INSIDE = Pattern.compile(
            "(?<=[\\p{L}\\d%»)][.!?])\\s+(?=(?:Решили|РЕШИЛИ|Постановили|ПОСТАНОВИЛИ|Решение|РЕШЕНИЕ|Решено|РЕШЕНО)\\s*:)");

    /**
     * A protocol typed a paragraph per item («1. Слушали …, которая подвела итоги … . Решили: 1) …; 2) …»): the decision
     * word starts a line of its own, as it does in a protocol typed a line per part.
     */
    static List<String> decisionWordsApart(List<String> lines) {
        List<String> apart = new ArrayList<>(lines.size());
        for (String whole : lines) {
            Matcher spoke = whole.length() < 20_000 ? SPOKE_AFTER_TITLE.matcher(whole) : null;
            String line = whole;
            if (spoke != null && spoke.find()) {
                // «4. Разное. Выступила руководитель ШМО Кравец Ю.В. о …»: the item's title, then who spoke
                apart.add(whole.substring(0, spoke.start()).strip());
                line = whole.substring(spoke.end()).strip();
            }
            Matcher inside = line.length() > 40 && line.length() < 20_000 ? DECISION_WORD_INSIDE.matcher(line) : null;
            if (inside == null || !inside.find()) {
                apart.add(line);
                continue;
            }
            apart.add(line.substring(0, inside.start()).strip());
            apart.add(line.substring(inside.end()).strip());
        }
        return apart;
    }

    /**
     * A sentence that leads to the decision word, wrapped over lines: «Заслушав информацию заместителя директора /
     * Ивановой И.П. о результатах ВПР, педагогический совет / РЕШИЛ:» becomes one line, so that what was heard is
     * read with the decision word it leads to.
     */
    static List<String> joinPreambles(List<String> lines) {
        List<String> joined = new ArrayList<>(lines);
        for (int i = 0; i < joined.size(); i++) {
            Optional<Markers.Heading> decided = Markers.decided(joined.get(i));
            if (decided.isEmpty()) {
                continue;
            }
            if (decided.get().preamble() == null && i > 0 && Markers.isDecisionOfHeading(joined.get(i))) {
                // «Заслушав …, а также выступление … Дьячук об опыте …,» / «Решение совещания:»: a heading of its own
                continue;
            }
            if (decided.get().preamble() == null && i > 0 && ENDS_SENTENCE.matcher(joined.get(i - 1)).find()
                    && (!Character.isLowerCase(joined.get(i).charAt(0)) || BARE_HEADING.matcher(joined.get(i)).matches())) {
                // «Заслушав …, совещание отметило … .» / «Решение совещания:», «решение:»: the sentence has ended, the
                // heading is apart
                continue;
            }
            int start = -1;
            for (int j = i - 1; j >= 0 && i - j <= PREAMBLE_LINES; j--) {
                String line = joined.get(j);
                boolean last = j == i - 1;
                Optional<Markers.Numbered> numbered = Markers.numbered(line);
                String text = numbered.map(Markers.Numbered::text).orElse(line);
                if (Markers.PREAMBLE.matcher(text).lookingAt() && !line.endsWith(":")) {
                    start = j;
                    break;
                }
                if (line.endsWith(":") || !last && ENDS_SENTENCE.matcher(line).find() || Markers.startsSection(line)
                        || numbered.isPresent() || ProtocolText.hasBullet(line)) {
                    break;
                }
            }
            if (start >= 0) {
                String sentence = String.join(" ", joined.subList(start, i + 1));
                joined.subList(start, i + 1).clear();
                joined.add(start, sentence);
                i = start;
            }
        }
        return joined;
    }

    private static final Pattern BARE_HEADING = Pattern.compile("(?iu)^(?:решение|решили|постановили|решено)\\s*:\\s*$");

    /** «I. О ходе подготовки к ГИА», «II. Об итогах …»: a question of a minister's meeting, numbered in Roman. */
    private static final Pattern ROMAN_QUESTION = Pattern.compile("^[IVX]{1,6}\\.\\s+(?:О|Об|Обо)\\s.*");
    private static final Pattern REPORTERS_LINE = Pattern.compile("^\\([^()]*\\p{Lu}\\.\\s?\\p{Lu}\\.[^()]*\\)\\.?$");

    /**
     * A minister's or a governor's meeting protocol lists each question («I. О ходе подготовки к ГИА-2025», its
     * reporters in brackets) and then its instructions, numbered, with no decision word at all. Where the whole text
     * has none, the word is understood before each question's first instruction, so that the instructions are read
     * as decisions.
     */
    static List<String> impliedDecisionWords(List<String> lines) {
        if (lines.stream().anyMatch(l -> Markers.decided(l).isPresent())) {
            return lines;
        }
        List<String> result = new ArrayList<>(lines);
        int questions = 0;
        for (int i = result.size() - 1; i >= 0; i--) {
            if (!ROMAN_QUESTION.matcher(result.get(i)).matches()) {
                continue;
            }
            questions++;
            int first = i + 1;
            if (first < result.size() && REPORTERS_LINE.matcher(result.get(first)).matches()) {
                first++;
            }
            if (first < result.size() && Markers.numbered(result.get(first)).filter(n -> !n.number().matches("[IVX]+"))
                    .isPresent()) {
                result.add(first, "РЕШИЛИ:");
            }
        }
        if (questions == 0) {
            // only under a document's title: a plain list of tasks («Задачи РСОКО на 2021 год») is no protocol
            firstOrderedList(result).filter(first -> result.subList(0, first).stream().anyMatch(DocumentDate::isTitle))
                    .ifPresent(first -> result.add(first, "РЕШИЛИ:"));
        }
        return result;
    }

    /**
     * A resolution or a decision that lists what is to be done with no decision word at all («Участники совещания …
     * отмечают … / 1. Управлению образования: / 1.1. обеспечить …»): the first list whose first item gives an order or
     * names an addressee, when no section («СЛУШАЛИ:», «Выступили:») follows it.
     */
    private static Optional<Integer> firstOrderedList(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Optional<Markers.Numbered> numbered = Markers.numbered(lines.get(i));
            if (numbered.isEmpty() || !numbered.get().number().equals("1")) {
                continue;
            }
            String text = numbered.get().text();
            String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
            boolean addressee = text.endsWith(":") && (startsWithDative(text) || DecisionWording.hasInfinitive(text))
                    && Markers.numbered(next).filter(Markers.Numbered::isSubNumber).map(n -> DecisionWording.hasInfinitive(n.text()))
                    .orElse(false);
            // «1. Управлению образования (Сафонова М.Н.) совместно с руководителями» / «образовательных организаций
            // организовать …»: an item wrapped before its verb
            String lead = text;
            for (int j = i + 1; j < lines.size() && j <= i + 2 && Markers.numbered(lines.get(j)).isEmpty()
                    && !Markers.startsSection(lines.get(j)) && Character.isLowerCase(lines.get(j).charAt(0)); j++) {
                lead = lead + " " + lines.get(j);
            }
            boolean order = !text.endsWith(":") && (DecisionWording.hasInfinitive(firstWords(text))
                    || !lead.equals(text) && startsWithDative(text) && DecisionWording.hasInfinitive(firstWords(lead, 10)));
            if (!addressee && !order) {
                continue;
            }
            for (int j = i + 1; j < lines.size(); j++) {
                if (Markers.startsSection(lines.get(j))) {
                    return Optional.empty();
                }
            }
            return Optional.of(i);
        }
        return Optional.empty();
    }

    private static boolean startsWithDative(String text) {
        String[] words = text.split("\\s+");
        return words.length > 0 && DecisionWording.isDative(words[0].replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT));
    }

    /** An order stands among an item's first words («Информационно-методическому центру обобщить …»). */
    private static String firstWords(String text) {
        return firstWords(text, 6);
    }

    private static String firstWords(String text, int count) {
        String[] words = text.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, count)));
    }

    /** «Заслушав и обсудив информацию …»: a paragraph that says what was heard, wherever its sentence begins. */
    private static final Pattern HEARING = Pattern.compile("(?iu)(?:^|(?<=[\\s,]))(?:заслушав|заслушали|выслушав)(?![а-яё])");

    private static int firstPart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (Markers.startsSection(lines.get(i)) && !isDecisionTitle(lines, i) || Markers.spoke(lines.get(i)).isPresent()
                    || isItemBeforeDecisions(lines, i) || isHeardBeforeDecisions(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    /**
     * The «ПРОТОКОЛ» line nearest above the first part; without one (an announcement), the run of lines just
     * above it that read like a meeting's header («Совещание по вопросам …», «Дата и время проведения: …»).
     * Everything above is a covering letter.
     */
    private static int headerStart(List<String> lines, int firstPart) {
        for (int i = firstPart - 1; i >= 0; i--) {
            if (isProtocolTitle(lines.get(i))) {
                return i;
            }
        }
        int start = firstPart;
        while (start > 0 && firstPart - start < HEADER_LOOKBACK && MeetingHeader.looksLikeHeader(lines.get(start - 1))) {
            start--;
        }
        return start;
    }

    /** «1. О готовности …» / «(Рожков Б.П.)» / «РЕШИЛИ:»: an item's heading where the protocol has no agenda. */
    private static boolean isItemBeforeDecisions(List<String> lines, int i) {
        Optional<Markers.Numbered> numbered = Markers.numbered(lines.get(i));
        if (numbered.isEmpty() || numbered.get().isSubNumber() || !numbered.get().number().matches("1|I")) {
            return false;
        }
        // «1. О ходе подготовки к ВПР» / «(Сидоренко Л.А., Бакиров Т.Ш.)» / what was said / «Решили:»: who reported
        // marks an item's heading, and its record may run some lines before the decision word
        boolean reported = i + 1 < lines.size() && REPORTERS_LINE.matcher(lines.get(i + 1)).matches()
                || Markers.REPORTERS_AT_END.matcher(numbered.get().text()).find();
        for (int j = i + 1; j < lines.size() && j <= i + (reported ? 12 : 2); j++) {
            if (Markers.decided(lines.get(j)).isPresent() || Markers.heard(lines.get(j)).isPresent()) {
                return true;
            }
            if (Markers.numbered(lines.get(j)).isPresent()) {
                return false;
            }
        }
        return false;
    }

    /**
     * «Заслушав и обсудив доклад начальника управления Гусевой Л.Н., … участники конференции отмечают …» (or «Коллегия,
     * заслушав …») in a paragraph of its own, the decision word further down: a resolution's preamble, which says who
     * was heard, and where its body begins.
     */
    private static boolean isHeardBeforeDecisions(List<String> lines, int i) {
        if (!HEARING.matcher(lines.get(i)).find() || DocumentDate.isTitle(lines.get(i))) {
            return false;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            if (Markers.decided(lines.get(j)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** «РЕШЕНИЕ» that opens the decisions is also the document's title, with its own requisites below it. */
    private static boolean isDecisionTitle(List<String> lines, int firstPart, DocumentDate own) {
        return firstPart < lines.size() && own.titled() && Markers.DECISION_TITLE.matcher(lines.get(firstPart)).matches()
                && DocumentDate.titleLine(lines) == firstPart;
    }

    /** «РЕШЕНИЕ» over a council's decision whose own decision word («РЕШИЛ:», «решает:») comes later. */
    private static boolean isDecisionTitle(List<String> lines, int i) {
        if (!Markers.DECISION_TITLE.matcher(lines.get(i)).matches()) {
            return false;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            if (Markers.decided(lines.get(j)).isPresent() && !Markers.DECISION_TITLE.matcher(lines.get(j)).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * «ПРОТОКОЛ», «ПРОТОКОЛ № 3 заседания …», «П Р О Т О К О Л», «ПРИКАЗ», «РЕШЕНИЕ коллегии» — not a sentence
     * about a protocol.
     */
    private static boolean isProtocolTitle(String line) {
        Matcher m = Markers.DOCUMENT.matcher(line);
        if (!m.matches() || line.length() > 300) {
            return false;
        }
        String rest = m.group(1);
        return rest.isEmpty() || rest.startsWith("№") || Markers.KIND.matcher(rest).lookingAt() || BODY.matcher(rest).lookingAt()
                || "«“\"„".indexOf(rest.charAt(0)) >= 0 || rest.toLowerCase(Locale.ROOT).startsWith("от ")
                || Character.isUpperCase(line.charAt(0)) && Character.isUpperCase(line.charAt(1)) && line.length() < 120;
    }
}

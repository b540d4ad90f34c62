package ru.rsoko.meeting.protocol;

import ru.rsoko.meeting.Deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a protocol after its header, read line by line: ПРЕДСЕДАТЕЛЬ, УЧАСТНИКИ, ПОВЕСТКА with its numbered
 * items and speakers, СЛУШАЛИ / ВЫСТУПИЛИ per item, and РЕШИЛИ with numbered decisions, their responsible parties
 * and deadlines. Both common layouts are read: one agenda followed by one list of decisions (seed 002), and one
 * block per item («1. СЛУШАЛИ: … РЕШИЛИ: 1.1. … 1.2. …»). What fits nowhere goes to {@code unplaced}.
 */
final class ProtocolBody {

    private enum Part { NONE, CHAIR, PARTICIPANTS, AGENDA, HEARD, DECISIONS, TAIL }

    /** A field whose value is on the next line: «Срок:» and then «до 31 мая 2021 года». */
    private enum Pending { NONE, CHAIR, RESPONSIBLE, DEADLINE }

    private static final Pattern INLINE_SPEAKER = Pattern.compile(
            "(?:\\(|(?<=[.;,])\\s*|\\s[-–—]\\s*)(докладчик[а-яё]*|содокладчик[а-яё]*|выступающ[а-яё]*|ответственн[а-яё]*)"
                    + "\\s*(?::|[-–—])\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern INSTRUCTION_VERB = Pattern.compile(
            "^(рекомендовать|поручить|обязать|предложить|просить)\\s+(.+)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ADDRESSEE_WORD = Pattern.compile(
            "(?iu)^(?:[а-яё]+(?:ам|ям|ым|им|ому|ему)|управлению|отделу|департаменту|комитету|центру|институту"
                    + "|министерству|администрации|учреждению|организации|школе|всем)$");
    /** «(Соловьёва И.А., Латыпова Р.Ф.)» under an agenda item: its reporters, named as a list is, in the nominative. */
    private static final Pattern REPORTERS = Pattern.compile(
            "^\\(([^()]*[А-ЯЁ][а-яё]+\\s+[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.[^()]*|[^()]*[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.\\s?[А-ЯЁ][а-яё]+[^()]*)\\)[.;]?$");
    /** «Заслушав информацию …», «Рассмотрев доклад …»: a passage that says who was heard. */
    private static final Pattern HEARD_PREAMBLE = Pattern.compile(
            "(?iu)(?:^|(?<=[\\s,]))(?:заслушав|заслушали|рассмотрев|обсудив|выслушав)(?![а-яё])");
    /** Where an item's subject begins: «о результатах», «об итогах», «по вопросу …». */
    private static final Pattern ABOUT = Pattern.compile("(?<=\\s)(?:о|об|обо|по вопросу|по вопросам)\\s");
    /** «О …», «Об …»: how an agenda item's subject is worded, and a decision never is. */
    private static final Pattern SUBJECT = Pattern.compile("(?u)^(?:О|Об|Обо)\\s");
    /** «Контроль за исполнением …»: never the addressee's, whoever it is put on. */
    private static final Pattern CONTROL = Pattern.compile("(?iu)^контроль\\s");
    /** «Резолюция принята единогласно.», «Голосовали: за – 15»: how it was adopted, not a decision. */
    private static final Pattern VOTE = Pattern.compile(
            "(?iu)^(?:голосовали|голосование|итоги голосования|за\\s*[-–—:]\\s*\\d|принят[аоы]?\\s+(?:единогласно|большинством|участниками)"
                    + "|(?:решение|резолюция|решения|протокол|рекомендации)"
                    + "\\s+(?:принят[аоы]?|утвержд[её]н[аоы]?|одобрен[аоы]?)\\s+(?:единогласно|большинством|участниками|открытым"
                    + "|на\\s+(?:пленарном\\s+|итоговом\\s+|общем\\s+)?(?:заседании|собрании|совещании|конференции))"
                    // an extract's certification: «Выписка верна.», «Копия верна»
                    + "|(?:выписка|копия)\\s+верна|верно\\s*[.:]?\\s*$)");
    /** «а) подготовить …»: an item lettered under its heading. */
    /** «Директорам ОО: а) обеспечить …», «МКУ «РМК»: 1) провести …»: an addressee heading glued to its first point. */
    private static final Pattern GLUED_FIRST_POINT = Pattern.compile("^(.+?:)\\s*([а-яё]|\\d{1,2})\\)\\s*(\\S.*)$");
    /** A document's title line that ends with its date and number, as a running header repeats it. */
    private static final Pattern RUNNING_HEADER = Pattern.compile(
            "(?iu)^.{0,100}(?:от\\s+\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\s*(?:г\\.?|года)?\\s*№\\s*[\\p{L}\\d/-]+"
                    + "|№\\s*[\\p{L}\\d/-]+\\s+от\\s+\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\s*(?:г\\.?|года)?)\\.?$");
    private static final Pattern LETTERED = Pattern.compile("^([а-яё])\\)\\s*(\\S.*)$");
    /** «… к сведению. 2. Провести …»: a decision's number after a sentence's end inside a line (not after «п.»). */
    private static final Pattern NEXT_NUMBER_IN_LINE = Pattern.compile(
            "(?<=(?:[\\p{L}\\d]{3}|[)»])[.;]\\s)([1-9]\\d?)\\.\\s+(?=\\p{Lu})|(?<=(?:[\\p{L}\\d]{3}|[)»]);\\s)([1-9]\\d?)[.)]\\s+(?=\\p{L})");
    /** «… к сведению. 1.2. Провести …»: the next decision's number inside a line. */
    /** Not «(ст. 5.35 КоАП РФ)», «п. 2.3 Положения»: a clause of an act cited. */
    private static final Pattern EMBEDDED_NUMBER = Pattern.compile(
            "(?<=[.;)]\\s)(?<!(?<![\\p{L}])(?:ст|п|пп|ч|гл|разд|стр|табл|прил|рис)\\.\\s)(?=[1-9]\\d?\\.[1-9]\\d?\\.?\\s+\\p{Lu})"
                    + "|(?<=;\\s)(?=[1-9]\\d?\\.[1-9]\\d?\\.\\s+\\p{Ll})");
    /** «Вопрос 2. О подготовке …», «По второму вопросу» on a line of its own. */
    private static final Pattern QUESTION = Pattern.compile(
            "(?iu)^(?:вопрос\\s+(?:№\\s*)?(\\d{1,2})\\.?|по\\s+([а-яё0-9]+)\\s+вопросу(?:\\s+повестки(?:\\s+дня)?)?\\s*[.:]?)"
                    + "(\\s*(?:\\S.*)?)$");
    private static final Pattern BRACKET = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern INFINITIVE = Pattern.compile("(?iu)^[а-яё]{3,}(?:ть|ться|чь|ести)$");

    private final MeetingHeader header;
    private final List<String> unplaced;

    private String chair;
    private final List<String> participants = new ArrayList<>();
    private final List<Item> agenda = new ArrayList<>();
    private final List<DecisionDraft> decisions = new ArrayList<>();

    private Part part = Part.NONE;
    private Pending pending = Pending.NONE;
    private Item currentItem;
    /** The body's lines and the one being read, for a look ahead. */
    private List<String> lines = List.of();
    private int index;
    /** The field read last in the decisions: a wrapped «Ответственные:» goes on in lower case. */
    private Pending lastField = Pending.NONE;
    private boolean readingSpeakers;
    /** The speakers' list goes on: «Докладчики:» with nothing after it, or a speaker ending in «;». */
    private boolean speakersOpen;
    private boolean agendaNumbered;
    private DecisionDraft currentDecision;
    /** «Руководителям ОУ:» over the decisions that follow it. */
    private Addressee addressee;
    /** After the signatures, an appendix («Приложение к приказу …») has begun. */
    private boolean inAppendix;
    /** The agenda item the current СЛУШАЛИ / РЕШИЛИ block belongs to, in per-item layouts. */
    private String blockItem;
    private List<DecisionDraft> blockDecisions = new ArrayList<>();
    /** An item's heading («2. Об организации …») was just read: the next «СЛУШАЛИ» is about it. */
    private boolean itemAnnounced;

    ProtocolBody(MeetingHeader header, List<String> unplaced) {
        this.header = header;
        this.unplaced = unplaced;
    }

    /** An agenda item being read. */
    private static final class Item {
        final String number;
        String title;
        final List<String> speakers = new ArrayList<>();
        String heard;

        Item(String number, String title) {
            this.number = number;
            this.title = title;
        }
    }

    /** An addressee heading: the party as it becomes responsible, and the line as written. */
    private record Addressee(String party, String line, String number) {
    }

    /** A decision being read. */
    private static final class DecisionDraft {
        final String number;
        String text;
        final List<String> responsible = new ArrayList<>();
        String deadline;
        final Addressee addressee;

        DecisionDraft(String number, String text, Addressee addressee) {
            this.number = number;
            this.text = text;
            this.addressee = addressee;
        }
    }

    void read(List<String> lines) {
        this.lines = lines;
        for (int i = 0; i < lines.size(); i++) {
            String next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            index = i;
            line(lines.get(i), next);
        }
        closeAddressee();
    }

    private void line(String line, String next) {
        if (part == Part.TAIL) {
            if (!planInAppendix(line, next)) {
                unplaced.add(line);
                return;
            }
            // the plan's rows are decisions of the document that approves it, numbered on their own
            part = Part.DECISIONS;
            startBlock(null);
        }
        if (pending != Pending.NONE && pendingValue(line)) {
            return;
        }
        if (sectionMarker(line) || header.offer(line)) {
            return;
        }
        if (part != Part.AGENDA && isItemHeadingBeforeHeard(line, next)) {
            return;
        }
        if (heardPassage(line) || itemReporter(line) || questionInAgenda(line) || questionsRecord(line)) {
            return;
        }
        switch (part) {
            case CHAIR -> chairContinuation(line);
            case PARTICIPANTS -> participants.add(ProtocolText.withoutEndPunctuation(withoutListMark(line)));
            case AGENDA -> agendaLine(line);
            case HEARD -> heardLine(line);
            case DECISIONS -> decisionLines(line, next);
            default -> unplaced.add(line);
        }
    }

    // --- sections ---------------------------------------------------------------------------------------------

    private boolean sectionMarker(String line) {
        Matcher chairLine = Markers.CHAIR.matcher(line);
        if (chairLine.matches() || Markers.CHAIR_ALONE.matcher(line).matches()) {
            chairLine(line, chairLine.matches() ? chairLine.group(2).strip() : "");
            return true;
        }
        if (Markers.SECRETARY.matcher(line).matches() && hasSeparator(line)) {
            unplaced.add(line);
            part = bodyStarted() ? Part.TAIL : Part.NONE;
            return true;
        }
        Matcher participantsLine = Markers.PARTICIPANTS.matcher(line);
        if (participantsLine.matches()) {
            part = Part.PARTICIPANTS;
            String rest = participantsLine.group(2).strip();
            if (!rest.isEmpty()) {
                participants.add(ProtocolText.withoutEndPunctuation(rest));
            }
            return true;
        }
        if (Markers.ABSENT.matcher(line).matches()) {
            unplaced.add(line);
            part = Part.NONE;
            return true;
        }
        Matcher agendaLine = Markers.AGENDA.matcher(line);
        if (agendaLine.matches()) {
            part = Part.AGENDA;
            currentItem = null;
            readingSpeakers = false;
            speakersOpen = false;
            String rest = agendaLine.group(2).strip();
            if (!rest.isEmpty()) {
                agendaLine(rest);
            }
            return true;
        }
        Optional<Markers.Heading> heading = Markers.heard(line);
        if (heading.isPresent()) {
            startHeard(heading.get());
            return true;
        }
        heading = Markers.spoke(line);
        if (heading.isPresent()) {
            spoke(heading.get(), line);
            return true;
        }
        heading = Markers.decided(line);
        if (heading.isPresent()) {
            if (heading.get().preamble() != null) {
                preamble(heading.get().preamble(), heading.get().item());
            }
            startDecisions(heading.get());
            return true;
        }
        return false;
    }

    private void chairLine(String line, String rest) {
        if (bodyStarted() || rest.contains("___")) {
            // «Председатель: ________ Е.В. Вторина» under the decisions is the signature
            unplaced.add(line);
            part = Part.TAIL;
        } else if (chair != null) {
            unplaced.add(line);
        } else if (rest.isEmpty()) {
            pending = Pending.CHAIR;
            part = Part.CHAIR;
        } else {
            chair = rest;
            part = Part.CHAIR;
        }
    }

    /** «Вторина Е.В.,» / «заместитель начальника …» on the next line continues the chair. */
    private void chairContinuation(String line) {
        if (chair != null && (chair.endsWith(",") || startsLowerCase(line) || line.startsWith("-") || line.startsWith("–"))) {
            chair = chair + " " + line;
        } else {
            part = Part.NONE;
            unplaced.add(line);
        }
    }

    private boolean pendingValue(String line) {
        boolean anotherField = Markers.RESPONSIBLE.matcher(line).matches() || Markers.DEADLINE.matcher(line).matches();
        if (Markers.startsSection(line) || anotherField || Markers.numbered(line).isPresent() && pending != Pending.CHAIR) {
            pending = Pending.NONE;
            return false;
        }
        switch (pending) {
            case CHAIR -> chair = line;
            case RESPONSIBLE -> addResponsible(currentDecision, line);
            case DEADLINE -> addDeadline(currentDecision, line);
            default -> {
                return false;
            }
        }
        boolean listGoesOn = pending == Pending.RESPONSIBLE && (line.endsWith(";") || line.endsWith(","));
        pending = listGoesOn ? Pending.RESPONSIBLE : Pending.NONE;
        return true;
    }

    // --- agenda -----------------------------------------------------------------------------------------------

    private static final Pattern REPORTER_OF_QUESTION = Pattern.compile(
            "(?iu)^(?:докладчик|содокладчик)[а-яё]*\\s+по\\s+([а-яё]+|\\d{1,2})\\s+вопросу(?:\\s+повестки(?:\\s+дня)?)?\\s*[:–—-]\\s*(\\S.*)$");
    private static final Pattern REPORTER_IN_LINE = Pattern.compile(
            "(?<=[\\p{L}\\d»)][.;])\\s+(?=(?:Докладчик|Докладчики|Содокладчик|Содокладчики|Выступающий|Выступающая)\\s*[:–—-])");

    /**
     * «1.Докладчик: Чебыкина Л.Р., председатель комиссии.» after the agenda: the record of item 1 begins with who
     * reported on it, and what follows is what was heard.
     */
    private boolean itemReporter(String line) {
        Matcher ofQuestion = REPORTER_OF_QUESTION.matcher(line);
        if (ofQuestion.matches() && part != Part.NONE) {
            // «Докладчик по первому вопросу: педагог-психолог Лосева Е.Н.»
            String number = ofQuestion.group(1).matches("\\d{1,2}") ? ofQuestion.group(1) : Markers.ordinal(ofQuestion.group(1));
            if (number != null) {
                return reportedOn(itemOrAdded(number, ""), ofQuestion.group(2));
            }
        }
        Matcher question = QUESTION.matcher(line);
        if (question.matches() && part != Part.NONE) {
            // «По 3 вопросу: докладчик - Гуляева Н.С., методист МКУ «ЦОКО», о проекте регламента.»
            Matcher reporter = Markers.SPEAKER.matcher(question.group(3).strip());
            String number = question.group(1) != null ? question.group(1) : Markers.ordinal(question.group(2));
            if (!reporter.matches() || reporter.group(2).isBlank() || number == null
                    || !reporter.group(1).toLowerCase(Locale.ROOT).startsWith("доклад")) {
                return false;
            }
            return reportedOn(itemOrAdded(number, ""), reporter.group(2));
        }
        if (!(part == Part.AGENDA || part == Part.HEARD || part == Part.DECISIONS)) {
            return false;
        }
        Optional<Markers.Numbered> numbered = Markers.numbered(line);
        if (numbered.isEmpty() || numbered.get().isSubNumber()) {
            return false;
        }
        Matcher speaker = Markers.SPEAKER.matcher(numbered.get().text());
        Optional<Item> item = itemNumbered(numbered.get().number());
        if (!speaker.matches() || item.isEmpty() || speaker.group(2).isBlank()) {
            return false;
        }
        return reportedOn(item.get(), speaker.group(2));
    }

    /** The record of an item begins with who reported on it; what follows is what was heard. */
    private boolean reportedOn(Item item, String speakers) {
        openRecord(item);
        addSpeakers(item, ProtocolText.withoutEndPunctuation(speakers.strip()));
        return true;
    }

    /** What follows is the record of this item: what was heard on it. */
    private void openRecord(Item item) {
        closeAddressee();
        currentItem = item;
        readingSpeakers = false;
        part = Part.HEARD;
    }

    /** The agenda's item of that number, or a new one added to the agenda when the protocol has no agenda line for it. */
    private Item itemOrAdded(String number, String title) {
        return itemNumbered(number).orElseGet(() -> {
            Item created = new Item(number, title);
            agenda.add(created);
            return created;
        });
    }

    /**
     * «По первому вопросу участники РМО посмотрели открытое занятие. Выступила Рябова Т.К., …» after the agenda: the
     * record of item 1, whatever its first words.
     */
    private boolean questionsRecord(String line) {
        if (!(part == Part.AGENDA || part == Part.HEARD) || agenda.isEmpty()) {
            return false;
        }
        Matcher question = QUESTION.matcher(line);
        if (!question.matches() || question.group(2) == null || question.group(3).isBlank()
                || !Character.isLowerCase(question.group(3).strip().charAt(0))) {
            return false;
        }
        String number = Markers.ordinal(question.group(2));
        Optional<Item> item = number == null ? Optional.empty() : itemNumbered(number);
        if (item.isEmpty()) {
            return false;
        }
        openRecord(item.get());
        appendHeard(currentItem, question.group(3).strip());
        return true;
    }

    /** «Вопрос 1. О результатах …» before the decisions, with no «Повестка» heading: the agenda's item 1. */
    private boolean questionInAgenda(String line) {
        if (!(part == Part.NONE || part == Part.CHAIR || part == Part.PARTICIPANTS || part == Part.AGENDA)
                || !decisions.isEmpty()) {
            return false;
        }
        Matcher question = QUESTION.matcher(line);
        if (!question.matches() || question.group(1) == null || question.group(3).isBlank()) {
            return false;
        }
        part = Part.AGENDA;
        agendaLine(question.group(1) + ". " + question.group(3).strip());
        return true;
    }

    private void agendaLine(String line) {
        Matcher reporter = REPORTER_IN_LINE.matcher(line);
        if (reporter.find()) {
            // «1. Итоги оценочных процедур: что показывают данные. Докладчик: Беляева Марина Олеговна, …»
            agendaLine(line.substring(0, reporter.start()).strip());
            agendaLine(line.substring(reporter.end()));
            return;
        }
        Optional<Markers.Numbered> numbered = Markers.numbered(line);
        List<Integer> items = numbered.filter(n -> n.number().equals("1")).isPresent() ? itemsInLine(line) : List.of();
        if (!items.isEmpty()) {
            // «Повестка дня: 1. Итоги … . 2. Подготовка … . 3. Неделя начальной школы.» on one line
            int from = 0;
            for (int start : items) {
                agendaLine(line.substring(from, start).strip());
                from = start;
            }
            agendaLine(line.substring(from).strip());
            return;
        }
        if (numbered.isPresent() && !numbered.get().isSubNumber() && itemNumbered(numbered.get().number()).isPresent()) {
            // «1. Анализ результатов ГИА-2025» after an agenda of 1–3: the record of item 1 begins
            itemHeading(numbered.get(), line);
            return;
        }
        if (numbered.isPresent()) {
            agendaNumbered = true;
            newItem(numbered.get().number(), numbered.get().text());
            return;
        }
        Matcher reporters = REPORTERS.matcher(line);
        if (reporters.matches() && currentItem != null && currentItem.speakers.isEmpty()) {
            // «Вопрос 2. О работе …» / «(Бережная Т.К., Юсупова Л.Р.)»: who reports on the item
            addSpeakers(currentItem, reporters.group(1));
            return;
        }
        Matcher speaker = Markers.SPEAKER.matcher(line);
        if (speaker.matches() && currentItem != null) {
            String value = speaker.group(2).strip();
            addSpeakers(currentItem, value);
            readingSpeakers = true;
            speakersOpen = value.isEmpty() || value.endsWith(";") || value.endsWith(",");
            return;
        }
        if (readingSpeakers && speakersOpen && currentItem != null) {
            // «Докладчики:» and a speaker a line: even a bare «Иванов И.И.» is one of them
            speakerContinuation(line);
            speakersOpen = line.endsWith(";") || line.endsWith(",");
            return;
        }
        if (isSignature(line)) {
            signature(line);
            return;
        }
        if (currentItem == null) {
            if (agendaNumbered) {
                unplaced.add(line);
            } else {
                newItem(String.valueOf(agenda.size() + 1), ProtocolText.withoutBullet(line));
            }
        } else if (readingSpeakers) {
            speakerContinuation(line);
        } else if (!endsSentence(currentItem.title) || startsLowerCase(line)) {
            currentItem.title = ProtocolText.joinWrapped(currentItem.title, line);
        } else if (!agendaNumbered) {
            // an agenda written without numbers: each paragraph is an item
            newItem(String.valueOf(agenda.size() + 1), ProtocolText.withoutBullet(line));
        } else {
            unplaced.add(line);
        }
    }

    private void newItem(String number, String text) {
        Item item = new Item(number, text);
        readingSpeakers = false;
        speakersOpen = false;
        Matcher inline = INLINE_SPEAKER.matcher(text);
        if (inline.find() && inline.start() > 0) {
            boolean bracketed = text.charAt(inline.start()) == '(';
            String speakers = text.substring(inline.end());
            if (bracketed) {
                speakers = speakers.replaceFirst("\\)\\s*\\.?\\s*$", "");
            }
            item.title = text.substring(0, inline.start()).replaceAll("[\\s–—-]+$", "").strip();
            addSpeakers(item, speakers);
            readingSpeakers = true;
        }
        agenda.add(item);
        currentItem = item;
    }

    /** A speaker's position wrapped onto the next line, or the next speaker. */
    private void speakerContinuation(String line) {
        List<String> speakers = currentItem.speakers;
        String last = speakers.isEmpty() ? null : speakers.get(speakers.size() - 1);
        if (last != null && Parties.continuesEntry(line)) {
            speakers.set(speakers.size() - 1, ProtocolText.withoutEndPunctuation(last + " " + line));
        } else {
            addSpeakers(currentItem, line);
        }
    }

    private static void addSpeakers(Item item, String text) {
        Parties.Split split = Parties.split(text);
        item.speakers.addAll(split.parties());
        for (String remark : split.remarks()) {
            item.title = item.title + " " + remark;
        }
    }

    // --- heard ------------------------------------------------------------------------------------------------

    /** «1. СЛУШАЛИ: …», «По второму вопросу слушали:», «СЛУШАЛИ:» (the next item without a heard text). */
    private void startHeard(Markers.Heading heading) {
        part = Part.HEARD;
        boolean announced = itemAnnounced && currentItem != null;
        String number = heading.item() != null ? heading.item()
                : announced ? currentItem.number : nextItemWithoutHeard();
        Item announcedItem = heading.item() == null && announced ? currentItem : null;
        currentItem = announcedItem != null ? announcedItem : itemOrAdded(number, "");
        // a block of its own when the protocol numbers it; «СЛУШАЛИ:» after «СЛУШАЛИ:» then one «РЕШИЛИ» is not
        startBlock(heading.item() != null || announced ? number : null);
        itemAnnounced = false;
        readingSpeakers = false;
        if (!heading.rest().isEmpty()) {
            appendHeard(currentItem, heading.rest());
        }
    }

    private String nextItemWithoutHeard() {
        return agenda.stream().filter(i -> i.heard == null && i.number != null && !i.number.contains("."))
                .map(i -> i.number).findFirst()
                .orElse(String.valueOf(agenda.size() + 1));
    }

    /** «ВЫСТУПИЛИ: …» belongs to what was heard on the current item, label and all. */
    private void spoke(Markers.Heading heading, String line) {
        Item item = heading.item() != null ? itemNumbered(heading.item()).orElse(currentItem) : currentItem;
        if (item == null) {
            // «Выступили: …» in a decision that has no agenda: who spoke is kept on an item of its own
            item = new Item(null, "");
            agenda.add(item);
        }
        if (heading.item() != null && item != currentItem) {
            // «По третьему вопросу с информацией выступил …»: the item is heard, and its decisions are its own block
            startBlock(item.number);
        }
        currentItem = item;
        part = Part.HEARD;
        appendHeard(item, line);
    }

    /**
     * «Заслушав и обсудив доклад … Гусевой Л.Н. …, участники конференции отмечают …» or «Коллегия, заслушав …» before
     * a resolution's decisions, with no agenda: what was heard, on an item of its own, up to the decision word.
     */
    private boolean heardPassage(String line) {
        if (!(part == Part.NONE || part == Part.CHAIR || part == Part.PARTICIPANTS) || !agenda.isEmpty()
                || !decisions.isEmpty()) {
            return false;
        }
        Matcher hearing = HEARD_PREAMBLE.matcher(line);
        if (!hearing.find()) {
            return false;
        }
        if (hearing.start() > 0) {
            // «Коллегия, заслушав и обсудив …»: who hears is kept as written
            unplaced.add(line.substring(0, hearing.start()).strip());
        }
        String heard = line.substring(hearing.start());
        Item item = new Item(null, preambleTitle(ProtocolText.withoutEndPunctuation(heard)));
        item.heard = heard;
        agenda.add(item);
        currentItem = item;
        part = Part.HEARD;
        return true;
    }

    private static final Pattern SPOKE_IN_PROSE = Pattern.compile("(?iu)(?<![а-яё])выступил[аио]?(?![а-яё])");
    /** The most lines one sentence of who spoke is read over. */
    private static final int LONGEST_SPOKEN_PASSAGE = 8;

    /**
     * «На пленарном заседании выступили: ректор института Голованова Е.С. …, директор … Ершов К.П.» in the prose above
     * a resolution's decisions, which has no agenda: the people it names spoke. The lines stay where they were; the
     * passage is what was heard on an item of its own.
     */
    void spokeInProse(List<String> prose) {
        if (agenda.stream().anyMatch(i -> i.number != null)) {
            return;
        }
        for (int i = 0; i < prose.size(); i++) {
            if (!SPOKE_IN_PROSE.matcher(prose.get(i)).find()) {
                continue;
            }
            String passage = prose.get(i);
            int end = i;
            while (!prose.get(end).endsWith(".") && end + 1 < prose.size() && end - i + 1 < LONGEST_SPOKEN_PASSAGE) {
                end++;
                passage = ProtocolText.joinWrapped(passage, prose.get(end));
            }
            if (!SpeakerNames.ofItem(List.of(), passage).isEmpty()) {
                Item item = new Item(null, "");
                item.heard = passage;
                agenda.add(item);
            }
            i = end;
        }
    }

    private void heardLine(String line) {
        Optional<Markers.Numbered> numbered = Markers.numbered(line);
        if (numbered.isPresent() && isNextItemHeading(numbered.get())) {
            itemHeading(numbered.get(), line);
            return;
        }
        if (currentItem != null && currentItem.heard == null && currentItem.speakers.isEmpty() && startsLowerCase(line)
                && !currentItem.title.isEmpty() && !endsSentence(currentItem.title)) {
            // «I. О ходе подготовки к … аттестации» / «в 2025 году»: the item's title wraps
            currentItem.title = ProtocolText.joinWrapped(currentItem.title, line);
            return;
        }
        Matcher speaker = Markers.SPEAKER.matcher(line);
        if (currentItem != null && currentItem.heard == null && speaker.matches()) {
            addSpeakers(currentItem, speaker.group(2));
            return;
        }
        Matcher reporters = REPORTERS.matcher(line);
        if (currentItem != null && currentItem.heard == null && currentItem.speakers.isEmpty() && reporters.matches()) {
            // «1. О результатах оценки …» / «(Соловьёва И.А., Латыпова Р.Ф.)»: who reports on the item, as a list
            addSpeakers(currentItem, reporters.group(1));
            return;
        }
        // «Ларионову М.А.» on its own line is whom they heard; only a signature line proper ends the protocol here
        if (isSignatureLine(line)) {
            signature(line);
            return;
        }
        if (currentItem == null) {
            unplaced.add(line);
        } else {
            appendHeard(currentItem, line);
        }
    }

    private static void appendHeard(Item item, String text) {
        item.heard = item.heard == null ? text : item.heard + "\n" + text;
    }

    /**
     * A numbered line that opens the next item in a per-item layout («2. Об организации работы со ШНОР.» after
     * item 1's decisions 1.1, 1.2), rather than a decision or a line of what was heard.
     */
    private boolean isNextItemHeading(Markers.Numbered numbered) {
        if (blockItem != null && blockItem.matches("[IVX]+") && numbered.number().matches("[IVX]+")
                && Markers.arabic(numbered.number()).equals(String.valueOf(Integer.parseInt(Markers.arabic(blockItem)) + 1))) {
            // «II. О реализации …» after the decisions of «I. О ходе …»: the next question
            return true;
        }
        if (numbered.isSubNumber() || blockItem == null || !blockItem.matches("\\d+")
                || !numbered.number().equals(String.valueOf(Integer.parseInt(blockItem) + 1))) {
            return false;
        }
        Optional<Item> known = itemNumbered(numbered.number());
        if (known.isPresent() && similar(known.get().title, numbered.text())) {
            return true;
        }
        if (part != Part.DECISIONS) {
            return false;
        }
        if (known.isEmpty() && !agenda.isEmpty() && agenda.stream().allMatch(i -> i.number != null)
                && (CONTROL.matcher(numbered.text()).lookingAt() || DecisionWording.hasInfinitive(numbered.text()))) {
            // «4. Контроль за исполнением … возложить на …» after items 1–3's decisions: the agenda has no item 4
            return false;
        }
        // «2. Об организации питания» after decisions «1.», «2.» of item 1: a subject, as agenda items are worded,
        // whose number does not go on from the decisions'
        return blockDecisions.stream().anyMatch(d -> d.number != null && d.number.startsWith(blockItem + "."))
                || SUBJECT.matcher(numbered.text()).lookingAt() && !continuesDecisionNumbers(numbered);
    }

    /** A numbered line followed by «СЛУШАЛИ:»: an item's heading in a protocol without a separate agenda. */
    private boolean isItemHeadingBeforeHeard(String line, String next) {
        if (next == null || part == Part.TAIL) {
            return false;
        }
        Optional<Markers.Numbered> numbered = Markers.numbered(line);
        Optional<Markers.Heading> heard = Markers.heard(next);
        // «1. О готовности …» / «(Рожков Б.П.)» / «РЕШИЛИ:» at the body's start heads item 1 too
        boolean decidedAhead = (part == Part.NONE || part == Part.PARTICIPANTS || part == Part.CHAIR) && decisions.isEmpty()
                && agenda.isEmpty() && numbered.isPresent() && numbered.get().number().matches("1|I")
                && (markerAhead() || reported(numbered.get(), next) && markerAhead(12));
        if (numbered.isEmpty() || numbered.get().isSubNumber()
                || !decidedAhead && (heard.isEmpty() || heard.get().item() != null)
                || continuesDecisionNumbers(numbered.get())) {
            return false;
        }
        itemHeading(numbered.get(), line);
        return true;
    }

    /** «2. Об итогах ГИА» (or «II.») after decisions 1.1, 1.2, 1.3: the next item's heading. */
    private boolean followsItemsDecisions(Markers.Numbered numbered) {
        if (numbered.isSubNumber() || numbered.bracket() || currentDecision == null || currentDecision.number == null
                || !currentDecision.number.matches("\\d+\\.\\d+")) {
            return false;
        }
        String item = Markers.arabic(numbered.number());
        return item.matches("\\d+") && currentDecision.number.startsWith((Integer.parseInt(item) - 1) + ".")
                && markerAhead();
    }

    /** Whether «СЛУШАЛИ» or «РЕШИЛИ» follows within a few lines: what comes before it heads an item. */
    private static final Pattern REPORTER_LABEL = Pattern.compile("(?iu)^(?:докладчик|содокладчик|докладыва|выступающ)[а-яё]*\\s*[:–—-]");

    /** «3. Разное» / «Рабочая группа РЕШИЛА: …»: a short title with no order, the decision word next, heads an item. */
    private boolean headsDecisionsNext(Markers.Numbered numbered) {
        return index + 1 < lines.size() && numbered.text().split("\\s+").length <= 12 && !numbered.text().endsWith(":")
                && !DecisionWording.hasInfinitive(numbered.text()) && Markers.decided(lines.get(index + 1)).isPresent()
                && Markers.decided(numbered.text()).isEmpty();
    }

    /** Whether the next line says who reports: «Докладчик: …». */
    private boolean reporterNext() {
        return index + 1 < lines.size() && REPORTER_LABEL.matcher(lines.get(index + 1)).lookingAt();
    }

    private boolean markerAhead() {
        return markerAhead(3);
    }

    /** «1. О ходе подготовки к ВПР (Сидоренко Л.А.)», or the same with the names on the next line: an item reported on. */
    private static boolean reported(Markers.Numbered numbered, String next) {
        return SUBJECT.matcher(numbered.text()).lookingAt() && (Markers.REPORTERS_AT_END.matcher(numbered.text()).find()
                || next != null && REPORTERS.matcher(next).matches());
    }

    private boolean markerAhead(int within) {
        for (int i = index + 1; i < lines.size() && i <= index + within; i++) {
            String line = lines.get(i);
            if (Markers.heard(line).isPresent() || Markers.decided(line).isPresent() || Markers.spoke(line).isPresent()) {
                return true;
            }
            if (Markers.numbered(line).isPresent()) {
                return false;
            }
        }
        return false;
    }

    /** «2.» right after decision «1.»: the next decision, even when «СЛУШАЛИ» of the next item follows it. */
    private boolean continuesDecisionNumbers(Markers.Numbered numbered) {
        if (part != Part.DECISIONS || currentDecision == null || currentDecision.number == null
                || !currentDecision.number.matches("\\d+")) {
            return false;
        }
        return numbered.number().equals(String.valueOf(Integer.parseInt(currentDecision.number) + 1));
    }

    private void itemHeading(Markers.Numbered numbered, String line) {
        Optional<Item> known = itemNumbered(numbered.number());
        Item item;
        if (known.isPresent()) {
            item = known.get();
            if (HEARD_PREAMBLE.matcher(numbered.text()).lookingAt()) {
                // «1. Заслушав информацию … Ощепковой В.Д. о …»: the record of item 1 begins with what was heard
                appendHeard(item, numbered.text());
            } else if (item.title.isEmpty()) {
                item.title = numbered.text();
            } else if (!similar(item.title, numbered.text())) {
                unplaced.add(line);
            }
        } else {
            item = new Item(numbered.number(), numbered.text());
            agenda.add(item);
        }
        Matcher reporters = Markers.REPORTERS_AT_END.matcher(item.title);
        if (reporters.find() && item.speakers.isEmpty()) {
            // «2. Об организации летней кампании (Гусейнова Э.М.)»: who reports, in brackets after the title
            String names = item.title.substring(reporters.start() + 1).replaceFirst("\\)\\.?$", "");
            item.title = item.title.substring(0, reporters.start()).strip();
            addSpeakers(item, names);
        }
        currentItem = item;
        readingSpeakers = false;
        startBlock(numbered.number());
        itemAnnounced = true;
        part = Part.HEARD;
    }

    // --- decisions --------------------------------------------------------------------------------------------

    /**
     * What leads to the decision word: «Заслушав информацию Ивановой И.П. о результатах ВПР, совет» is what was heard
     * on an item (the announced one, or one of its own when the text has no agenda); «В соответствии с …» of an order
     * is kept as written.
     */
    private void preamble(String text, String number) {
        String passage = ProtocolText.withoutEndPunctuation(text);
        Matcher heardWord = HEARD_PREAMBLE.matcher(passage);
        if (!heardWord.find()) {
            unplaced.add(number == null ? text : number + ". " + text);
            return;
        }
        if (heardWord.start() > 0) {
            // «Во исполнение Указа …, заслушав доклад …»: what leads to the hearing is kept as written
            unplaced.add(passage.substring(0, heardWord.start()).strip());
            passage = passage.substring(heardWord.start());
        }
        if (number != null) {
            Item item = itemOrAdded(number, preambleTitle(passage));
            appendHeard(item, passage);
            currentItem = item;
            itemAnnounced = false;
            return;
        }
        if (currentItem != null && (itemAnnounced || part == Part.HEARD && currentItem.heard == null)) {
            appendHeard(currentItem, passage);
            itemAnnounced = false;
            return;
        }
        Item item = new Item(null, preambleTitle(passage));
        item.heard = passage;
        agenda.add(item);
        currentItem = item;
    }

    /** «о результатах ВПР» of «Заслушав информацию Ивановой И.П. о результатах ВПР, совет». */
    private static String preambleTitle(String passage) {
        String p = passage;
        int comma = p.lastIndexOf(',');
        if (comma > 0 && p.substring(comma + 1).strip().split("\\s+").length <= 6
                && !p.substring(comma + 1).matches("(?s).*\\s(?:о|об|обо)\\s.*")) {
            p = p.substring(0, comma);
        }
        Matcher about = ABOUT.matcher(p);
        return about.find() ? p.substring(about.start()).strip() : "";
    }

    private void startDecisions(Markers.Heading heading) {
        part = Part.DECISIONS;
        // «2. РЕШИЛИ:» names its item; a bare «РЕШИЛИ:» decides on the item just heard, if the protocol numbers them
        startBlock(heading.item() != null ? heading.item() : blockItem);
        if (!heading.rest().isEmpty()) {
            Optional<Markers.Numbered> numbered = Markers.numbered(heading.rest());
            if (numbered.isPresent() && isAddresseeHeading(numbered.get().text())) {
                // «РЕШИЛИ: 1. Руководителям ОУ:» — the heading is kept as written, its number with it
                unplaced.add(heading.rest());
                addresseeHeading(numbered.get().text(), null);
                return;
            }
            decisionLines(heading.rest(), null);
        }
    }

    /** «Приложение к приказу …»: a page after the signatures that may hold the plan the document approves. */
    private static final Pattern APPENDIX = Pattern.compile("(?iu)^приложение(?:\\s*(?:№\\s*)?\\d{1,2})?(?:\\s+к\\s+.*)?$");

    /**
     * «Приложение к приказу … / ПЛАН МЕРОПРИЯТИЙ … / № | Мероприятие | Срок | Ответственные»: after the signatures, a
     * plan's table whose rows have a deadline or a responsible column is what the document orders to be done.
     */
    private boolean planInAppendix(String line, String next) {
        if (APPENDIX.matcher(line).matches()) {
            inAppendix = true;
            return false;
        }
        return inAppendix && next != null && Markers.numbered(line).filter(n -> !n.isSubNumber()).isPresent()
                && (Markers.RESPONSIBLE.matcher(next).matches() || Markers.DEADLINE.matcher(next).matches());
    }

    private void startBlock(String item) {
        closeAddressee();
        blockItem = item;
        blockDecisions = new ArrayList<>();
        currentDecision = null;
        pending = Pending.NONE;
    }

    /**
     * «1.1. Информацию принять к сведению. 1.2. Провести …» on one line: each numbered decision apart; and «1. … 2. …
     * 3. …» after a line's own «1.», where only the next number in turn after a sentence's end (not after «п.») is a
     * decision's.
     */
    private void decisionLines(String line, String next) {
        List<Integer> starts = new ArrayList<>();
        Matcher embedded = EMBEDDED_NUMBER.matcher(line);
        while (embedded.find()) {
            starts.add(embedded.start());
        }
        if (starts.isEmpty() && Markers.numbered(line).filter(n -> n.number().equals("1")).isPresent()) {
            starts.addAll(itemsInLine(line));
        }
        int from = 0;
        for (int start : starts) {
            decisionLine(line.substring(from, start).strip(), null);
            from = start;
        }
        decisionLine(line.substring(from).strip(), next);
    }

    /** Where «2.», «3.» … begin in a line that begins with «1.»: after a sentence's end, or «2)» after a semicolon. */
    private static List<Integer> itemsInLine(String line) {
        List<Integer> starts = new ArrayList<>();
        Matcher following = NEXT_NUMBER_IN_LINE.matcher(line);
        int expected = 2;
        while (following.find()) {
            String number = following.group(1) != null ? following.group(1) : following.group(2);
            if (Integer.parseInt(number) == expected) {
                starts.add(following.start());
                expected++;
            }
        }
        return starts;
    }

    private void decisionLine(String line, String next) {
        if (Markers.CARD_FIELD.matcher(line).lookingAt()) {
            // a register's card after the text, no decision
            unplaced.add(line);
            return;
        }
        Matcher reporterLabel = REPORTER_LABEL.matcher(line);
        if (blockItem != null && currentDecision == null && reporterLabel.lookingAt()) {
            // «3. По третьему вопросу» / «Докладчик: Гарипов Р.Н., …»: who reported on the block's item
            addSpeakers(itemOrAdded(blockItem, ""), ProtocolText.withoutEndPunctuation(line.substring(reporterLabel.end()).strip()));
            return;
        }
        if (Markers.PROTOCOL.matcher(line).matches() && line.contains("№")
                || Markers.DOCUMENT.matcher(line).matches() && RUNNING_HEADER.matcher(line).matches()) {
            // «Протокол № 3 от 12.05.2023», «Решение педагогического совета от 12.01.2024 № 6» at the top of a page
            // is its running header
            unplaced.add(line);
            return;
        }
        Matcher question = QUESTION.matcher(line);
        if (question.matches()) {
            String number = question.group(1) != null ? question.group(1) : Markers.ordinal(question.group(2));
            if (number != null && question.group(3).isBlank() && !markerAhead()) {
                questionOfBlock(number, line);
                return;
            }
            if (number != null) {
                itemHeading(new Markers.Numbered(number, question.group(3).strip(), false), line);
                return;
            }
        }
        if (currentDecision != null && currentDecision.text.endsWith(",")
                && (Markers.RESPONSIBLE.matcher(line).matches() || Markers.DEADLINE.matcher(line).matches())) {
            // «… до 15.02.2023,» / «ответственный – Маркова И.Ю.»: the sentence goes on, its fields inside it
            currentDecision.text = currentDecision.text + " " + line;
            return;
        }
        if (lastField == Pending.RESPONSIBLE && currentDecision != null && !currentDecision.responsible.isEmpty()
                && Markers.numbered(line).isEmpty() && (startsLowerCase(line) || wrapsParty(line, next))) {
            // «Ответственные: руководители ОО, отдел» / «образования»: the party wraps onto the next line
            int last = currentDecision.responsible.size() - 1;
            currentDecision.responsible.set(last, ProtocolText.withoutEndPunctuation(
                    ProtocolText.joinWrapped(currentDecision.responsible.get(last), line)));
            return;
        }
        if (lastField == Pending.DEADLINE && currentDecision != null && currentDecision.deadline != null
                && DEADLINE_WRAP.matcher(line).matches()) {
            // «Срок: до 20 января» / «2025 года»: the deadline wraps onto the next line
            currentDecision.deadline = ProtocolText.joinWrapped(currentDecision.deadline, ProtocolText.withoutEndPunctuation(line));
            lastField = Pending.NONE;
            return;
        }
        lastField = Pending.NONE;
        if (currentDecision != null && LAID_ON_POSITION.matcher(currentDecision.text).find() && line.split("\\s+").length <= 8
                && (Markers.ENDS_WITH_NAME.matcher(line).find() || SURNAME_FIRST_AT_END.matcher(line).find()) && Markers.numbered(line).isEmpty()) {
            // «… возложить на заместителя директора» / «ЦОКО Веденееву О.И.»: the position goes on to the person
            currentDecision.text = ProtocolText.joinWrapped(currentDecision.text, line);
            return;
        }
        if (next != null && currentDecision != null && isSignatoryPosition(line, next)) {
            signature(line);
            return;
        }
        if (currentDecision != null && (!endsSentence(currentDecision.text) || LAID_ON_QUOTED.matcher(currentDecision.text).find())
                && Markers.NAME_ONLY.matcher(line).matches()) {
            // «… возложить на заместителя начальника» / «Гребенщикову Л.М.»
            currentDecision.text = currentDecision.text + " " + line;
            return;
        }
        Optional<Markers.Numbered> numbered = Markers.numbered(line);
        if (numbered.isPresent()) {
            numberedDecisionLine(numbered.get(), line);
            return;
        }
        Matcher responsible = Markers.RESPONSIBLE.matcher(line);
        if (responsible.matches() && currentDecision != null) {
            String value = responsible.group(2).strip();
            if (value.isEmpty()) {
                pending = Pending.RESPONSIBLE;
            } else {
                addResponsible(currentDecision, value);
                pending = value.endsWith(";") || value.endsWith(",") ? Pending.RESPONSIBLE : Pending.NONE;
                // «Ответственные: учителя 2-4 классов.»: a full stop closes the field, so no next line wraps it
                lastField = value.endsWith(".") ? Pending.NONE : Pending.RESPONSIBLE;
            }
            return;
        }
        Matcher deadline = Markers.DEADLINE.matcher(line);
        if (deadline.matches() && currentDecision != null) {
            String value = ProtocolText.withoutEndPunctuation(deadline.group(2));
            if (value.isEmpty()) {
                pending = Pending.DEADLINE;
            } else {
                // «Срок: до 25.11.2022, ответственные: руководители ШМО»
                List<Field> more = labelled(value, false);
                Matcher label = Markers.INLINE_FIELD.matcher(value);
                String own = label.find() && label.start() > 0 ? value.substring(0, label.start()) : value;
                addDeadline(currentDecision, own.replaceAll("[\\s,;]+$", ""));
                deadlineOfSubPoints(currentDecision);
                lastField = more.isEmpty() ? Pending.DEADLINE : Pending.NONE;
                for (Field field : more) {
                    if (field.label().toLowerCase(Locale.ROOT).startsWith("срок")) {
                        addDeadline(currentDecision, field.value());
                    } else {
                        addResponsible(currentDecision, field.value());
                    }
                }
            }
            return;
        }
        if (isAddresseeHeading(line)) {
            addresseeHeading(line, line);
            return;
        }
        Matcher glued = GLUED_FIRST_POINT.matcher(line);
        if (glued.matches() && isAddresseeHeading(glued.group(1))) {
            addresseeHeading(glued.group(1), glued.group(1));
            newDecision(glued.group(2), glued.group(3));
            return;
        }
        if (isSignature(line) || currentDecision != null && endsSentence(currentDecision.text)
                && POSITION_AND_NAME.matcher(line).matches()) {
            // «руководитель ШМО Белоусова А.В.» under the last decision: who signed, typed in lower case
            signature(line);
            return;
        }
        if (VOTE.matcher(line).lookingAt()) {
            unplaced.add(line);
            return;
        }
        Matcher lettered = LETTERED.matcher(line);
        if (lettered.matches() && !(currentDecision != null && governsPoints(currentDecision))) {
            newDecision(lettered.group(1), lettered.group(2));
            return;
        }
        if (ProtocolText.hasBullet(line) && (currentDecision == null || !inPoints(currentDecision))) {
            // «- провести …» in a list of decisions that has no numbers: each is a decision
            newDecision(null, ProtocolText.withoutBullet(line));
            return;
        }
        if (currentDecision != null && (continues(currentDecision, line) || secondSentence(currentDecision, line, next))) {
            boolean point = ProtocolText.hasBullet(line) || lettered.matches();
            currentDecision.text = point ? currentDecision.text + "\n" + line
                    : ProtocolText.joinWrapped(currentDecision.text, line);
            wrappedHeading();
            return;
        }
        newDecision(null, line);
    }

    /** «РЕШИЛИ:» / «По первому вопросу:» / «1. …» / «По второму вопросу:»: the decisions of one block, by item. */
    private void questionOfBlock(String number, String line) {
        closeAddressee();
        currentItem = itemNumbered(number).orElse(currentItem);
        startBlock(number);
        unplaced.add(line);
    }

    private void numberedDecisionLine(Markers.Numbered numbered, String line) {
        Matcher question = QUESTION.matcher(numbered.text());
        if (question.matches() && question.group(2) != null && question.group(3).isBlank()
                && numbered.number().equals(Markers.ordinal(question.group(2)))) {
            // «1. По первому вопросу:» / «1.1. …»: a block's heading numbered as its item, not a decision
            questionOfBlock(numbered.number(), line);
            return;
        }
        if (isNextItemHeading(numbered) || followsItemsDecisions(numbered)
                || !numbered.isSubNumber() && !numbered.bracket() && (reporterNext() || headsDecisionsNext(numbered)
                        || reported(numbered, index + 1 < lines.size() ? lines.get(index + 1) : null))) {
            // «2. Итоговое сочинение» / «Докладчик: …» after item 1's decisions: the next item
            itemHeading(numbered, line);
            return;
        }
        if (currentDecision != null && numbered.bracket() && governsPoints(currentDecision)) {
            // «1) …», «2) …» under «Обеспечить:» are points of that decision
            currentDecision.text = currentDecision.text + "\n" + line;
            return;
        }
        if (addressee != null && addressee.number() != null && (!numbered.bracket() || nextBracketed(addressee, numbered))
                && !numbered.number().startsWith(addressee.number() + ".")
                && !numbered.number().startsWith(Markers.arabic(addressee.number()) + ".")
                && !(numbered.number().contains(".") && startsLowerCase(numbered.text()))) {
            // «2. Руководителям ОО:» is over 2.1, 2.2 … and «1)», «а)» — not over 3; «II. Директорам:» over 2.1;
            // a sub-item in lower case goes on with the heading's sentence whatever its number
            closeAddressee();
        }
        if (isAddresseeHeading(numbered.text())) {
            addresseeHeading(numbered.text(), line);
            addressee = new Addressee(addressee.party(), addressee.line(), numbered.number());
            return;
        }
        Matcher glued = GLUED_FIRST_POINT.matcher(numbered.text());
        if (glued.matches() && isAddresseeHeading(glued.group(1))) {
            // «2. Директорам ОО: а) обеспечить …»: the heading and its first point on one line
            addresseeHeading(glued.group(1), glued.group(1));
            addressee = new Addressee(addressee.party(), addressee.line(), numbered.number());
            newDecision(glued.group(2), glued.group(3));
            return;
        }
        newDecision(numbered.number(), numbered.text());
    }

    /** «2) Учителям русского языка:» / «- …» / «3) Провести …»: the heading's sibling, numbered as the heading is. */
    private static boolean nextBracketed(Addressee addressee, Markers.Numbered numbered) {
        String line = addressee.line();
        return line != null && line.startsWith(addressee.number() + ")") && numbered.number().matches("\\d{1,2}")
                && addressee.number().matches("\\d{1,2}") && Integer.parseInt(numbered.number()) > Integer.parseInt(addressee.number());
    }

    private void newDecision(String number, String line) {
        DecisionDraft decision = new DecisionDraft(number, line.replaceAll("\\s{2,}", " ").strip(), addressee);
        decisions.add(decision);
        blockDecisions.add(decision);
        currentDecision = decision;
        pending = Pending.NONE;
    }

    /**
     * «Провести анализ. Ответственные: руководители ОО. Срок: до 01.10.2021.», «… (срок – до 31 мая; ответственные
     * – руководители ОО).»: fields written inside the wording, which keeps them as written.
     */
    private static List<Field> inlineFields(String text) {
        List<Field> fields = new ArrayList<>();
        Matcher bracket = BRACKET.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (bracket.find()) {
            String inner = bracket.group(1);
            Matcher label = Markers.INLINE_FIELD.matcher(inner);
            if (label.lookingAt()) {
                fields.addAll(labelled(inner, true));
                bracket.appendReplacement(rest, " ");
            } else {
                bracket.appendReplacement(rest, Matcher.quoteReplacement(bracket.group()));
            }
        }
        bracket.appendTail(rest);
        fields.addAll(labelled(rest.toString(), false));
        return fields;
    }

    private static List<Field> labelled(String text, boolean fromStart) {
        Matcher inline = Markers.INLINE_FIELD.matcher(text);
        List<int[]> labels = new ArrayList<>();
        while (inline.find()) {
            if (fromStart || inline.start() > 0) {
                labels.add(new int[]{inline.start(), inline.end()});
            }
        }
        List<Field> fields = new ArrayList<>();
        for (int f = 0; f < labels.size(); f++) {
            int valueEnd = f + 1 < labels.size() ? labels.get(f + 1)[0] : text.length();
            String value = text.substring(labels.get(f)[1], valueEnd).replaceAll("[\\s,;.)]+$", "");
            fields.add(new Field(text.substring(labels.get(f)[0], labels.get(f)[1]), value));
        }
        return fields;
    }

    /** «Срок: …» or «Ответственные: …» written inside a decision's line. */
    private record Field(String label, String value) {
    }

    /** What a wrapped deadline's second line holds: «2025 года», «учебного года», «2024 г.». */
    private static final Pattern DEADLINE_WRAP = Pattern.compile(
            "(?iu)(?:\\d{4}\\s*(?:года|год|г\\.?)?|\\d{4}\\s*[-–—]\\s*\\d{2,4}\\s+учебного\\s+года|учебного\\s+года|года)[.;]?");

    /**
     * «Ответственные: руководители» / «МОУО»: a short line with no order in it, after a party that has not ended,
     * is the rest of that party, whatever its first letter.
     */
    private boolean wrapsParty(String line, String next) {
        String party = currentDecision.responsible.get(currentDecision.responsible.size() - 1);
        if (Markers.NAME_ONLY.matcher(line).matches() && !endsSentence(party) && !Markers.PERSON.matcher(party).find()) {
            // «Ответственный: заместитель директора» / «Р.Р. Мухаметшин»: the position's person, not a signature
            return true;
        }
        return !endsSentence(party) && !party.endsWith(")") && line.split("\\s+").length <= 4 && !line.contains(": ")
                && !Markers.RESPONSIBLE.matcher(line).matches() && !Markers.DEADLINE.matcher(line).matches()
                && !Markers.INLINE_FIELD.matcher(line).find()
                && !DecisionWording.hasInfinitive(line) && !isSignature(line)
                && !(next != null && isSignatoryPosition(line, next)) && !Markers.NAME_ONLY.matcher(line).matches();
    }

    /** A second «Срок» of the same decision is kept beside the first, for a person to choose. */
    private static void addDeadline(DecisionDraft decision, String text) {
        String value = ProtocolText.withoutEndPunctuation(text);
        if (!value.isEmpty()) {
            decision.deadline = decision.deadline == null ? value : decision.deadline + "; " + value;
        }
    }

    /**
     * «1. Заместителю директора: 1.1. …; 1.2. …; 1.3. …» and then «Срок: до …» at the item's level: the deadline
     * of each sub-point that names none of its own, unless the sub-points have their own «Срок:» lines.
     */
    private void deadlineOfSubPoints(DecisionDraft last) {
        if (last.addressee == null || last.addressee.number() == null) {
            return;
        }
        List<DecisionDraft> siblings = decisions.stream().filter(d -> d != last && d.addressee == last.addressee).toList();
        if (siblings.stream().anyMatch(d -> d.deadline != null)) {
            return;
        }
        boolean anyWithout = false;
        for (DecisionDraft d : siblings) {
            if (DecisionWording.deadline(d.text).isEmpty()) {
                d.deadline = last.deadline;
                anyWithout = true;
            }
        }
        if (anyWithout && DecisionWording.deadline(last.text).isPresent()) {
            // «2.3. … при проведении ВПР в 2025 году.» / «Срок: до 10.07.2024»: the line is the item's, for the points
            // that name no term; the last one keeps its own
            last.deadline = null;
        }
    }

    private void addResponsible(DecisionDraft decision, String text) {
        for (String party : Parties.responsible(text)) {
            decision.responsible.addAll(DecisionWording.together(party));
        }
    }

    /**
     * «4. Рекомендовать органам местного самоуправления, осуществляющим управление в сфере» / «образования:» — a
     * heading wrapped over two lines, read as a decision until its colon came.
     */
    private void wrappedHeading() {
        DecisionDraft d = currentDecision;
        if (d.text.contains("\n") || !d.responsible.isEmpty() || d.deadline != null || !isAddresseeHeading(d.text)) {
            return;
        }
        decisions.remove(d);
        blockDecisions.remove(d);
        String line = d.number == null ? d.text : d.number + ". " + d.text;
        addresseeHeading(d.text, line);
        if (d.number != null) {
            addressee = new Addressee(addressee.party(), addressee.line(), d.number);
        }
    }

    /** «Руководитель ШМО Панкратова В.Н.»: a signatory's position, then the surname and initials. */
    private static final Pattern SIGNED_WITH_INITIALS = Pattern.compile(
            "\\s[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\\s+[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.$");

    /** «Директор департамента» over «Л.В.НИКОЛАЕВА»: the signatory's position, not a decision. */
    private static boolean isSignatoryPosition(String line, String next) {
        return line.length() <= 80 && (!line.endsWith(".") || SIGNED_WITH_INITIALS.matcher(line).find())
                && !line.contains(":") && Markers.numbered(line).isEmpty()
                && !Markers.RESPONSIBLE.matcher(line).matches() && !Markers.DEADLINE.matcher(line).matches()
                && !ProtocolText.hasBullet(line) && Character.isUpperCase(line.charAt(0))
                && line.split("\\s+").length <= 8 && !DecisionWording.hasInfinitive(line)
                && (Markers.NAME_ONLY.matcher(next).matches() || isSignatureLine(next)
                || Markers.ENDS_WITH_NAME.matcher(next).find() && next.split("\\s+").length <= 6 && !next.endsWith("."));
    }

    /** «Обеспечить:» and the points under it: «- …» lines belong to the decision. */
    private static boolean inPoints(DecisionDraft decision) {
        return decision.text.endsWith(":") || decision.text.contains(":\n");
    }

    /**
     * «Утвердить:» / «а) положение …;» / «б) состав …»: an order ending in a colon governs the lettered or bracketed
     * points below it, all of them, which are its wording; a line without a verb over such points («Заместителю
     * директора по УВР:») names whom they are for instead.
     */
    private static boolean governsPoints(DecisionDraft decision) {
        if (decision.text.endsWith(":")) {
            return true;
        }
        int colon = decision.text.indexOf(":\n");
        return colon > 0 && DecisionWording.hasInfinitive(decision.text.substring(0, colon));
    }

    /**
     * «4) Составить банк заданий до конца 2023 года.» / «Материалы передать руководителю РМО.» / «5) …»: between two
     * numbered decisions, an unnumbered sentence is the first one's second sentence.
     */
    private static boolean secondSentence(DecisionDraft decision, String line, String next) {
        return decision.number != null && decision.number.matches("\\d{1,2}(?:\\.\\d{1,2})*") && next != null
                && decision.responsible.isEmpty() && decision.deadline == null && !decision.text.endsWith(":")
                && Markers.numbered(next).filter(n -> n.number().matches("\\d{1,2}(?:\\.\\d{1,2})*")).isPresent()
                && !CONTROL.matcher(line).lookingAt() && !isSignature(line) && !Markers.RESPONSIBLE.matcher(line).matches()
                && !Markers.DEADLINE.matcher(line).matches() && Markers.numbered(line).isEmpty();
    }

    /** A wrapped line, or a point under the decision («- …»); otherwise a decision of its own. */
    private static boolean continues(DecisionDraft decision, String line) {
        if (ProtocolText.hasBullet(line) || decision.text.endsWith(":")) {
            return true;
        }
        boolean complete = !decision.responsible.isEmpty() || decision.deadline != null;
        // a line in lower case goes on with the sentence, even after the decision's fields («сентябрь –» / «декабрь»)
        // «… семинар-практикум «Читательская грамотность …»» / «26 февраля 2025 года.»: the day the item happens
        boolean goesOn = startsLowerCase(line) || startsAside(line) || DAY_ALONE.matcher(line).matches() && !decision.text.endsWith(".");
        return goesOn && !complete | endsUnfinished(decision.text)
                || !complete && (!endsSentence(decision.text) || goesOn || namedAfterQuote(decision, line));
    }

    /**
     * «1. Информацию директора ГБУ «Региональный центр …»» / «Седых П.А. и начальника …»: a numbered decision that ends
     * in a quoted name goes on with the person the name belongs to.
     */
    private static boolean namedAfterQuote(DecisionDraft decision, String line) {
        return decision.number != null && decision.text.endsWith("»") && NAME_AND_ON.matcher(line).lookingAt();
    }

    private static final Pattern SURNAME_FIRST_AT_END = Pattern.compile("(?:\\s|^)\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s\\p{Lu}\\.\\s?\\p{Lu}\\.$");
    private static final Pattern POSITION_AND_NAME = Pattern.compile(
            "(?iu)^(?:руководител|председател|директор|заведующ|секретар|заместител|начальник)[а-яё]*(?:\\s+\\S+){0,4}\\s"
                    + "(?-i:\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s\\p{Lu}\\.\\s?\\p{Lu}\\.)$");
    /** «Контроль … возложить на заместителя директора»: a position whose person is still to come. */
    private static final Pattern LAID_ON_POSITION = Pattern.compile("(?iu)возложить\\s+на\\s+(?:[а-яё-]+\\s+){0,5}[а-яё-]+$");
    /** «… возложить на заместителя директора МКУ «ЦРО»»: the person may follow on the next line. */
    private static final Pattern LAID_ON_QUOTED = Pattern.compile("(?iu)\\sна\\s[^.;]*»$");
    private static final Pattern NAME_AND_ON = Pattern.compile(
            "^\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s\\p{Lu}\\.\\s?\\p{Lu}\\.\\s*(?:[,и]\\s|\\p{Ll})");

    private static final Pattern DAY_ALONE = Pattern.compile(
            "(?iu)^(?:до\\s+)?\\d{1,2}\\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\\s+\\d{4}\\s*(?:г\\.|года)?)?[.;]?$");

    /** «(далее – конференция) …», «(приложение 2)»: a remark in brackets never opens a decision of its own. */
    private static boolean startsAside(String line) {
        return line.length() > 1 && line.charAt(0) == '(' && !ITEM_IN_BRACKETS.matcher(line).lookingAt()
                && Markers.numbered(line).isEmpty();
    }

    /**
     * «Руководителям ОУ:», «ТОИПКРО:», «Рекомендовать руководителям МОУО:» over the decisions that follow. An
     * addressee is a dative («руководителям», «управлению») or an abbreviation, and gives no order itself (no
     * infinitive after it: «Руководителям МОУО обеспечить:» is a decision).
     */
    private static boolean isAddresseeHeading(String text) {
        String t = text.strip();
        if (!t.endsWith(":")) {
            return false;
        }
        t = t.substring(0, t.length() - 1).strip();
        Matcher verb = INSTRUCTION_VERB.matcher(t);
        String addressee = verb.matches() ? verb.group(2) : t;
        String[] words = addressee.split("\\s+");
        // «органам местного самоуправления муниципальных районов и городских округов, осуществляющим управление в
        // сфере образования:» is one addressee, as long as it is
        if (addressee.isEmpty() || words.length > 20 || t.length() > 220) {
            return false;
        }
        for (String word : words) {
            if (INFINITIVE.matcher(word.replaceAll("[^\\p{L}]", "")).matches()) {
                return false;
            }
        }
        String first = words[0].replaceAll("[^\\p{L}]", "");
        boolean abbreviation = first.length() >= 2 && first.equals(first.toUpperCase(Locale.ROOT));
        return abbreviation || ADDRESSEE_WORD.matcher(first).matches() || DecisionWording.isDative(first)
                || DecisionWording.startsWithDativeNoun(words);
    }

    /** The addressee applies to the decisions below; an instruction verb («Рекомендовать») is kept in unplaced. */
    private void addresseeHeading(String text, String line) {
        closeAddressee();
        String t = ProtocolText.withoutEndPunctuation(text);
        Matcher verb = INSTRUCTION_VERB.matcher(t);
        if (verb.matches()) {
            if (line != null) {
                unplaced.add(line);
            }
            addressee = new Addressee(verb.group(2).strip(), null, null);
        } else {
            addressee = new Addressee(t, line, null);
        }
        currentDecision = null;
        pending = Pending.NONE;
    }

    /** An addressee that no decision below it took as its responsible party is kept as written. */
    private void closeAddressee() {
        Addressee closing = addressee;
        addressee = null;
        if (closing == null || closing.line() == null) {
            return;
        }
        boolean used = decisions.stream().anyMatch(d -> d.addressee == closing && d.responsible.isEmpty());
        if (!used) {
            unplaced.add(closing.line());
        }
    }

    // --- end of the protocol ----------------------------------------------------------------------------------

    /** «Е.В. Вторина», «Председатель _______ И.И. Иванова», «Начальник департамента И.Б.Грабцевич». */
    private static boolean isSignature(String line) {
        if (isSignatureLine(line) || Markers.NAME_ONLY.matcher(line).matches()) {
            return true;
        }
        return line.length() <= 80 && line.split("\\s+").length <= 8 && Markers.ENDS_WITH_NAME.matcher(line).find()
                && Markers.numbered(line).isEmpty() && !line.contains(":");
    }

    /** «Председатель _______ И.И. Иванова», «Секретарь А.С. Петрова», «Протокол вела …». */
    private static boolean isSignatureLine(String line) {
        return line.contains("___") || Markers.SIGNATURE_WORD.matcher(line).lookingAt() && !hasSeparator(line);
    }

    private void signature(String line) {
        unplaced.add(line);
        part = Part.TAIL;
    }

    // --- results ----------------------------------------------------------------------------------------------

    String chair() {
        return chair == null ? null : ProtocolText.withoutEndPunctuation(chair);
    }

    List<String> participants() {
        return List.copyOf(participants);
    }

    List<ProtocolDraft.AgendaItem> agenda() {
        return agenda.stream()
                .map(i -> new ProtocolDraft.AgendaItem(i.number, i.title.strip(), List.copyOf(i.speakers), i.heard,
                        SpeakerNames.ofItem(i.speakers, i.heard)))
                .toList();
    }

    /** «ГБУ «ЦОКО» (Зуева Н.В.) совместно с ГАУ ДПО «ИРО»:» heads its points as two parties; a co-executor named in the point adds one. */
    private static List<String> withCoExecutor(String party, Optional<String> coExecutor) {
        List<String> parties = new ArrayList<>(DecisionWording.together(party));
        coExecutor.filter(c -> !parties.contains(c)).ifPresent(parties::add);
        return List.copyOf(parties);
    }

    /** The decisions, their deadlines read against the meeting's date. */
    List<ProtocolDraft.Decision> decisions(LocalDate meetingDate) {
        List<ProtocolDraft.Decision> result = new ArrayList<>();
        for (DecisionDraft d : decisions) {
            List<Field> fields = inlineFields(d.text);
            List<String> inline = new ArrayList<>();
            String inlineDeadline = null;
            for (Field field : fields) {
                if (field.label().toLowerCase(Locale.ROOT).startsWith("срок")) {
                    inlineDeadline = inlineDeadline == null ? field.value() : inlineDeadline;
                } else {
                    for (String party : Parties.responsible(field.value())) {
                        inline.addAll(DecisionWording.together(party));
                    }
                }
            }
            List<String> named = DecisionWording.parties(d.text);
            List<String> responsible = !d.responsible.isEmpty() ? List.copyOf(d.responsible)
                    : !inline.isEmpty() ? List.copyOf(inline)
                    : !named.isEmpty() ? named
                    : d.addressee != null && !CONTROL.matcher(d.text).lookingAt()
                    ? withCoExecutor(d.addressee.party(), DecisionWording.coExecutor(d.text))
                    : List.of();
            Deadline deadline = d.deadline == null && inlineDeadline != null
                    ? DeadlineParser.parse(inlineDeadline, meetingDate) : deadline(d, meetingDate);
            String text = withoutTrailingDashes(d.text);
            result.add(new ProtocolDraft.Decision(d.number, text, responsible, deadline));
        }
        return result;
    }

    private static Deadline deadline(DecisionDraft d, LocalDate meetingDate) {
        if (d.deadline != null && !d.deadline.isBlank()) {
            return DeadlineParser.parse(d.deadline, meetingDate);
        }
        return DecisionWording.deadline(d.text).map(w -> DeadlineParser.parse(w, meetingDate)).orElse(null);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private boolean bodyStarted() {
        return part == Part.HEARD || part == Part.DECISIONS || !decisions.isEmpty();
    }

    /** The item numbered so; «II» and «2» are the same item («По второму вопросу» of an agenda numbered I, II). */
    private Optional<Item> itemNumbered(String number) {
        if (number == null) {
            return Optional.empty();
        }
        String wanted = Markers.arabic(number);
        return agenda.stream().filter(i -> i.number != null && Markers.arabic(i.number).equals(wanted)).findFirst();
    }

    /** «- текст», «1. текст», «2) текст» → «текст»: one list mark, and not a «2.16» that may be part of the text. */
    private static String withoutListMark(String line) {
        if (ProtocolText.hasBullet(line)) {
            return ProtocolText.withoutBullet(line);
        }
        return Markers.numbered(line).filter(n -> !n.isSubNumber()).map(Markers.Numbered::text).orElse(line);
    }

    private static boolean hasSeparator(String line) {
        return line.contains(":") || line.matches("(?s)^\\S+\\s*[-–—].*");
    }

    /** «(1)», «(а)», «(2.1)»: an item's number in brackets. */
    private static final Pattern ITEM_IN_BRACKETS = Pattern.compile("\\((?:\\d{1,2}(?:\\.\\d{1,2})*|[а-яa-z]|[IVX]{1,4})\\)\\s");

    /** Without the spaces, commas, semicolons and dashes a wording ends with (as «[\\s,;–—-]+$» would cut). */
    private static String withoutTrailingDashes(String text) {
        int end = text.length();
        while (end > 0) {
            char c = text.charAt(end - 1);
            if (Character.isWhitespace(c) || c == ',' || c == ';' || c == '–' || c == '—' || c == '-') {
                end--;
            } else {
                break;
            }
        }
        return text.substring(0, end);
    }

    private static boolean startsLowerCase(String line) {
        return !line.isEmpty() && Character.isLowerCase(line.charAt(0));
    }

    private static boolean endsUnfinished(String text) {
        String t = text.strip();
        return t.endsWith("-") || t.endsWith("–") || t.endsWith("—") || t.endsWith(",");
    }

    private static boolean endsSentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith(";") || t.endsWith(")") || t.endsWith("»");
    }

    /** The same title give or take case, punctuation and a shortened ending. */
    private static boolean similar(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d]+", "");
        String y = b.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d]+", "");
        int n = Math.min(30, Math.min(x.length(), y.length()));
        return n > 0 && x.substring(0, n).equals(y.substring(0, n));
    }
}

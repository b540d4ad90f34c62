package ru.rsoko.meeting.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a protocol marks its parts with, in the spellings real protocols use: «ПРЕДСЕДАТЕЛЬ:», «Повестка
 * дня:», «1. СЛУШАЛИ:», «По второму вопросу РЕШИЛИ:», «Докладчик –», «Ответственные:», «Срок –», and the numbers
 * of items («1.», «1.1.», «2)», «II.»). A marker is followed by «:» or a dash; written in capitals it may stand
 * alone («РЕШИЛИ» on a line of its own).
 */
final class Markers {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String SEPARATOR = "\\s*(?::|[-–—])\\s*";
    /** «:» or a dash, or the end of the line, or (for capitals) only a space. */
    private static final String OPEN = "(\\s*[:.–—-]\\s*|\\s+|$)";
    /** «1.», «1.1», «II.» before a heading: the question it belongs to, Roman numerals as agendas number them. */
    private static final String ITEM_PREFIX = "(?:([1-9]\\d?(?:\\.[1-9]\\d?)*|(?-i:[IVX]{1,6})(?=[.)]))(?:[.)]\\s*|\\s+))?"
            + "(?:по\\s+([а-яё0-9]+)\\s+вопросу(?:\\s+повестки(?:\\s+дня)?)?\\s*[,:]?\\s*)?";

    /** «1.1. текст», «1.1 текст», and «1.1.текст» as extraction glues it. */
    private static final Pattern NUMBERED_MULTI = Pattern.compile(
            "^([1-9]\\d?(?:\\.[1-9]\\d?)+)(?:\\.?\\)?\\s+|\\.\\)?(?=\\p{L}))(\\S.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^([1-9]\\d?)(?:\\.\\)|\\.|\\))(?!\\d)\\s*(\\S.*)$");
    private static final Pattern NUMBERED_ROMAN = Pattern.compile("^([IVX]{1,6})[.)](?:\\s+|(?=[А-ЯЁ]))(\\S.*)$");

    static final Pattern PROTOCOL = Pattern.compile("^п\\s?р\\s?о\\s?т\\s?о\\s?к\\s?о\\s?л(?![а-яё])[\\s.:]*(.*)$", FLAGS);
    /** The title of a document: a protocol, an order, a decision, a resolution. */
    static final Pattern DOCUMENT = Pattern.compile(
            "^(?:п\\s?р\\s?о\\s?т\\s?о\\s?к\\s?о\\s?л|приказ|решение|постановление|распоряжение|резолюция|выписка|перечень\\s+поручений|протокольные\\s+поручения)(?![а-яё])"
                    + "[\\s.:]*(.*)$",
            FLAGS);
    /** «РЕШЕНИЕ», «РЕШЕНИЕ коллегии …», «Решение № 5»: a document's title, not the word over its decisions. */
    static final Pattern DECISION_TITLE = Pattern.compile("^(?:решение|решения)(?:\\s+(?![:–—-]).*)?$", FLAGS);
    /** What leads to a decision word in a sentence: «Заслушав …», «В соответствии с …», «В целях …». */
    static final Pattern PREAMBLE = Pattern.compile(
            "^(?:заслушав|заслушали|выслушав|рассмотрев|обсудив|в соответствии|в целях|с целью|на основании"
                    + "|во исполнение|руководствуясь|в связи|учитывая|принимая во внимание|в рамках)(?![а-яё])", FLAGS);
    static final Pattern CHAIR = Pattern.compile(
            "^(председател[а-яё]*|председательствующ[а-яё]*)(?-i:\\s+[а-яё-]+){0,2}?" + SEPARATOR + "(.*)$", FLAGS);
    static final Pattern CHAIR_ALONE = Pattern.compile("^ПРЕДСЕДАТЕЛЬ(?:СТВУЮЩИЙ)?\\s*:?$");
    static final Pattern SECRETARY = Pattern.compile(
            "^(секретар[а-яё]*)(?-i:\\s+[а-яё-]+){0,2}?(?:" + SEPARATOR + "|\\s*$)(.*)$", FLAGS);
    static final Pattern PARTICIPANTS = Pattern.compile(
            "^(участники|присутствовали|присутствуют|приглаш[её]нные|приглашены|в работе [а-яё-]+ приняли участие)"
                    + "(?:\\s+(?:семинара-совещания|совещания|семинара|заседания|мероприятия|конференции|круглого\\s+стола))?"
                    // «Участники семинара-совещания решили:»: a hyphen inside a word is no separator
                    + "(?:\\s*(?::|[-–—](?![а-яё]))\\s*|\\s*$)(.*)$",
            FLAGS);
    static final Pattern ABSENT = Pattern.compile("^(отсутствовали|отсутствуют)(?:" + SEPARATOR + "|\\s*$)(.*)$", FLAGS);
    static final Pattern AGENDA = Pattern.compile(
            "^(повестка(?:\\s+дня)?|порядок\\s+дня|вопросы\\s+повестки)"
                    + "(?:\\s+(?:дня|заседания|совещания|семинара|семинара-совещания|мероприятия|коллегии|совета))?"
                    + "(?:" + SEPARATOR + "|\\s*\\.?\\s*$)(.*)$", FLAGS);
    private static final Pattern HEARD = Pattern.compile(
            "^" + ITEM_PREFIX + "(слушали|заслушали|слово(?=\\s+(?:было\\s+)?предоставлено\\s))" + OPEN + "(.*)$", FLAGS);
    private static final Pattern SPOKE = Pattern.compile(
            "^" + ITEM_PREFIX + "(?:с\\s+(?:информацией|докладом|докладами|сообщением|сообщениями|содокладом)\\s+)?"
                    + "(выступили|выступил|выступила|в обсуждении приняли участие)" + OPEN + "(.*)$", FLAGS);
    /** The decision word in every form the documents use: a meeting's, a council's, a head's order. */
    private static final String DECISION_WORD = "решили|решил|решила|решило|решает|решают|постановили|постановил"
            + "|постановила|постановило|постановляет|постановляют|постановляю|приказываю|приказывает|приказали"
            + "|распоряжаюсь";
    private static final Pattern DECIDED = Pattern.compile(
            "^" + ITEM_PREFIX + "(" + DECISION_WORD + "|решение|решения|приняли решение|принято решение|решено"
                    + "|по итогам [а-яё-]+ решили)" + OPEN + "(.*)$", FLAGS);
    /** «Решение педагогического совета:», «Решение по первому вопросу:», «Решения совещания:»: a heading over the decisions. */
    private static final Pattern DECISION_OF = Pattern.compile(
            "^(?:проект\\s+)?решени[ея]\\s+((?:по\\s+[а-яё0-9-]+\\s+вопросу|(?-i:[а-яё-]+))(?:\\s+(?-i:[а-яё-]+|[А-ЯЁ]{2,}[а-яё]*)){0,5})\\s*:$", FLAGS);
    private static final Pattern DECISION_OF_WITH_TEXT = Pattern.compile(
            "^(?:проект\\s+)?решени[ея]\\s+((?-i:[а-яё-]+)(?:\\s+(?-i:[а-яё-]+)){0,3})\\s*:\\s*([А-ЯЁа-яё0-9]\\S*\\s.*)$", FLAGS);
    private static final Pattern DECISION_REMARKED = Pattern.compile(
            "^(?:решение|решения|решили|постановили|решено)\\s*\\([^()]{1,60}\\)\\s*:\\s*$", FLAGS);
    private static final Pattern BY_QUESTION = Pattern.compile("по\\s+([а-яё0-9-]+)\\s+вопросу", FLAGS);

    /**
     * The decision word at the end of a sentence that leads to it: «Заслушав информацию …, совет РЕШИЛ:», «…,
     * ПРИКАЗЫВАЮ:», «Педагогический совет решил:», and a resolution's «Участники семинара рекомендуют:». Written in
     * capitals, or followed by «:».
     */
    private static final Pattern DECIDED_IN_SENTENCE = Pattern.compile(
            "^(.{2,1500}?[\\s,])(" + DECISION_WORD + "|решено|принято решение|приняты\\s+(?:следующие\\s+)?решения"
                    + "|рекомендуют|рекомендует|рекомендовали|рекомендовал[аио]?"
                    + "|счита(?:ют|ет)\\s+(?:необходимым|целесообразным)"
                    + "|принял[аио]?\\s+(?:следующие\\s+)?решени[яе])(?![а-яё])(\\s*:\\s*|\\s*$|\\s+)(.*)$", FLAGS);
    static final Pattern SPEAKER = Pattern.compile(
            "^(докладчик[а-яё]*|содокладчик[а-яё]*|докладыва[а-яё]+|выступающ[а-яё]*|ответственн[а-яё]*|отв\\.)"
                    + "(?:" + SEPARATOR + "|\\s*$)(.*)$", FLAGS);
    static final Pattern RESPONSIBLE = Pattern.compile(
            "^(ответственн[а-яё]*(?:\\s+(?:за\\s+(?:исполнение|выполнение)|исполнител[а-яё]*))?|отв\\.|исполнител[ьи]"
                    + "|исполняющ[а-яё]*)(?:" + SEPARATOR + "|\\s*$|(?<=\\.)\\s+(?=\\S))(.*)$", FLAGS);
    static final Pattern DEADLINE = Pattern.compile(
            "^(сроки?(?:\\s+(?:исполнения|выполнения|реализации|исп\\.))?)(?:" + SEPARATOR + "|\\s*$)(.*)$", FLAGS);
    /** «… Ответственные: … Срок: …» inside a decision's line. */
    static final Pattern INLINE_FIELD = Pattern.compile(
            "(?:^|(?<=[\\s.;,]))(ответственн(?:ый|ые|ая|ое|ых)|отв\\.|исполнител[ьи]"
                    + "|сроки?(?:\\s+(?:исполнения|выполнения))?)" + SEPARATOR, FLAGS);
    /** «(срок – до 31 мая)», «(ответственный: ТОИПКРО)» */
    static final Pattern BRACKETED_FIELD = Pattern.compile(
            "\\(\\s*(ответственн(?:ый|ые|ая|ое|ых)|отв\\.|исполнител[ьи]|сроки?(?:\\s+(?:исполнения|выполнения))?)"
                    + SEPARATOR + "([^()]*)\\)", FLAGS);
    static final Pattern MEETING_FIELD = Pattern.compile(
            "^(дата(?:\\s+и\\s+время)?(?:\\s+проведения)?|время(?:\\s+(?:проведения|начала))?"
                    + "|место(?:\\s+и\\s+время)?(?:\\s+проведения)?|форма\\s+проведения|начало)" + SEPARATOR + "(.*)$", FLAGS);
    static final Pattern KIND = Pattern.compile(
            "^(семинар[а-яё]*\\s*[-–—]\\s*совещани[а-яё]*|совещани[а-яё]*|семинар[а-яё]*|заседани[а-яё]*"
                    + "|конференци[а-яё]*|вебинар[а-яё]*|круглого\\s+стола|круглый\\s+стол|собрани[а-яё]*|форум[а-яё]*"
                    + "|педагогическ[а-яё]*\\s+совет[а-яё]*|методическ[а-яё]*\\s+(?:совет|объединени)[а-яё]*"
                    + "|рабоч[а-яё]*\\s+(?:совещани|встреч)[а-яё]*|стратегическ[а-яё]*\\s+сесси[а-яё]*)(?![а-яё])",
            FLAGS);
    static final Pattern PLACE_LIKE = Pattern.compile(
            "^(?:г\\.|г\\s|город\\s|пос\\.|с\\.|ул\\.|в режиме|режим|вкс|видеоконференц|онлайн|дистанционн|очно|каб\\.|актовый|зал\\s)",
            FLAGS);
    static final Pattern SIGNATURE_WORD = Pattern.compile(
            "^(?=(?-i:[ПСЧ]))(председател[а-яё]*(?<![юм])|секретар[а-яё]*(?<![юм])|протокол\\s+вел[аи]?|подпись|члены\\s+комиссии)(?![а-яё])", FLAGS);
    /** «2. Об организации летней кампании (Гусейнова Э.М.)»: who reports, in brackets at the title's end. */
    static final Pattern REPORTERS_AT_END = Pattern.compile(
            "\\((?:[^()]*[,;]\\s*)?(?:\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s\\p{Lu}\\.\\s?\\p{Lu}\\.|\\p{Lu}\\.\\s?\\p{Lu}\\.\\s?\\p{Lu}\\p{Ll}+)\\)\\.?$");
    /** A person named anywhere in a text: «Ершова А.П.», «А.П. Ершова». */
    static final Pattern PERSON = Pattern.compile(
            "(?<![\\p{L}])\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s\\p{Lu}\\.\\s?\\p{Lu}\\.|(?<![\\p{L}])\\p{Lu}\\.\\s?\\p{Lu}\\.\\s?\\p{Lu}\\p{Ll}+");
    /** «Дата принятия: 08.09.2025», «Регистрационный номер: 214-од», «Вид документа: …»: a register's card's field. */
    static final Pattern CARD_FIELD = Pattern.compile(
            "(?iu)^(?:дата\\s+(?:принятия|подписания|издания|регистрации)|регистрационный\\s+номер|вид\\s+документа"
                    + "|номер(?:\\s+документа)?)\\s*[:–—-]");
    /** «Е.В. Вторина», «Вторина Е.В.», «И.Б.Грабцевич» — and nothing else on the line. */
    static final Pattern NAME_ONLY = Pattern.compile(
            "^(?:(?:[А-ЯЁ]\\.\\s?){1,2}\\s?(?:[А-ЯЁ][а-яё]+|[А-ЯЁ]{2,})(?:-[А-ЯЁ][а-яё]+)?"
                    + "|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\\s+(?:[А-ЯЁ]\\.\\s?){1,2})$");
    /** A line that ends with a signature: «Начальник департамента И.Б.Грабцевич». */
    static final Pattern ENDS_WITH_NAME = Pattern.compile(
            "(?:\\s|^)(?:[А-ЯЁ]\\.\\s?){1,2}\\s?(?:[А-ЯЁ][а-яё]+|[А-ЯЁ]{2,})(?:-[А-ЯЁ][а-яё]+)?$");

    private Markers() {
    }

    /** An item's number as written and the rest of its line: «1.2. Провести …» → ("1.2", "Провести …"). */
    record Numbered(String number, String text, boolean bracket) {

        /** «1» for «1», and for «1.2» too: the agenda item the number belongs to. */
        String top() {
            int dot = number.indexOf('.');
            return dot < 0 ? number : number.substring(0, dot);
        }

        boolean isSubNumber() {
            return number.contains(".");
        }
    }

    /** A «СЛУШАЛИ», «ВЫСТУПИЛИ» or «РЕШИЛИ» heading: the item it names, if any, and the text after it. */
    record Heading(String item, String rest, String preamble) {

        Heading(String item, String rest) {
            this(item, rest, null);
        }
    }

    static Optional<Numbered> numbered(String line) {
        for (Pattern p : new Pattern[]{NUMBERED_MULTI, NUMBERED, NUMBERED_ROMAN}) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return Optional.of(new Numbered(m.group(1), m.group(2), line.startsWith(m.group(1) + ")")));
            }
        }
        return Optional.empty();
    }

    /**
     * «СЛУШАЛИ:», and «Слушали заведующего РМК …» too: a line (or an item) opening with the past tense of hearing is
     * the minute-taker's marker, written as a sentence, not another sentence of the text.
     */
    static Optional<Heading> heard(String line) {
        return heading(HEARD, line, true);
    }

    static Optional<Heading> spoke(String line) {
        return heading(SPOKE, line, true);
    }

    /** «ГЭК РЕШИЛА (единогласно):», «РЕШИЛИ (по 9 классам):»: a remark between the decision word and its colon. */
    private static final Pattern VOTE_REMARK = Pattern.compile(
            "^(.*\\S)\\s*\\((?!.*вопрос)[^()]{1,60}\\)\\s*:\\s*$", FLAGS);

    private static final Pattern ENDS_WITH_DECISION_WORD = Pattern.compile(
            "(?<![а-яё])(?:решил[аио]?|постановил[аио]?|решение|решения|решено|постановляет|решает)$", FLAGS);

    static Optional<Heading> decided(String line) {
        // most lines end in no colon: the remark's pattern runs only on a short heading
        Matcher vote = line.length() < 120 && line.stripTrailing().endsWith(":") ? VOTE_REMARK.matcher(line) : null;
        if (vote != null && vote.matches() && ENDS_WITH_DECISION_WORD.matcher(vote.group(1)).find()) {
            Optional<Heading> heading = decided(vote.group(1) + ":");
            if (heading.isPresent()) {
                return heading;
            }
        }
        return decidedAsWritten(line);
    }

    private static Optional<Heading> decidedAsWritten(String line) {
        if (line.length() < 200 && line.equals(line.toUpperCase(Locale.ROOT))) {
            // «РЕШЕНИЕ СОВЕЩАНИЯ:» typed in capitals is «Решение совещания:», not a decision for «СОВЕЩАНИЯ»
            Matcher whose = DECISION_OF.matcher(line.toLowerCase(Locale.ROOT));
            if (whose.matches()) {
                return Optional.of(decisionOf(whose));
            }
        }
        Optional<Heading> heading = heading(DECIDED, line, false);
        if (heading.isPresent() || line.length() > 3000 || !mayDecide(line)) {
            return heading;
        }
        if (DECISION_REMARKED.matcher(line).matches()) {
            // «Решение (принято единогласно):»
            return Optional.of(new Heading(null, ""));
        }
        Matcher whose = DECISION_OF.matcher(line);
        if (whose.matches()) {
            return Optional.of(decisionOf(whose));
        }
        Matcher whoseWithText = DECISION_OF_WITH_TEXT.matcher(line);
        if (whoseWithText.matches()) {
            // «Решение совещания: Климовой Н.В. обеспечить контроль …»: the heading and its one decision on a line
            return Optional.of(new Heading(null, whoseWithText.group(2).strip()));
        }
        Matcher m = DECIDED_IN_SENTENCE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String word = m.group(2);
        boolean marked = m.group(3).contains(":") || word.length() > 3 && word.equals(word.toUpperCase(Locale.ROOT))
                || decidesWhatFollows(word, m.group(4));
        String preamble = m.group(1).strip();
        if (!marked || preamble.isEmpty()) {
            return Optional.empty();
        }
        // «2. Заслушав …, совет РЕШИЛ:» decides on item 2
        Optional<Numbered> numbered = numbered(preamble).filter(n -> PREAMBLE.matcher(n.text()).lookingAt());
        if (numbered.isPresent()) {
            return Optional.of(new Heading(numbered.get().number(), m.group(4).strip(), numbered.get().text()));
        }
        return Optional.of(new Heading(null, m.group(4).strip(), preamble));
    }

    /**
     * «…участники совещания приняли решение рекомендовать руководителям ОО провести …»: «принять решение» in any
     * form, an infinitive right after it, is the decision word unmarked, and what it decided follows in the sentence.
     */
    private static boolean decidesWhatFollows(String word, String rest) {
        String w = word.toLowerCase(Locale.ROOT);
        if (!(w.startsWith("принял") || w.startsWith("принято")) || !w.endsWith("решение")) {
            return false;
        }
        String[] words = rest.strip().split("\\s+", 2);
        return DecisionWording.hasInfinitive(words[0]);
    }

    /** Whether a decision word may be in the line at all: spares the sentence pattern most lines. */
    /** «Решение совещания:», «Решение педагогического совета:»: a heading of its own, never a sentence's predicate. */
    static boolean isDecisionOfHeading(String line) {
        String t = line.strip();
        return t.length() < 200 && DECISION_OF.matcher(t.equals(t.toUpperCase(Locale.ROOT)) ? t.toLowerCase(Locale.ROOT) : t).matches();
    }

    /** «Решение по второму вопросу:» heads item 2's decisions; «Решение педагогического совета:», the whole body's. */
    private static Heading decisionOf(Matcher whose) {
        Matcher question = BY_QUESTION.matcher(whose.group(1));
        return new Heading(question.find() ? ordinal(question.group(1)) : null, "");
    }

    private static boolean mayDecide(String line) {
        String low = line.toLowerCase(Locale.ROOT);
        return low.contains("реш") || low.contains("постанов") || low.contains("приказ") || low.contains("распоряж")
                || low.contains("принят") || low.contains("принял") || low.contains("рекоменд")
                || low.contains("необходимым") || low.contains("целесообразным");
    }

    /** Any marker that starts a part of the protocol's body: where the meeting's header ends. */
    static boolean startsSection(String line) {
        return CHAIR.matcher(line).matches() || CHAIR_ALONE.matcher(line).matches()
                || SECRETARY.matcher(line).matches() && line.contains(":")
                || PARTICIPANTS.matcher(line).matches() || AGENDA.matcher(line).matches()
                || heard(line).isPresent() || decided(line).isPresent();
    }

    private static Optional<Heading> heading(Pattern pattern, String line, boolean capitalMarks) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String label = m.group(3);
        String separator = m.group(4);
        // «По второму вопросу слушали Сорокина П.И.»: the question named in words marks it too
        boolean marked = !separator.isBlank() || m.group(5).isEmpty() || label.equals(label.toUpperCase(Locale.ROOT))
                || m.group(2) != null || capitalMarks && Character.isUpperCase(label.charAt(0));
        if (!marked) {
            return Optional.empty();
        }
        String item = m.group(1) != null ? arabic(m.group(1)) : m.group(2) != null ? ordinal(m.group(2)) : null;
        return Optional.of(new Heading(item, m.group(5).strip()));
    }

    /** «II» → "2"; an Arabic number stays as it is. */
    static String arabic(String number) {
        if (!number.matches("[IVX]+")) {
            return number;
        }
        int value = 0;
        int previous = 0;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = switch (number.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                default -> 10;
            };
            value += digit < previous ? -digit : digit;
            previous = Math.max(previous, digit);
        }
        return String.valueOf(value);
    }

    /** «первому» → "1", «2» → "2"; null for a word that is no ordinal. */
    static String ordinal(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (w.matches("\\d+(?:-?м[уы])?")) {
            return w.replaceAll("\\D", "");
        }
        String[] stems = {"перв", "втор", "трет", "четверт", "пят", "шест", "седьм", "восьм", "девят", "десят"};
        for (int i = 0; i < stems.length; i++) {
            if (w.startsWith(stems[i])) {
                return String.valueOf(i + 1);
            }
        }
        return null;
    }
}

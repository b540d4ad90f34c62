package ru.rsoko.meeting.protocol;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document's own date and number — its requisites (ГОСТ Р 7.0.97-2016): they stand by its title
 * («ПРОТОКОЛ № 7», «ПРИКАЗ / 15.09.2022 № 245-од», «Решение коллегии от 30 ноября 2022 года № 5/2»), on the lines
 * just below it («от 24.11.2022 г. пгт Заречный», «Дата проведения: 06.12.2022 № 31-пр»), or, as legal databases
 * print them, below the signature at the end. Everything else is never the document's own: the date and number of
 * an act cited in a sentence («в соответствии с приказом от … № …»), a web page's or a database's date above the
 * title («Опубликовано: …», «Дата сохранения: …»), the date an extract was issued, a deadline.
 *
 * <p>A date on a line of its own under the title beats one on the title's line: «ПРОТОКОЛ № 5 от 20.05.2021» over
 * «г. Томск 19.05.2021» is the meeting's day, and the protocol's date is the meeting's.
 *
 * @param date   the document's date, or null
 * @param number its number as written after «№», or null
 * @param titled whether the text has a document's title: then a date or number not found by it is not there
 */
record DocumentDate(LocalDate date, String number, boolean titled) {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** How many lines under the title its date and number may stand, before the document's body begins. */
    private static final int TITLE_BLOCK = 8;
    /** How many lines at the end may hold the date and number printed below the signature. */
    private static final int END_BLOCK = 8;

    /** «ПРОТОКОЛ», «П Р И К А З», «Решение», «ПОСТАНОВЛЕНИЕ», «РЕЗОЛЮЦИЯ», «ВЫПИСКА» at a line's start. */
    private static final Pattern TITLE = Pattern.compile("^(?:" + spaced("протокол") + "|" + spaced("приказ") + "|"
            + spaced("решение") + "|" + spaced("постановление") + "|" + spaced("распоряжение") + "|"
            + spaced("резолюция") + "|" + spaced("выписка") + "|перечень\\s+поручений|протокольные\\s+поручения)(?![а-яё])\\s*(.*)$", FLAGS);
    /** What follows a title word in a sentence, not in a title: «Протокол вела …», «Решение принято единогласно». */
    private static final Pattern NOT_A_TITLE = Pattern.compile(
            "^(?::|вел[аи]?(?![а-яё])|в[её]л(?![а-яё])|принят|вступает|подлежит|составил|оформл|утвержд|направл"
                    + "|подписа|согласова|доводится|размещ|опубликова|оставляю|возлож|является|прилага)",
            FLAGS);
    /** «№ 245-од», «№12», «N 78» (as legal databases print «№»); the number has a digit. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?:№|(?<![\\p{L}\\d])N(?=\\s*\\d))\\s*([\\p{L}\\d][\\p{L}\\d/.-]*)", Pattern.UNICODE_CASE);
    /** Where the body begins under the title: an item, or a sentence's usual opening. */
    private static final Pattern BODY = Pattern.compile("^(?:\\d{1,2}(?:\\.\\d{1,2})*[.)](?!\\d)|(?:в\\s+соответствии|на\\s+основании"
            + "|во\\s+исполнение|в\\s+целях|с\\s+целью|в\\s+связи|согласно|руководствуясь|заслушав|обсудив|рассмотрев)"
            + "(?![а-яё]))", FLAGS);
    /** A line continuing an extract's title: «из протокола № 6 заседания педагогического совета». */
    private static final Pattern EXTRACT_OF = Pattern.compile("^из\\s+(?:протокол|приказ|решени|постановлени)", FLAGS);
    /** The label of the document's date: «Дата:», «Дата проведения:», «Дата заседания –». */
    private static final Pattern DATE_LABEL = Pattern.compile(
            "^дата(?:\\s+и\\s+(?:время|место))?(?:\\s+(?:проведения|заседания|совещания|принятия|подписания|составления))?"
                    + "\\s*[:–—-]", FLAGS);
    /**
     * The label of the document's number on a register's or a site's card, or on an electronic document system's
     * registration stamp: «Номер: 358», «Номер документа – 5/2», «Регистрационный номер: 358».
     */
    private static final Pattern NUMBER_LABEL = Pattern.compile(
            "^(?:регистрационный\\s+)?номер(?:\\s+(?:документа|акта|протокола|приказа|решения|постановления|распоряжения))?\\s*[:–—-]\\s*",
            FLAGS);
    /**
     * The labels of a register's card («Вид документа: … / Дата принятия: … / Номер: …»), which may stand above the
     * title when the document's own requisites are blank («от ________ № ____»). A bare «Дата:» above a title is
     * more often a news item's date, so it is not one of them.
     */
    private static final Pattern CARD_LABEL = Pattern.compile(
            "^(?:дата\\s+(?:принятия|подписания|издания|регистрации)\\s*[:–—-]|(?:регистрационный\\s+)?номер(?:\\s+документа)?\\s*[:–—-])", FLAGS);
    /** How many lines above the title a register's card may reach. */
    private static final int CARD_BLOCK = 10;
    /** A date that is not the document's: of publication, of saving or creating a page, of issuing an extract, of viewing. */
    private static final Pattern NOT_OWN = Pattern.compile(
            "опубликова|публикац|сохранен|размещ|выдач|просмотр|редакци|обновлен|изменени|печат|получен|поступ|создан",
            FLAGS);
    /** An act a sentence cites: its date and number are that act's. */
    private static final Pattern CITED_ACT = Pattern.compile(
            "приказ|постановлени|решени|распоряжени|письм|протокол|закон|указ|положени|соответстви|исполнени"
                    + "|основани|срок|(?<![а-яё])до(?![а-яё])",
            FLAGS);
    /** A town or a settlement beside the date: «г. Лесогорск», «пгт Заречный», «с. Таёжное». */
    private static final Pattern PLACE = Pattern.compile(
            "(?:^|\\s)(?:г\\.|г|гор\\.|город|пгт|п\\.|пос\\.|с\\.|р\\.\\s?п\\.|рп|ст\\.|дер\\.|д\\.)\\s*"
                    + "\\p{Lu}[\\p{L}-]*(?:[\\s-]\\p{Lu}[\\p{L}-]*)?",
            Pattern.UNICODE_CASE);
    /** What a legal database prints around a document: its name, its motto, its site, its page count. */
    private static final Pattern LEGAL_DATABASE_PRINT = Pattern.compile(
            "^(?:документ\\s+предоставлен|консультантплюс|гарант|надежная\\s+правовая|надёжная\\s+правовая|текст\\s+документа\\s+сверен"
                    + "|страница\\s+\\d+\\s+из\\s+\\d+)|(?:www\\.|https?://)\\S+\\s*$", FLAGS);
    /** An institution or a room where a meeting was held, after its date: «МБОУ «Лесогорская СОШ № 2», каб. 14». */
    private static final Pattern VENUE = Pattern.compile(
            "(?<![\\p{L}])(?:(?-i:[МГ][БАК]?[ДУ]?ОУ|М[БАК]У|Г[БА]У|МОУ|ГОУ|МДОУ)(?![\\p{L}])|каб\\.|кабинет|актовый\\s+зал|конференц-зал)", FLAGS);
    /** The heading to the text under the requisites (ГОСТ Р 7.0.97-2016): «О результатах ВПР», «Об итогах …». */
    private static final Pattern TOPIC = Pattern.compile("^(?:о|об|обо)\\s+\\p{L}", FLAGS);
    private static final Pattern INSTITUTION_BEFORE = Pattern.compile(
            "(?:(?<![\\p{L}])(?<!по\\s)(?:школ[а-яё]*|гимнази[а-яё]*|лице[йяюе][а-яё]*|сад[а-яё]*|ясли-сад[а-яё]*|интернат[а-яё]*"
                    + "|(?-i:[А-ЯЁ]*(?:СОШ|ООШ|НОШ|ДОУ|ДОО|ДЮСШ|СШ|ОУ)))|д/с)\\s*$", FLAGS);
    /** How a line of requisites begins: «от …», the date, «№», a label, the town — not a sentence's verb. */
    private static final Pattern REQUISITES_START = Pattern.compile(
            "^(?:от(?![а-яё])|[«\"“„]?\\d|№|N\\s?\\d|дата|номер|г\\.|гор\\.|город|пгт|п\\.|пос\\.|с\\.|р\\.\\s?п\\.|рп(?![а-яё]))",
            FLAGS);
    private static final Pattern OT_AT_END = Pattern.compile("(?<![\\p{L}])от\\s*$", FLAGS);
    private static final Pattern NOISE = Pattern.compile("(?iu)(?<![\\p{L}])от(?![\\p{L}])|[\\s,;:.–—\\-|]+");

    private static final DocumentDate NONE = new DocumentDate(null, null, false);

    /** The date and number of the document whose clean lines these are. */
    static DocumentDate of(List<String> lines) {
        int title = titleLine(lines);
        if (title < 0) {
            return NONE;
        }
        LocalDate date = null;
        String titleLine = lines.get(title);
        String number = number(titleLine);
        Optional<WrittenDates.Found<LocalDate>> onTitle = ownDate(titleLine);
        LocalDate titleDate = onTitle.map(WrittenDates.Found::value).orElse(null);

        boolean inEdition = false;
        for (int i = title + 1; i < lines.size() && i <= title + TITLE_BLOCK; i++) {
            String line = lines.get(i);
            if (Markers.startsSection(line) || BODY.matcher(line).lookingAt() || line.endsWith(":")) {
                break;
            }
            // «(в ред. решения коллегии от 14.03.2024 N 2/1)» under the title: the amending act's requisites
            if (inEdition || EDITION_NOTE.matcher(line).lookingAt()) {
                inEdition = !line.contains(")");
                continue;
            }
            if (i == title + 1 && EXTRACT_OF.matcher(line).lookingAt()) {
                number = number != null ? number : number(line);
                titleDate = titleDate != null ? titleDate : ownDate(line).map(WrittenDates.Found::value).orElse(null);
                continue;
            }
            Requisites r = requisites(line);
            if (r == null) {
                continue;
            }
            date = date != null ? date : r.date;
            number = number != null ? number : r.number;
        }
        if (date == null && titleDate != null) {
            date = titleDate;
        }
        if (date == null || number == null) {
            Requisites end = belowSignature(lines.subList(0, appendixStart(lines, title)), title);
            date = date != null ? date : end.date;
            number = number != null ? number : end.number;
        }
        if (date == null || number == null) {
            Requisites card = cardAbove(lines, title);
            date = date != null ? date : card.date;
            number = number != null ? number : card.number;
        }
        if (date == null || number == null) {
            Requisites card = cardBelow(lines, title);
            date = date != null ? date : card.date;
            number = number != null ? number : card.number;
        }
        if (date == null && number == null) {
            Requisites head = databaseHead(lines, title);
            date = head.date;
            number = head.number;
        }
        return new DocumentDate(date, number, true);
    }

    /**
     * Where the title's block ends: the line after its last line of requisites («педагогического совета / от
     * 24.11.2022 № 3»), or the line after the title when none follows it before the body.
     */
    static int titleBlockEnd(List<String> lines, int title) {
        int end = title + 1;
        for (int i = title + 1; i < lines.size() && i <= title + TITLE_BLOCK; i++) {
            String line = lines.get(i);
            if (Markers.startsSection(line) || BODY.matcher(line).lookingAt() || line.endsWith(":")) {
                break;
            }
            if (REQUISITES_START.matcher(line).lookingAt() && requisites(line) != null || continuesTitleWithDate(line)) {
                end = i + 1;
            }
        }
        if (end == title + 1) {
            return end;
        }
        // the place under the date, then the heading to the text («О результатах ВПР»), perhaps wrapped
        while (end < lines.size() && PLACE.matcher(" " + lines.get(end)).replaceAll("").isBlank()) {
            end++;
        }
        if (end < lines.size() && TOPIC.matcher(lines.get(end)).lookingAt() && !lines.get(end).endsWith(".")) {
            end++;
            while (end < lines.size() && Character.isLowerCase(lines.get(end).charAt(0))
                    && Markers.numbered(lines.get(end)).isEmpty() && !lines.get(end - 1).endsWith(".")) {
                end++;
            }
        }
        return end;
    }

    /** «педагогического совета от 24.11.2022 № 3»: the title's words go on, then its date. */
    private static boolean continuesTitleWithDate(String line) {
        Optional<WrittenDates.Found<LocalDate>> found = ownDate(line);
        if (found.isEmpty() || !Character.isLowerCase(line.charAt(0))) {
            return false;
        }
        String before = line.substring(0, found.get().start());
        return OT_AT_END.matcher(before).find() && !CITED_ACT.matcher(OT_AT_END.matcher(before).replaceFirst("")).find();
    }

    /** The first line that is a document's title; a sentence that begins with «Протокол» or «Решение» is not. */
    static int titleLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (isTitle(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean isTitle(String line) {
        if (line.length() > 300 || !Character.isUpperCase(line.charAt(0)) && !TITLE_IN_LOWER_CASE.matcher(line).matches()) {
            // «… Публикуем / протокол совещания.»: a wrapped sentence, not a title
            return false;
        }
        Matcher m = TITLE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        String rest = m.group(1);
        return rest.isEmpty() || !NOT_A_TITLE.matcher(rest).lookingAt();
    }

    private static final Pattern PUBLISHED_IN = Pattern.compile("(?:источник|место)\\s+(?:официального\\s+)?опубликования|источник\\s+публикации", FLAGS);

    /** A legal database's note of the editions under the title: «(в ред. решения …», «(с изм. от …». */
    private static final Pattern EDITION_NOTE = Pattern.compile("^\\(\\s*(?:в\\s+ред\\.|в\\s+редакции|ред\\.|с\\s+изм)", FLAGS);

    /** «протокол №1» typed in lower case, as a messenger's copy has it: only the kind and its number. */
    private static final Pattern TITLE_IN_LOWER_CASE = Pattern.compile("^(?:протокол|приказ|решение)\\s*№\\s*[\\p{L}\\d/-]{1,12}$");

    /** «Приказ о внесении изменений в приказ от 28.08.2023 № 145»: the number is the amended act's. */
    private static final Pattern AMENDED_ACT = Pattern.compile(
            "(?<![а-яё])(?:в|во|к)\\s+(?:приказ|постановлени|решени|распоряжени|протокол)[а-яё]*\\s", FLAGS);

    /** The number after the first «№» outside quotes: not the «№ 4» of «МБОУ «Гимназия № 4»», nor an amended act's. */
    private static String number(String line) {
        Matcher m = NUMBER.matcher(line);
        int depth = 0;
        int scanned = 0;
        while (m.find()) {
            for (; scanned < m.start(); scanned++) {
                char c = line.charAt(scanned);
                depth += c == '«' ? 1 : c == '»' && depth > 0 ? -1 : 0;
            }
            if (depth == 0 && !namesInstitution(line, m.start()) && !AMENDED_ACT.matcher(line.substring(0, m.start())).find()) {
                String n = withoutTrailingDots(m.group(1));
                // the meeting form holds up to 50 characters; a «number» longer than 30 is extraction's debris
                return n.length() <= 30 && n.chars().anyMatch(Character::isDigit) ? n : null;
            }
        }
        return null;
    }

    /**
     * Whether the «№» at {@code sign} numbers a school or a kindergarten written without quotes («МБОУ СОШ № 5»,
     * «гимназии № 2», «МБДОУ детский сад № 12»): it is part of the institution's name, not the document's number.
     * The old «Приказ по школе № 45» numbers the order.
     */
    static boolean namesInstitution(String line, int sign) {
        return INSTITUTION_BEFORE.matcher(line.substring(Math.max(0, sign - 40), sign)).find();
    }

    /** Whether the «№» at {@code sign} may number the document: not inside «МБОУ «СОШ № 5»», not «МБОУ СОШ № 5». */
    static boolean mayNumberTheDocument(String line, int sign) {
        return !insideQuotes(line, sign) && !namesInstitution(line, sign);
    }

    /** «245-од.» → «245-од»: the full stop ends the sentence, not the number. */
    static String withoutTrailingDots(String number) {
        int end = number.length();
        while (end > 0 && (number.charAt(end - 1) == '.' || number.charAt(end - 1) == '-')) {
            end--;
        }
        return number.substring(0, end);
    }

    /** The first date outside quotes, unless the line says it is a publication's or a cited act's. */
    private static Optional<WrittenDates.Found<LocalDate>> ownDate(String line) {
        Optional<WrittenDates.Found<LocalDate>> found = WrittenDates.findDate(line);
        if (found.isEmpty() || insideQuotes(line, found.get().start())) {
            return Optional.empty();
        }
        return NOT_OWN.matcher(line.substring(0, found.get().start())).find() ? Optional.empty() : found;
    }

    private record Requisites(LocalDate date, String number) {
    }

    /**
     * A line that holds only the document's requisites: its date, its number, the place and a label — «15.09.2022
     * № 245-од», «от 24.11.2022 г. пгт Заречный», «Дата проведения: 06.12.2022 № 31-пр», «№ 2», «N 78». Null for
     * anything else, such as a sentence that cites an act («приказом департамента от 17.08.2021 N 1422,»).
     */
    private static Requisites requisites(String line) {
        if (NOT_OWN.matcher(line).find()) {
            return null;
        }
        String rest = DATE_LABEL.matcher(line).replaceFirst(" ");
        rest = NUMBER_LABEL.matcher(rest).replaceFirst("№ ");
        Optional<WrittenDates.Found<LocalDate>> found = WrittenDates.findDate(rest);
        LocalDate date = null;
        if (found.isPresent()) {
            date = found.get().value();
            rest = found.get().remove(rest);
        }
        String number = null;
        Matcher n = NUMBER.matcher(rest);
        boolean numbered = false;
        while (!numbered && n.find()) {
            numbered = mayNumberTheDocument(rest, n.start());
        }
        if (numbered) {
            number = number(rest.substring(n.start()));
            rest = rest.substring(0, n.start()) + " " + rest.substring(n.end());
        }
        if (date == null && number == null) {
            return null;
        }
        Optional<WrittenDates.Found<java.time.LocalTime>> time = WrittenDates.findTime(rest);
        if (time.isPresent()) {
            rest = time.get().remove(rest);
        }
        Matcher place = PLACE.matcher(rest);
        if (date != null && place.find()) {
            if (found.get().start() < place.start()) {
                // «14 ноября 2025 г.   с. Заречное, МБОУ «Заречная СОШ № 1»»: where the meeting was, after the place
                rest = rest.substring(0, place.start());
            } else if (found.get().start() <= rest.length()) {
                // «г. Усть-Каменка, МАУ ДО «Центр развития образования»   16 апреля 2025 года»: the venue before the date
                rest = rest.substring(0, place.end()) + " " + rest.substring(found.get().start());
            }
        }
        Matcher venue = VENUE.matcher(rest);
        if (date != null && found.get().start() == 0 && venue.find() && venue.start() >= found.get().start()) {
            // «05.11.2025   МБОУ «Лесогорская СОШ № 2», каб. 14»: the date, then where the meeting was
            rest = rest.substring(0, venue.start());
        }
        rest = PLACE.matcher(rest).replaceAll(" ");
        rest = NOISE.matcher(rest).replaceAll(" ").strip();
        if (!rest.isEmpty() && (CITED_ACT.matcher(rest).find() || rest.split("\\s+").length > 2
                || Character.isLowerCase(rest.charAt(0)))) {
            return null;
        }
        return new Requisites(date, number);
    }

    /**
     * The date and number a legal database prints below the signature: the last lines of the text, read upwards,
     * while they hold only requisites or a town («г. Кострома / 14 февраля 2023 года / N 78»).
     */
    private static Requisites belowSignature(List<String> lines, int title) {
        LocalDate date = null;
        String number = null;
        int seen = 0;
        for (int i = lines.size() - 1; i > title && seen < END_BLOCK; i--, seen++) {
            String line = lines.get(i);
            if (!line.matches("(?s).*[\\p{L}\\d].*")) {
                continue;
            }
            if (LEGAL_DATABASE_PRINT.matcher(line).find()) {
                // «КонсультантПлюс / надежная правовая поддержка / www.consultant.ru» under the requisites
                seen--;
                continue;
            }
            if (i - 1 > title && PUBLISHED_IN.matcher(lines.get(i - 1)).find() && !lines.get(i - 1).endsWith(".")) {
                // «Источник публикации: "Вестник …» / «… района", N 3, 02.02.2024»: the periodical's issue
                continue;
            }
            Requisites r = requisites(line);
            if (r == null) {
                // a town, or a site's own dates under the text («Страница создана: …», «Дата печати: …»)
                if (PLACE.matcher(" " + line).replaceAll("").isBlank() || PUBLISHED_IN.matcher(line).find()
                        || NOT_OWN.matcher(line).find() && WrittenDates.findDate(line).isPresent()) {
                    continue;
                }
                break;
            }
            date = date != null ? date : r.date;
            number = number != null ? number : r.number;
        }
        return new Requisites(date, number);
    }

    private static final Pattern APPENDIX_HEADING = Pattern.compile("^приложение(?:\\s*№?\\s*\\d{1,2})?$", FLAGS);

    /** Where the appendices after the signature begin («Приложение 1 / к приказу … / от …»); the end when none does. */
    private static int appendixStart(List<String> lines, int title) {
        for (int i = title + 1; i < lines.size(); i++) {
            if (APPENDIX_HEADING.matcher(lines.get(i).strip()).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    private static final Pattern ACT_KIND_LINE = Pattern.compile("^(?:приказ|постановление|решение|распоряжение)\\s+\\p{L}", FLAGS);
    private static final Pattern ACT_REQUISITES_LINE = Pattern.compile("^от\\s+\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\s*(?:г\\.)?\\s*(?:N|№)\\s*\\S+$", FLAGS);

    /**
     * «Приказ Управления образования … / от 03.06.2024 N 164 / "Об итогах …"»: the head a legal database prints over
     * each page of a document, when the document's own requisites are nowhere else.
     */
    private static Requisites databaseHead(List<String> lines, int title) {
        for (int i = title + 1; i < lines.size(); i++) {
            if (ACT_REQUISITES_LINE.matcher(lines.get(i)).matches() && ACT_KIND_LINE.matcher(lines.get(i - 1)).lookingAt()) {
                Requisites r = requisites(lines.get(i));
                if (r != null) {
                    return r;
                }
            }
        }
        return new Requisites(null, null);
    }

    /** A register's card above the title: only its labelled lines, read upwards from the title. */
    private static Requisites cardAbove(List<String> lines, int title) {
        return card(lines, Math.max(0, title - CARD_BLOCK), title);
    }

    /** A register's card printed after the text, as legal portals do («Информация о документе / Дата принятия: …»). */
    private static Requisites cardBelow(List<String> lines, int title) {
        return card(lines, Math.max(title + 1, lines.size() - 2 * CARD_BLOCK), lines.size());
    }

    private static Requisites card(List<String> lines, int from, int to) {
        LocalDate date = null;
        String number = null;
        for (int i = to - 1; i >= from; i--) {
            String line = lines.get(i);
            Requisites r = CARD_LABEL.matcher(line).lookingAt() ? requisites(line) : null;
            if (r != null) {
                date = date != null ? date : r.date;
                number = number != null ? number : r.number;
            }
        }
        return new Requisites(date, number);
    }

    private static boolean insideQuotes(String line, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = line.charAt(i);
            if (c == '«') {
                depth++;
            } else if (c == '»' && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    /** «протокол» → «п\s?р\s?о…»: the word, its letters maybe spaced out. */
    private static String spaced(String word) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            if (i > 0) {
                p.append("\\s?");
            }
            p.append(word.charAt(i));
        }
        return p.toString().toLowerCase(Locale.ROOT);
    }
}

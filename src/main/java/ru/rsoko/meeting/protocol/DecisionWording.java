package ru.rsoko.meeting.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a decision's own wording says about who does it and by when, when no «Ответственные:» or «Срок:» line
 * says it: «Руководителям ОО провести … до 1 октября 2022 года», «Рекомендовать ГАУ ДПО «…» (Хромова Т.И.)
 * провести …», «Контроль за исполнением приказа возложить на заместителя начальника Иванову И.П.», «…
 * совместно с РМК …», «… (срок – до 01.09.2022)», «… в течение 2022-2023 учебного года», «… постоянно».
 */
final class DecisionWording {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** «Рекомендовать», «Поручить» … before the addressee of a decision. */
    private static final Pattern INSTRUCTION = Pattern.compile(
            "^(?:рекомендовать|поручить|обязать|предложить|просить)\\s+", FLAGS);
    /** A plural dative («руководителям», «классным»), or a singular one of the usual addressees. */
    private static final Pattern DATIVE = Pattern.compile(
            "^(?:[а-яё-]+(?:ам|ям|ым|им|ому|ему)|[а-яё-]*(?:отделу|управлению|министерству|департаменту|комитету|центру"
                    + "|институту|кафедре|бухгалтерии|заместителю|директору|руководителю|начальнику|методисту"
                    + "|специалисту|программисту|инженеру|учителю|педагогу|администрации|председателю|секретарю"
                    + "|координатору|куратору|психологу|библиотекарю|организатору|советнику|совету|объединению"
                    + "|учреждению|службе|лицею|гимназии|школе|колледжу|комиссии|группе|общественности|логопеду|дефектологу|воспитателю|инспектору|эксперту|тьютору|наблюдателю|бухгалтеру|врачу|медсестре|вожатому|лаборатории|приемной|приёмной))$", FLAGS);
    /** «Муниципальной комиссии», «Рабочей группе»: a feminine adjective in the dative before its noun. */
    private static final Pattern FEMININE_ADJECTIVE = Pattern.compile("^[а-яё-]{3,}(?:ой|ей)$", FLAGS);
    /** «Зайцевой О.П. загрузить …»: a person named first, in the dative. */
    private static final Pattern PERSON = Pattern.compile("^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\\s+[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.\\s");
    /** «Доклад А.В. Шубиной принять к сведению»: what was heard, named before its author, is no party. */
    private static final Pattern NOT_A_PERSON = Pattern.compile(
            "^(?:доклад|информаци[яю]|сообщение|отч[её]т|выступление|предложени[яе]|справк[уа]|материалы|решение)$", FLAGS);
    private static final Pattern ABBREVIATION = Pattern.compile("^[А-ЯЁA-Z]{2,}(?:-[А-ЯЁA-Z]+)?$");
    private static final Pattern INFINITIVE = Pattern.compile("^[а-яё]{3,}(?:ть|ться|чь|ти|тись)$", FLAGS);
    private static final Pattern NOT_INFINITIVE = Pattern.compile("(?:сть|сти)$", FLAGS);
    /** «провести», «произвести», «внести» — not «области», «деятельности». */
    private static final Pattern INFINITIVE_STI = Pattern.compile("(?:вести|нести|мести|расти|плести|цвести|грести|трясти)$",
            FLAGS);
    private static final Pattern TOGETHER = Pattern.compile("\\s+совместно\\s+с(?:о)?\\s+", FLAGS);
    /** What starts a circumstance between the party and its order: a deadline, a purpose, an occasion. */
    private static final Pattern CIRCUMSTANCE = Pattern.compile("(?:при\\s+(?!администраци)[а-яё]+(?:ке|нии|ании|тии|ации|ге)"
            + "|в\\s+(?:целях|рамках|ходе|связи\\s+с|соответствии\\s+с|срок|сроки|течение|период)|с\\s+целью"
            + "|по\\s+(?:итогам|результатам)|на\\s+основании|(?-i:до)|не\\s+(?:позднее|позже)|ежегодно|ежемесячно|ежеквартально|еженедельно|ежедневно"
            + "|постоянно|систематически|регулярно|своевременно|ежедневно|в\\s+\\d{4}\\s+году"
            + "|во?\\s+(?:[IVX]{1,3}|[1-4]-?м)\\s+(?:квартал|полугоди)[а-яё]*|в\\s+" + WrittenDates.MONTH + "\\s+\\d{4})(?![а-яё])", FLAGS);
    private static final Pattern CONTROL = Pattern.compile(
            "^контроль(?:\\s+.*?)?\\s+(?:возложить|возлагается|возлагаю)\\s+на\\s+(.+?)[.;]?$", FLAGS);

    /** «Возложить персональную ответственность за … на руководителей ОО»: the party is whom it is put on. */
    private static final Pattern RESPONSIBILITY = Pattern.compile(
            "^возложить\\s+(?:[а-яё]+\\s+)?ответственность\\s+(?:за|по)\\s.+?\\s+на\\s+(.+?)[.;]?$", FLAGS);

    /** «Ответственность за подготовку заданий возложить на руководителя РМО Белоусову Л.К.», as a sentence of its own. */
    private static final Pattern RESPONSIBILITY_LAID_ON = Pattern.compile(
            "(?:^|(?<=[.;]\\s))(?:персональную\\s+)?ответственность\\s+(?:за|по)\\s[^.;]+?\\s+возложить\\s+на\\s+(.+?)[.;]?$", FLAGS);
    /** «До 1 ноября 2024 года», «Ежемесячно, до 25 числа,», «В срок до 15.03.2024» opening a decision. */
    private static final Pattern LEADING_TERM = Pattern.compile(
            "(?:(?:ежемесячно|ежегодно|ежеквартально|еженедельно|постоянно)\\s*,?\\s*)?"
                    + "(?:(?:в\\s+срок\\s+)?(?:до|не\\s+позднее)\\s+(?:\\d{1,2}[.\\s][^,;]{1,20}?\\d{4}(?:\\s*(?:года|г\\.))?"
                    + "|\\d{1,2}(?:-?го)?\\s+числа(?:\\s+каждого\\s+месяца)?)\\s*,?\\s*)?", FLAGS);

    /** «кл», «соц.», «зам.», «ст.»: an adjective shortened before the noun of an addressee. */
    private static final Pattern SHORTENED_ADJECTIVE = Pattern.compile("^(?:кл|соц|зам|ст|мл|пед|мед|зав|гл|нач|класс)\\.?$", FLAGS);

    private DecisionWording() {
    }

    /**
     * The parties a decision's wording names at its start («Руководителям ОО провести …» → «Руководителям ОО»),
     * each «совместно с …» co-executor apart; or the one «Контроль … возложить на …» names.
     */
    static List<String> parties(String text) {
        String t = text.strip();
        Matcher control = CONTROL.matcher(t.replace('\n', ' '));
        if (control.matches()) {
            return List.of(control.group(1).strip());
        }
        Matcher responsibility = RESPONSIBILITY.matcher(t.replace('\n', ' '));
        if (responsibility.matches()) {
            return List.of(responsibility.group(1).strip());
        }
        Matcher laidOn = RESPONSIBILITY_LAID_ON.matcher(t.replace('\n', ' '));
        if (laidOn.find()) {
            return List.of(laidOn.group(1).strip());
        }
        Matcher term = LEADING_TERM.matcher(t);
        if (term.lookingAt() && term.end() > 0 && term.end() < t.length()) {
            // «До 1 ноября 2024 года руководителям РМО скорректировать …»: the term first, then the addressee
            String after = t.substring(term.end());
            String firstWord = letters(after.split("\\s+", 2)[0]);
            if (DATIVE.matcher(firstWord).matches() && !INFINITIVE.matcher(firstWord).matches()) {
                t = after;
            }
        }
        Matcher instruction = INSTRUCTION.matcher(t);
        boolean instructed = instruction.lookingAt();
        String rest = instructed ? t.substring(instruction.end()) : t;
        rest = rest.replaceAll("(?<=\\))(?=\\p{L})", " ");
        String[] words = rest.split("\\s+");
        if (words.length < 2) {
            return List.of();
        }
        String first = letters(words[0]);
        if (SHORTENED_ADJECTIVE.matcher(words[0]).matches() && DATIVE.matcher(letters(words[1])).matches()) {
            // «кл руководителям 1-11 кл», «соц. педагогу Ивашкиной Л.Р.»: the noun after a shortened adjective tells
            first = letters(words[1]);
        }
        boolean person = PERSON.matcher(rest).lookingAt() && !NOT_A_PERSON.matcher(first).matches();
        // a text typed in capitals has no abbreviations to tell by their letters: «ИНФОРМАЦИЮ … ПРИНЯТЬ К СВЕДЕНИЮ»
        boolean capitals = rest.chars().noneMatch(Character::isLowerCase);
        boolean abbreviation = ABBREVIATION.matcher(first).matches() && (!capitals || first.length() <= 5);
        if (!instructed && !person && !DATIVE.matcher(first).matches() && !abbreviation && !dativeNoun(words)) {
            return List.of();
        }
        if (INFINITIVE.matcher(first).matches() && !DATIVE.matcher(first).matches()) {
            return List.of();
        }
        int depth = 0;
        boolean inQuotes = false;
        int end = -1;
        int circumstance = -1;
        int offset = 0;
        for (int w = 0; w < words.length && w < 25; w++) {
            String word = words[w];
            int at = rest.indexOf(word, offset);
            offset = at + word.length();
            if (depth == 0 && w > 0 && isInfinitive(word)) {
                end = circumstance >= 0 ? circumstance : at;
                break;
            }
            // «руководителям ОО при разработке планов …», «… до 1 октября …», «… в целях …»: how or when, no more of
            // the party
            if (depth == 0 && w > 0 && circumstance < 0 && CIRCUMSTANCE.matcher(rest.substring(at)).lookingAt()) {
                circumstance = at;
            }
            for (char c : word.toCharArray()) {
                if (c == '(' || c == '«' && !inQuotes) {
                    depth++;
                    inQuotes |= c == '«';
                } else if ((c == ')' || c == '»' && inQuotes) && depth > 0) {
                    // «МБУ «ЦППМСП «Доверие»» and «МБУ «ЦППМСП «Доверие»» typed with one closing mark: nested quotes
                    // are one level, closed by the first «»»
                    depth--;
                    inQuotes &= c != '»';
                }
            }
            if (depth == 0 && (word.endsWith(":") || word.endsWith(";") || word.endsWith("."))
                    && !word.matches(".*\\p{Lu}\\.")) {
                return List.of();
            }
        }
        if (end <= 0) {
            return List.of();
        }
        String party = rest.substring(0, end).strip().replaceAll("[,\\s]+$", "");
        List<String> parties = new ArrayList<>();
        for (String p : TOGETHER.split(party)) {
            if (!p.isBlank()) {
                parties.addAll(addressees(p.strip()));
            }
        }
        return parties;
    }

    /**
     * «Учителям-предметникам, классным руководителям», «Отделу … (Миронова С.А.), ГБУ КО «ЦОКО» (Лыкова Е.Н.)»: two
     * addressees, each in the dative or an organisation's abbreviation; «руководителям органов, осуществляющим …»
     * is one, its clause after the comma.
     */
    private static List<String> addressees(String party) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < party.length(); i++) {
            char c = party.charAt(i);
            if (c == '(' || c == '«') {
                depth++;
            } else if ((c == ')' || c == '»') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                String next = party.substring(i + 1).strip();
                String word = letters(next.split("\\s+", 2)[0]);
                boolean addressee = !word.isEmpty() && (DATIVE.matcher(word).matches() && !CLAUSE_WORD.matcher(word).find()
                        // «(Миронова С.А.), ГБУ КО …»: an organisation after a person's bracket; «Руководителям МБОУ «СОШ
                        // № 1», МБОУ «Заречная ООШ»» lists the schools of one addressee
                        || ABBREVIATION.matcher(word).matches() && party.substring(from, i).strip().endsWith(")"));
                if (addressee) {
                    pieces.add(party.substring(from, i).strip());
                    from = i + 1;
                }
            }
        }
        pieces.add(party.substring(from).strip());
        pieces.removeIf(String::isBlank);
        return pieces;
    }

    /** «осуществляющим», «имеющим», «прошедшим», «которым»: a clause's word, not an addressee's. */
    private static final Pattern CLAUSE_WORD = Pattern.compile("(?:ющ|ящ|ащ|ущ|вш|нн)[а-яё]*$|^(?:которым|которой|которому)$", FLAGS);

    /** Whether a word is a dative of an addressee: «руководителям», «заместителю», «комиссии». */
    static boolean isDative(String word) {
        return DATIVE.matcher(word).matches();
    }

    /** «Муниципальной методической службе (МКУ «ЦРО»)»: an addressee heading's words begin with a feminine dative. */
    static boolean startsWithDativeNoun(String[] words) {
        return dativeNoun(words);
    }

    /** «Муниципальной комиссии», «Рабочей группе», «Территориальной предметной комиссии»: adjectives, then a noun. */
    private static boolean dativeNoun(String[] words) {
        for (int w = 0; w < Math.min(words.length - 1, 3); w++) {
            String word = letters(words[w]);
            if (!FEMININE_ADJECTIVE.matcher(word).matches()) {
                return false;
            }
            if (DATIVE.matcher(letters(words[w + 1])).matches()) {
                return true;
            }
        }
        return false;
    }

    /** «совместно с Y» inside a party written on its own: «МКУ «РМК» совместно с руководителями ОО». */
    static List<String> together(String party) {
        List<String> parties = new ArrayList<>();
        for (String p : TOGETHER.split(party)) {
            if (!p.isBlank()) {
                parties.add(p.strip());
            }
        }
        return parties;
    }

    /** Whether a line gives an order: «провести», «обеспечить» … */
    static boolean hasInfinitive(String line) {
        for (String word : line.split("\\s+")) {
            if (isInfinitive(word)) {
                return true;
            }
        }
        return false;
    }

    /** «обеспечитьучастие»: an order's verb glued to the next word by extraction. */
    private static final Pattern GLUED_INFINITIVE = Pattern.compile(
            "^(?:обеспечить|провести|организовать|представить|подготовить|направить|разработать|осуществить|рассмотреть"
                    + "|утвердить|проводить|продолжить|разместить|принять|включить|представлять|обеспечивать)[а-яё]{3,}$", FLAGS);

    private static boolean isInfinitive(String word) {
        if (GLUED_INFINITIVE.matcher(letters(word)).matches()) {
            return true;
        }
        String w = letters(word).toLowerCase(Locale.ROOT);
        if (!INFINITIVE.matcher(w).matches()) {
            return false;
        }
        return !NOT_INFINITIVE.matcher(w).find() || INFINITIVE_STI.matcher(w).find();
    }

    private static String letters(String word) {
        return word.replaceAll("^[^\\p{L}]+|[^\\p{L}-]+$", "");
    }

    // --- deadlines in the wording ------------------------------------------------------------------------------

    private static final String MONTH = WrittenDates.MONTH;
    private static final String YEAR_WORD = "(?:\\s*(?:года|год|г\\.?|гг\\.?))?";
    private static final String THIS_YEAR = "(?:текущего|сего)\\s+года";
    private static final String DOTTED_DAY = "(?:(?:\\d{1,2}\\.\\d{1,2}\\.|\\d{1,2}/\\d{1,2}/)(?:\\d{4}|\\d{2})(?!\\d|\\.\\d)" + YEAR_WORD
            + "|\\d{1,2}\\.\\s\\d{1,2}\\.\\s?\\d{4}(?!\\d)" + YEAR_WORD + ")";
    private static final String DAY = "(?:" + DOTTED_DAY
            + "|«?\\d{1,2}»?\\s+" + MONTH + "(?:\\s+(?:\\d{4}" + YEAR_WORD + "|\\d{2}\\s*г(?:ода|\\.|(?![а-яё]))|" + THIS_YEAR + "))?)";
    /** «до 25.05»: a day without its year, only after «до». */
    /** «25.05», never a time «16.00». */
    private static final String DOTTED_DAY_WITHOUT_YEAR = "(?:0?[1-9]|[12]\\d|3[01])\\.(?:0?[1-9]|1[0-2])(?![\\d/]|\\.\\d)";
    /** «5 числа», «10-го числа месяца, следующего за отчётным» */
    private static final String DAY_OF_MONTH = "\\d{1,2}(?:-?го)?\\s+числа(?:\\s+(?:каждого\\s+)?(?:месяца|квартала)"
            + "(?:,?\\s+следующего\\s+за\\s+отч[её]тным(?:\\s+(?:периодом|месяцем|кварталом))?)?)?";
    /** «постоянно действующий семинар» names a kind of seminar, not how often a thing is done. */
    private static final String PERIODIC = "(?:постоянно(?!\\s+действующ)|ежегодно|ежеквартально|ежемесячно|еженедельно|ежедневно"
            + "|систематически|регулярно)";
    private static final String EVERY_UNIT = "(?:недел[а-яё]*|месяц|четверть|триместр|квартал|полугодие|год|учебный\\s+год)";
    private static final String SCHOOL_PART = "(?:i{1,3}|iv|[1-4]|перв[а-яё]*|втор[а-яё]*|трет[а-яё]*|четверт[а-яё]*)"
            + "(?:-?[а-яё]{1,3})?(?:\\s*[-–—]\\s*(?:i{1,3}|iv|[1-4])(?:-?[а-яё]{1,3})?)?\\s+(?:четверт[а-яё]*|триместр[а-яё]*)";
    private static final String SEASON = "(?:(?:летн|осенн|весенн|зимн)[а-яё]*\\s+(?:период[а-яё]*|время)"
            + "|период\\s+летн[а-яё]*\\s+каникул)";
    private static final String SCHOOL_YEAR = "(?:(?:\\d{4}\\s*[-–—/]\\s*\\d{2,4}|текущего|следующего|нового)\\s+)?"
            + "(?:учебного\\s+года|уч\\.\\s*(?:года|г\\.|г(?![а-яё])))";
    private static final String PART_OF_YEAR = "(?:i{1,3}|iv|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*)"
            + "(?:-?[а-я]{1,3})?\\s+(?:квартал[а-я]*|полугоди[а-я]*)";
    private static final String PERIOD = "(?:" + SCHOOL_YEAR + "|\\d{4}\\s*[-–—]\\s*\\d{4}\\s*(?:годов|годы|гг\\.?)"
            + "|\\d{4}" + YEAR_WORD + "|" + PART_OF_YEAR + "(?:\\s+" + SCHOOL_YEAR + "|\\s+\\d{4}" + YEAR_WORD + ")?"
            + "|" + MONTH + "(?:\\s*[-–—]\\s*" + MONTH + ")?\\s+\\d{4}" + YEAR_WORD + ")";
    private static final String THEN = "(?:\\s*,?\\s*(?:а\\s+|и\\s+)?(?:далее|в дальнейшем|затем)\\s*[-–—:]?\\s*" + PERIODIC + ")?";

    private static final String WEEKDAYS = "(?:понедельник|вторник|сред|четверг|пятниц|суббот)[а-яё]*";
    /** «в день проведения собрания», «накануне его проведения», «за 3 дня до начала …»: a term tied to an event. */
    private static final String EVENT = "(?:проведения|начала|окончания|заседания|поступления|получения|открытия|выхода)";

    /** The wordings a decision's deadline is written in, the surest first. */
    private static final List<Pattern> DEADLINES = List.of(
            // «(срок – до 01.09.2022)», «(установить срок готовности – 1 июня 2023 г.)»
            Pattern.compile("\\([^()]{0,80}?(?<![а-яё])срок[а-яё]*(?:\\s+[а-яё]+){0,4}?\\s*[-–—:]\\s*([^()]{1,150})\\)", FLAGS),
            // «… в повестку августовских совещаний (август 2024 года).»: a term alone in brackets
            Pattern.compile("\\(\\s*((?:до\\s+|к\\s+)?(?:" + DAY + "|" + MONTH + "(?:\\s*[-–—]\\s*" + MONTH + ")?\\s+\\d{4}" + YEAR_WORD
                    + "|" + PERIOD + "))\\s*\\)", FLAGS),
            // «…, срок – I полугодие 2022-2023 учебного года»
            Pattern.compile("(?<![а-яё(])срок[а-яё]*(?:\\s+(?:исполнения|выполнения))?\\s*[-–—:]\\s*([^;()]{1,150}?)(?=[;.]?$|[;]|,\\s*ответствен)", FLAGS),
            // «ежегодно до 1 июля», «до 1 июля ежегодно», «ежемесячно до 5 числа месяца, следующего за отчётным»
            Pattern.compile("(?<![а-яё])((?:" + PERIODIC + "\\s*,?\\s+)?(?:в\\s+срок\\s+)?(?:до|не\\s+позднее|не\\s+позже|к(?=\\s+(?:\\d|концу)))\\s+(?:"
                    + DAY + "|" + DOTTED_DAY_WITHOUT_YEAR + "|" + DAY_OF_MONTH + "|начала\\s+(?:[а-яё]+\\s+)?" + SCHOOL_YEAR + "|конц[ау]\\s+"
                    + "(?:[а-яё]+\\s+|[ivx]{1,3}\\s+|[1-4]-?[а-яё]{0,2}\\s+)?(?:" + PERIOD + "|года|месяца|квартала|полугодия|четверти|триместра|недели)|" + PERIOD + ")" + THEN
                    + "(?:\\s*,?\\s+" + PERIODIC + "(?![а-яё]))?)", FLAGS),
            Pattern.compile("(?<![а-яё])((?:в\\s+период\\s+)?с\\s+(?:" + DAY + "|" + DOTTED_DAY_WITHOUT_YEAR + "|\\d{1,2})\\s+(?:по|до)\\s+" + DAY + ")", FLAGS),
            // «с октября 2023 года по апрель 2024 года»
            Pattern.compile("(?<![а-яё])(с\\s+" + MONTH + "(?:\\s+\\d{4}" + YEAR_WORD + ")?\\s+(?:по|до)\\s+" + MONTH + "\\s+\\d{4}"
                    + YEAR_WORD + ")", FLAGS),
            // «28 февраля – 1 марта 2024 г.»
            Pattern.compile("(?<![а-яё\\d.])(\\d{1,2}\\s+" + MONTH + "\\s*[-–—]\\s*" + DAY + ")", FLAGS),
            // «14–16 февраля 2023 года», «1–10 апреля»
            Pattern.compile("(?<![а-яё\\d.])(\\d{1,2}\\s*[-–—]\\s*\\d{1,2}\\s+" + MONTH + "(?:\\s+\\d{4}" + YEAR_WORD + ")?)", FLAGS),
            // «04.12–08.12.2023», «18.12.2023 – 22.12.2023»
            Pattern.compile("(?<![а-яё\\d.])((?:" + DOTTED_DAY + "|" + DOTTED_DAY_WITHOUT_YEAR + ")\\s*[-–—]\\s*" + DOTTED_DAY + ")", FLAGS),
            Pattern.compile("(?<![а-яё])((?:в\\s+течение|(?:в\\s+срок\\s+)?не\\s+позднее)\\s+(?:(?:всего|всей)\\s+)?(?:" + PERIOD
                    + "|(?:\\d{1,3}|[а-яё]+)\\s+(?:(?:рабочих|календарных|рабочего|календарного)\\s+)?(?:дней|дня|недель|недели|месяцев|месяца)"
                    + "|месяца|недели|года|квартала|полугодия)(?:\\s+(?:после|со\\s+дня|с\\s+момента)[^,;.]*)?" + THEN + ")", FLAGS),
            // «обеспечить реализацию программы в 2025-2026 учебном году»: the school year named as the item's time
            Pattern.compile("(?<![а-яё])(в\\s+\\d{4}\\s*[-–—/]\\s*\\d{2,4}\\s+учебном\\s+году)", FLAGS),
            Pattern.compile("(?<![а-яё])(в\\s+(?:\\d{1,2}-?дневный|[а-яё]*месячный|[а-яё]*недельный|[а-яё]*дневный)\\s+срок)", FLAGS),
            Pattern.compile("(?<![а-яё])((?:по\\s+(?:итогам|результатам|окончании|завершении)|после)\\s+(?:проведения\\s+)?"
                    + "(?:каждой|каждого)\\s+[а-яё]+(?:\\s+[а-яё]+)?)", FLAGS),
            // «в течение сентября»: a month with no year, the first not ended by the document's date
            Pattern.compile("(?<![а-яё])(в\\s+течение\\s+" + MONTH + ")(?!\\s*\\d)(?![а-яё])", FLAGS),
            // «в течение III четверти», «в летний период 2023 года»: school quarters are kept as written
            Pattern.compile("(?<![а-яё])((?:в\\s+течение|во?)\\s+(?:" + SCHOOL_PART + "|" + SEASON + ")"
                    + "(?:\\s+" + SCHOOL_YEAR + "|\\s+\\d{4}" + YEAR_WORD + ")?)(?=\\s*[.;,)]?\\s*$)", FLAGS),
            Pattern.compile("(?<![а-яё])(в\\s+течение\\s+(?:" + SCHOOL_PART + "|" + SEASON + ")"
                    + "(?:\\s+" + SCHOOL_YEAR + "|\\s+\\d{4}" + YEAR_WORD + ")?)", FLAGS),
            // «провести в 2025 году …», «организовать в летний период …»: a time right after the ordered verb
            Pattern.compile("(?<![а-яё])[а-яё]{2,}(?:ть|ти|чь)\\s+(в\\s+(?:\\d{4}\\s+году|" + SEASON + "(?:\\s+\\d{4}" + YEAR_WORD + ")?|" + MONTH + "\\s+(?:\\d{4}" + YEAR_WORD + "|текущего\\s+года)))(?![а-яё\\d])", FLAGS),
            // «к началу учебного года»: its eve
            Pattern.compile("(?<![а-яё])((?:к\\s+началу|до\\s+начала)\\s+(?:[а-яё]+\\s+)?" + SCHOOL_YEAR + ")", FLAGS),
            // «1 раз в полугодие», «не реже одного раза в месяц»
            Pattern.compile("(?<![а-яё])((?:не\\s+реже\\s+)?(?:\\d{1,2}|один|одного|два|двух|три|трех|трёх)\\s+раза?\\s+в\\s+"
                    + EVERY_UNIT + ")(?![а-яё])", FLAGS),
            Pattern.compile("(?<![а-яё])((?:во?|на)\\s+(?:" + PART_OF_YEAR + "(?:\\s+" + SCHOOL_YEAR + "|\\s+\\d{4}" + YEAR_WORD + ")"
                    + "|" + MONTH + "(?:\\s*[-–—]\\s*" + MONTH + ")?\\s+\\d{4}" + YEAR_WORD + "))", FLAGS),
            // «еженедельно по пятницам»
            Pattern.compile("(?<![а-яё])(" + PERIODIC + THEN + "(?:\\s+\\(?по\\s+" + WEEKDAYS + "\\)?)?)\\s*[.;]?$", FLAGS),
            Pattern.compile("(?<![а-яё])((?:(?:в|во)\\s+)?(?:кажд(?:ый|ую|ое))\\s+(?:" + WEEKDAYS + "|недел[юи]|месяц|квартал"
                    + "|четверть|полугодие)|(?:впредь\\s+)?до\\s+особого\\s+распоряжения)(?![а-яё])", FLAGS),
            // «… затруднения на ВПР-2025, – сентябрь 2025 г.»: the month after a dash at the end, as a plan's column would
            Pattern.compile("[,\\s]\\s*[-–—]\\s*(" + MONTH + "(?:\\s*[-–—]\\s*" + MONTH + ")?\\s+\\d{4}" + YEAR_WORD
                    + ")\\s*[.;]?$", FLAGS),
            // «Ежемесячно проводить мониторинг …»
            Pattern.compile("^\\s*(" + PERIODIC + ")(?![а-яё])", FLAGS),
            // «проводить тренировочные работы еженедельно начиная с января 2024 года»: recurring, from then on
            Pattern.compile("(?<![а-яё])(" + PERIODIC + "\\s*,?\\s+начиная\\s+с\\s+(?:" + DAY + "|" + MONTH + "\\s+\\d{4}" + YEAR_WORD
                    + "|\\d{4}\\s+года|[а-яё]+\\s+" + SCHOOL_YEAR + "))", FLAGS),
            // «обеспечить ежеквартальную проверку …», «проводить ежемесячный мониторинг …»: what is ordered recurs
            Pattern.compile("(?<![а-яё])[а-яё]{2,}(?:ть|ти)\\s+((?:ежегодн|ежеквартальн|ежемесячн|еженедельн|ежедневн)"
                    + "(?:ый|ая|ое|ые|ую|ого|ой|ых|ом|ым|ыми))(?![а-яё])", FLAGS),
            // «по графику проведения ВПР», «согласно графику проведения мероприятий, утвержденному …»
            Pattern.compile("(?<![а-яё])((?:по|согласно)\\s+график[а-яё]*\\s+проведения\\s+[^;.()]{1,120}?)\\s*(?:\\([^()]*\\))?\\s*[.;]?$", FLAGS),
            // «по графику, утверждённому директором», «в соответствии с утверждённым графиком»
            Pattern.compile("(?<![а-яё])((?:по|согласно)\\s+график[а-яё]*,?\\s+утвержд[её]нн[а-яё]*\\s+[^;.()]{1,80}?"
                    + "|в\\s+соответствии\\s+с\\s+утвержд[её]нн[а-яё]*\\s+(?:план[а-яё-]*|график[а-яё-]*|«?дорожн[а-яё]*\\s+карт[а-яё]*»?))"
                    + "\\s*[.;]?$", FLAGS),
            Pattern.compile("(?<![а-яё])((?:по\\s+графику|в\\s+соответствии\\s+с\\s+(?:план[а-яё-]*|график[а-яё-]*)"
                    + "|в\\s+сроки,?\\s+(?:установленные|предусмотренные|определенные|определённые)\\s+[а-яё-]+)"
                    + "(?:\\s+[^\\s,;.()]+){0,5})\\s*(?:\\([^()]*\\))?\\s*[.;]?$", FLAGS),
            // «в соответствии с графиком, утверждённым приказом управления образования от 27.10.2023 № 389»
            Pattern.compile("(?<![а-яё])((?:в\\s+соответствии\\s+с|согласно)\\s+(?:план[а-яё-]*|график[а-яё-]*),?\\s+"
                    + "(?:утвержд|установленн|согласованн)[а-яё]*[^;()]{0,160}?)\\s*[.;]?$", FLAGS),
            // «в срок, установленный приказом Минфина России от 07.05.2019 № 66н», «в установленные сроки»: set elsewhere
            Pattern.compile("(?<![а-яё])((?:в\\s+сроки?,?\\s+(?:установленн|предусмотренн|определенн|определённ|указанн)[а-яё]*"
                    + "|в\\s+(?:установленн|указанн)[а-яё]*\\s+сроки?)(?:\\s+[^;()]{1,160}?)?)\\s*[.;]?$", FLAGS),
            // «… стажировки в 2023 году», «… в 2024–2025 учебном году», «… в апреле» at the end of the wording: then
            Pattern.compile("(?<![а-яё])(в\\s+(?:\\d{4}\\s+году|\\d{4}\\s*[-–—/]\\s*\\d{2,4}\\s+учебном\\s+году|" + MONTH + "(?:\\s+" + THIS_YEAR + ")?))"
                    // … or where the sentence's own part ends: «… ВПР в 2025 году, в том числе присутствие наблюдателей»
                    + "(?:\\s*[.;]?$|(?=,\\s+(?:в\\s+том\\s+числе|включая|а\\s+также)\\s))",
                    FLAGS),
            // «представлять отчёт еженедельно (по пятницам)», «… ежедневно до 10.00»: recurring, wherever it stands
            Pattern.compile("(?<![а-яё])(" + PERIODIC + ")(?![а-яё])", FLAGS),
            // a day alone: «Провести 24 ноября 2022 года семинар» — never «от 10.02.2022 № 123» of a cited act
            Pattern.compile("(?<![а-яё\\d.])(?<!от\\s)(" + DAY + ")(?!\\s*(?:№|N\\s*\\d))", FLAGS),
            // «по графику, утверждённому заместителем директора»: a schedule set elsewhere, named at the end
            Pattern.compile("(?<![а-яё])((?:по|согласно)\\s+(?:график[а-яё]*|единому\\s+расписанию|расписани[юя]),?\\s+(?:утвержд|установленн|согласованн)[а-яё]*"
                    + "(?:[^;.()]|\\.(?=\\d)|(?<=\\d)\\.){0,160}?)\\s*[.;]?$", FLAGS),
            // «в соответствии с единым расписанием, утвержденным Минпросвещения России»: a timetable set elsewhere
            Pattern.compile("(?<![а-яё])((?:в\\s+соответствии\\s+с|согласно)\\s+(?:единым\\s+)?расписани[а-яё]*(?:[^;()]){0,160}?)\\s*[.;]?$", FLAGS),
            // «(по графику проведения конкурса)»: a schedule named in brackets at the end
            Pattern.compile("\\(\\s*((?:по|согласно)\\s+график[а-яё]*[^()]{0,100}?)\\s*\\)\\s*[.;]?$", FLAGS),
            // «не позднее чем за один день до проведения работы»: counted back from an event
            Pattern.compile("(?<![а-яё])((?:не\\s+позднее\\s+(?:чем\\s+)?)?за\\s+(?:\\d{1,2}|[а-яё]+)\\s+(?:(?:рабоч|календарн)[а-яё]+\\s+)?"
                    + "(?:дн[а-яё]*|день|недел[а-яё]*|месяц[а-яё]*)\\s+до\\s+(?:(?:его|ее|её|их)\\s+)?(?:дня\\s+|(?:назначенной\\s+)?даты\\s+)?"
                    + "(?:" + EVENT + "|[а-яё]+)(?:\\s+[^\\s;.()]+){0,4})", FLAGS),
            // «по утверждённому графику», «в дни проведения экзаменов с 08:00 …»: a schedule or an event's days
            Pattern.compile("(?<![а-яё])(по\\s+(?:утвержд[её]нному|установленному|согласованному)\\s+график[уа](?:\\s+[^\\s;.,()]+){0,3})", FLAGS),
            Pattern.compile("(?<![а-яё])(в\\s+дни\\s+проведения\\s+[^\\s;.,()]+(?:\\s+[^\\s;.,()]+){0,2})", FLAGS),
            // the last resort, when the wording names no day: «в день проведения …», «накануне его проведения»
            Pattern.compile("(?<![а-яё])((?:в\\s+день|накануне|за\\s+\\d{1,2}\\s+(?:дн[а-яё]*|недел[а-яё]*)\\s+до)\\s+"
                    + "(?:(?:его|ее|её|их)\\s+)?" + EVENT + "(?:\\s+[^\\s;.()]+){0,4})", FLAGS),
            // «провести во втором полугодии не менее двух уроков»: the school year's half, whose year the date gives
            Pattern.compile("(?<![а-яё])((?:во?|в\\s+течение)\\s+(?:i{1,2}|[12]|перв[а-яё]*|втор[а-яё]*)(?:-?[а-яё]{1,3})?\\s+полугоди[а-яё]*)"
                    + "(?!\\s+(?:\\d{4}|\\d{2}|учебн|текущ|следующ|нов))", FLAGS),
            // «по мере необходимости», «по мере поступления запросов»
            Pattern.compile("(?<![а-яё])(по\\s+мере\\s+(?:(?:их|его|её|ее)\\s+)?(?:необходимости|поступления|готовности|возникновения)(?:\\s+[^\\s;.,()]+){0,2})\\s*[.;]?$", FLAGS),
            // «… весной 2024 года»: a season named with its year
            Pattern.compile("(?<![а-яё])((?:летом|осенью|весной|зимой)\\s+\\d{4}" + YEAR_WORD + ")", FLAGS),
            // «в период проведения ВПР», «в дни проведения мониторинга», «перед началом осенних каникул»: an event's time
            Pattern.compile("(?<![а-яё])((?:в\\s+период|в\\s+дни|во\\s+время|перед\\s+началом)\\s+(?:проведения\\s+)?"
                    + "[^\\s;.,()]+(?:\\s+[^\\s;.,()]+){0,3})\\s*[.;]?$", FLAGS),
            // «в период осенних каникул»: holidays each school sets
            Pattern.compile("(?<![а-яё])((?:в\\s+(?:период\\s+|время\\s+)?|во\\s+время\\s+)(?:осенн|зимн|весенн)[а-яё]*\\s+каникул[а-яё]*)", FLAGS),
            // «до начала экзаменационной кампании», «по окончании летней смены»: a term tied to an event
            Pattern.compile("(?<![а-яё])((?:до|к)\\s+(?:начал[ау]|окончани[юя]|завершени[юя])\\s+(?:[а-яё]+\\s+){0,2}"
                    + "(?:кампани|экзамен|гиа|огэ|егэ|смен|каникул|мероприяти|конкурс|олимпиад|сезон|ремонт|работ)[а-яё]*"
                    + "(?:\\s+[^\\s;.,()]+){0,3})\\s*[.;]?$", FLAGS),
            // «накануне каникул», «… накануне»
            Pattern.compile("(?<![а-яё])(накануне(?:\\s+[^\\s;.,()]+){0,3})\\s*[.;]?$", FLAGS),
            // «в течение срока реализации проекта», «на период действия программы»: as long as something else lasts
            Pattern.compile("(?<![а-яё])((?:в\\s+течение|на)\\s+(?:всего\\s+)?(?:срока|периода)\\s+(?:реализации|действия)"
                    + "(?:\\s+[^\\s;.,()]+){1,4})\\s*[.;]?$", FLAGS),
            // «представить на августовской педагогической конференции», «рассмотреть на очередном заседании совета»
            Pattern.compile("(?<![а-яё])((?:на|к)\\s+(?:августовск|следующ|очередн|ближайш|итогов)[а-яё]*"
                    + "(?:\\s+[а-яё]+){0,2}?\\s+(?:конференци|совещани|заседани|педсовет|сове[тк]|собрани)[а-яё]*"
                    + "(?:\\s+[^\\s;.,()]+){0,3})\\s*[.;]?$", FLAGS),
            // «Обеспечить проведение ГИА в 2025 году в соответствии с …»: a year named in the item, wherever it stands
            Pattern.compile("(?<![а-яё])(в\\s+\\d{4}\\s+году)(?![а-яё])", FLAGS));

    /** «план работы методического совета на II полугодие»: what a plan, a schedule or a programme covers. */
    private static final Pattern PLAN_BEFORE = Pattern.compile(
            "(?iu)(?<![а-яё])(?:план|график|программ|смет|календар|расписани|задач)[а-яё]*(?:\\s+[^\\s;.]+){0,5}\\s+$");

    /** «на II полугодие …» after a plan names the period it covers, not its deadline (as «на 2023-2024 учебный год»). */
    private static boolean coveredByPlan(String text, int start, String found) {
        if (!found.regionMatches(true, 0, "на ", 0, 3)) {
            return false;
        }
        return PLAN_BEFORE.matcher(text.substring(Math.max(0, start - 120), start)).find();
    }

    private static final Pattern RESPONSIBLE_REMARK = Pattern.compile(
            "\\s*\\((?:ответствен|отв\\.|исполнител)[^()]*\\)\\s*[.;]?\\s*$", FLAGS);

    /** Which characters stand inside «…» (a title of an act or a programme): never the decision's deadline. */
    private static boolean[] quoted(String t) {
        boolean[] inside = new boolean[t.length() + 1];
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '«') {
                depth++;
            } else if (c == '»' && depth > 0) {
                depth--;
            }
            inside[i] = depth > 0;
        }
        if (depth > 0) {
            // an unclosed quote: extraction lost its end, so nothing is taken for quoted
            return new boolean[t.length() + 1];
        }
        if (t.chars().filter(c -> c == '"').count() % 2 == 0) {
            // «приказа … "Об организации ВПР в 2024 году"»: a legal database's straight quotes, paired
            boolean open = false;
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) == '"') {
                    open = !open;
                }
                inside[i] |= open;
            }
        }
        return inside;
    }

    /** The deadline the wording names, as written, or empty. */
    static Optional<String> deadline(String text) {
        // «… по графику, утверждённому директором (ответственный – Рябинина Е.К.).»: the party's remark ends no term
        String t = RESPONSIBLE_REMARK.matcher(text.replace('\n', ' ')).replaceFirst(".");
        boolean[] quoted = quoted(t);
        for (Pattern p : DEADLINES) {
            Matcher m = p.matcher(t);
            String found = null;
            while (m.find()) {
                // «Внести изменения в приказ … «Об организации ВСОКО в 2023-2024 учебном году»»: a title's words
                if (!quoted[m.start(1)] && !coveredByPlan(t, m.start(1), m.group(1)) && !namesWhatIsJudged(t, m.start(1), m.group(1))) {
                    found = m.group(1);
                }
            }
            if (found != null) {
                return Optional.of(found.strip());
            }
        }
        return Optional.empty();
    }

    /** «по итогам ВПР», «об итогах олимпиады»: the results of what, some words (or a few) before a term. */
    private static final String RESULTS_WORDS = "(?iu)(?:по\\s+итогам|по\\s+результатам|об\\s+итогах|о\\s+результатах)";
    private static final Pattern RESULTS_OF = Pattern.compile(RESULTS_WORDS + "(?:\\s+[^\\s,;.()]+){1,6}\\s+$");
    private static final Pattern RESULTS_OF_NEAR = Pattern.compile(RESULTS_WORDS + "(?:\\s+[^\\s,;.()]+){1,2}\\s+$");
    /** «весной 2024 года», «в первом полугодии», «в 2023 году»: when a thing was, or is to be, done. */
    private static final Pattern WHEN = Pattern.compile("(?iu)(?:весной|летом|осенью|зимой|во?\\s+(?!течение|срок|сроки|соответствии)[^\\s]+)");
    private static final Pattern PAST_EVENT = Pattern.compile(
            "(?iu)(?<![а-яё])(?:проведенн|проведённ|состоявш|прошедш|написанн|выполненн)[а-яё]*\\s+(?:[^\\s,;.]+\\s+){0,1}$");
    private static final Pattern SEASON_ADVERB = Pattern.compile("(?iu)(?:весной|летом|осенью|зимой)(?![а-яё])");
    /** «Информацию … принять к сведению», «Принять к сведению информацию …»: what was heard, no task. */
    private static final Pattern NOTED = Pattern.compile("(?iu)^\\s*(?:принять\\s+к\\s+сведению|информаци[юя]\\s.*принять\\s+к\\s+сведению)");
    private static final Pattern A_YEAR_ALONE = Pattern.compile("(?iu)в\\s+\\d{4}\\s+году");
    private static final Pattern APPROVES = Pattern.compile("(?iu)^\\s*(?:утвердить|согласовать)(?![а-яё])");
    private static final Pattern A_YEAR = Pattern.compile("(?iu)во?\\s+\\d{4}");
    /** «Признать работу …», «Отметить …»: a decision that judges what was done. */
    private static final Pattern JUDGES = Pattern.compile("(?iu)^\\s*(?:признать|отметить|одобрить|считать)(?![а-яё])");

    /**
     * A period that names what is judged, not when to act: «справку по итогам ВПР весной 2024 года», «Признать работу
     * коллектива в первом полугодии удовлетворительной». «До …», «ежегодно», «по итогам каждой …» are deadlines all the same.
     */
    private static boolean namesWhatIsJudged(String text, int start, String term) {
        if (NOTED.matcher(text).find() && !term.strip().toLowerCase(Locale.ROOT).startsWith("до ")) {
            // «Принять к сведению отчет о ВПР, проведенных … в апреле - мае 2024 года»: noted, no task to date
            return true;
        }
        if (PAST_EVENT.matcher(text.substring(Math.max(0, start - 60), start)).find()) {
            // «результаты ОГЭ по математике, проведенного 10.06.2025»: when it was, not when to act
            return true;
        }
        if (!WHEN.matcher(term.strip()).lookingAt()) {
            return false;
        }
        // «по итогам диагностики в октябре 2024 года» is when to act; «по итогам ВПР весной 2024 года», which ВПР
        String before = text.substring(Math.max(0, start - 120), start);
        return (SEASON_ADVERB.matcher(term.strip()).lookingAt() && RESULTS_OF.matcher(before).find()
                || A_YEAR_ALONE.matcher(term.strip()).matches() && RESULTS_OF_NEAR.matcher(before).find())
                || JUDGES.matcher(text).lookingAt() || NOTED.matcher(text).find()
                // «Утвердить план мероприятий по подготовке к ГИА в 2025-2026 учебном году»: what the plan covers
                || APPROVES.matcher(text).lookingAt() && A_YEAR.matcher(term.strip()).lookingAt();
    }

    /** «… совместно с ОМВД России по г. Северогорску (по согласованию) ежеквартально»: an organisation named after it. */
    private static final Pattern CO_EXECUTOR = Pattern.compile(
            "(?<=\\s|^)совместно\\s+со?\\s+((?-i:[А-ЯЁA-Z])(?:[^,;.()«»\"]|\\.(?=\\s*(?-i:[А-ЯЁ])))*?(?:«[^«»]*(?:«[^«»]*»[^«»]*)?»|\"[^\"]*\")?(?:\\s*\\((?!\\s*срок)[^()]*\\))?)"
                    + "(?=\\s*(?:[,;]|(?<![\\s.]\\p{L})\\.(?:\\s|$)|$)|\\s+(?:" + PERIODIC + "|до\\s|в\\s+(?:срок|течение|период|[IVX]{1,3}\\s+квартал|\\d{4}\\s+год|" + MONTH + ")|не\\s+позднее"
                    + "|[а-яё]{3,}(?:ть|ти)(?![а-яё])))", FLAGS);

    /**
     * The organisation a decision names as its co-executor in mid-sentence, when it begins with a capital: «Организовать
     * рейды совместно с ОМВД России по г. Северогорску (по согласованию) ежеквартально» → «ОМВД России по г.
     * Северогорску (по согласованию)»; never «совместно с родителями».
     */
    static Optional<String> coExecutor(String text) {
        Matcher m = CO_EXECUTOR.matcher(text.replace('\n', ' '));
        if (!m.find()) {
            return Optional.empty();
        }
        String party = m.group(1).strip();
        return party.split("\\s+").length <= 12 ? Optional.of(party) : Optional.empty();
    }
}

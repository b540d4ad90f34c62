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
                    + "|учреждению|службе|лицею|гимназии|школе|колледжу|комиссии|группе|лаборатории|приемной|приёмной))$", FLAGS);
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
            + "|постоянно|в\\s+\\d{4}\\s+году)(?![а-яё])", FLAGS);
    private static final Pattern CONTROL = Pattern.compile(
            "^контроль\\s+(?:за|над)?.*?\\s(?:возложить|возлагается|возлагаю)\\s+на\\s+(.+?)[.;]?$", FLAGS);

    /** «Возложить персональную ответственность за … на руководителей ОО»: the party is whom it is put on. */
    private static final Pattern RESPONSIBILITY = Pattern.compile(
            "^возложить\\s+(?:[а-яё]+\\s+)?ответственность\\s+(?:за|по)\\s.+?\\s+на\\s+(.+?)[.;]?$", FLAGS);

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
        Matcher instruction = INSTRUCTION.matcher(t);
        boolean instructed = instruction.lookingAt();
        String rest = instructed ? t.substring(instruction.end()) : t;
        rest = rest.replaceAll("(?<=\\))(?=\\p{L})", " ");
        String[] words = rest.split("\\s+");
        if (words.length < 2) {
            return List.of();
        }
        String first = letters(words[0]);
        boolean person = PERSON.matcher(rest).lookingAt() && !NOT_A_PERSON.matcher(first).matches();
        if (!instructed && !person && !DATIVE.matcher(first).matches() && !ABBREVIATION.matcher(first).matches()
                && !dativeNoun(words)) {
            return List.of();
        }
        if (INFINITIVE.matcher(first).matches() && !DATIVE.matcher(first).matches()) {
            return List.of();
        }
        int depth = 0;
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
                if (c == '(' || c == '«') {
                    depth++;
                } else if ((c == ')' || c == '»') && depth > 0) {
                    depth--;
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
                parties.add(p.strip());
            }
        }
        return parties;
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

    private static boolean isInfinitive(String word) {
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
    private static final String DAY = "(?:\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})(?!\\d|\\.\\d)" + YEAR_WORD
            + "|«?\\d{1,2}»?\\s+" + MONTH + "(?:\\s+\\d{4}" + YEAR_WORD + ")?)";
    /** «5 числа», «10-го числа месяца, следующего за отчётным» */
    private static final String DAY_OF_MONTH = "\\d{1,2}(?:-?го)?\\s+числа(?:\\s+(?:каждого\\s+)?(?:месяца|квартала)"
            + "(?:,?\\s+следующего\\s+за\\s+отч[её]тным(?:\\s+(?:периодом|месяцем|кварталом))?)?)?";
    private static final String PERIODIC = "(?:постоянно|ежегодно|ежеквартально|ежемесячно|еженедельно|ежедневно"
            + "|систематически|регулярно)";
    private static final String EVERY_UNIT = "(?:недел[а-яё]*|месяц|четверть|триместр|квартал|полугодие|год|учебный\\s+год)";
    private static final String SCHOOL_PART = "(?:i{1,3}|iv|[1-4]|перв[а-яё]*|втор[а-яё]*|трет[а-яё]*|четверт[а-яё]*)"
            + "(?:-?[а-яё]{1,3})?(?:\\s*[-–—]\\s*(?:i{1,3}|iv|[1-4])(?:-?[а-яё]{1,3})?)?\\s+(?:четверт[а-яё]*|триместр[а-яё]*)";
    private static final String SEASON = "(?:(?:летн|осенн|весенн|зимн)[а-яё]*\\s+(?:период[а-яё]*|время)"
            + "|период\\s+(?:летн|осенн|весенн|зимн)[а-яё]*\\s+каникул)";
    private static final String SCHOOL_YEAR = "(?:(?:\\d{4}\\s*[-–—/]\\s*\\d{2,4}|текущего|следующего|нового)\\s+)?учебного\\s+года";
    private static final String PART_OF_YEAR = "(?:i{1,3}|iv|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*)"
            + "(?:-?[а-я]{1,3})?\\s+(?:квартал[а-я]*|полугоди[а-я]*)";
    private static final String PERIOD = "(?:" + SCHOOL_YEAR + "|\\d{4}\\s*[-–—]\\s*\\d{4}\\s*(?:годов|годы|гг\\.?)"
            + "|\\d{4}" + YEAR_WORD + "|" + PART_OF_YEAR + "(?:\\s+" + SCHOOL_YEAR + "|\\s+\\d{4}" + YEAR_WORD + ")?"
            + "|" + MONTH + "(?:\\s*[-–—]\\s*" + MONTH + ")?\\s+\\d{4}" + YEAR_WORD + ")";
    private static final String THEN = "(?:\\s*,?\\s*(?:а\\s+|и\\s+)?(?:далее|в дальнейшем|затем)\\s*[-–—:]?\\s*" + PERIODIC + ")?";

    /** The wordings a decision's deadline is written in, the surest first. */
    private static final List<Pattern> DEADLINES = List.of(
            // «(срок – до 01.09.2022)», «(установить срок готовности – 1 июня 2023 г.)»
            Pattern.compile("\\([^()]{0,80}?(?<![а-яё])срок[а-яё]*(?:\\s+[а-яё]+){0,4}?\\s*[-–—:]\\s*([^()]{1,150})\\)", FLAGS),
            // «…, срок – I полугодие 2022-2023 учебного года»
            Pattern.compile("(?<![а-яё(])срок[а-яё]*(?:\\s+(?:исполнения|выполнения))?\\s*[-–—:]\\s*([^;()]{1,150}?)(?=[;.]?$|[;]|,\\s*ответствен)", FLAGS),
            // «ежегодно до 1 июля», «до 1 июля ежегодно», «ежемесячно до 5 числа месяца, следующего за отчётным»
            Pattern.compile("(?<![а-яё])((?:" + PERIODIC + "\\s*,?\\s+)?(?:в\\s+срок\\s+)?(?:до|не\\s+позднее|не\\s+позже)\\s+(?:"
                    + DAY + "|" + DAY_OF_MONTH + "|начала\\s+(?:[а-яё]+\\s+)?" + SCHOOL_YEAR + "|конца\\s+"
                    + "(?:[а-яё]+\\s+)?(?:" + PERIOD + "|года|месяца|квартала|полугодия)|" + PERIOD + ")" + THEN
                    + "(?:\\s*,?\\s+" + PERIODIC + "(?![а-яё]))?)", FLAGS),
            Pattern.compile("(?<![а-яё])((?:в\\s+период\\s+)?с\\s+(?:" + DAY + "|\\d{1,2})\\s+(?:по|до)\\s+" + DAY + ")", FLAGS),
            // «14–16 февраля 2023 года»
            Pattern.compile("(?<![а-яё\\d.])(\\d{1,2}\\s*[-–—]\\s*\\d{1,2}\\s+" + MONTH + "\\s+\\d{4}" + YEAR_WORD + ")", FLAGS),
            Pattern.compile("(?<![а-яё])(в\\s+течение\\s+(?:(?:всего|всей)\\s+)?(?:" + PERIOD + "|(?:\\d{1,3}|[а-яё]+)\\s+(?:дней|дня|недель|недели"
                    + "|месяцев|месяца)|месяца|недели|года|квартала|полугодия)(?:\\s+(?:после|со\\s+дня|с\\s+момента)[^,;.]*)?)", FLAGS),
            Pattern.compile("(?<![а-яё])(в\\s+(?:\\d{1,2}-?дневный|[а-яё]*месячный|[а-яё]*недельный|[а-яё]*дневный)\\s+срок)", FLAGS),
            Pattern.compile("(?<![а-яё])((?:по\\s+(?:итогам|результатам|окончании|завершении)|после)\\s+(?:проведения\\s+)?"
                    + "(?:каждой|каждого)\\s+[а-яё]+(?:\\s+[а-яё]+)?)", FLAGS),
            // «в течение III четверти», «в летний период 2023 года»: school quarters are kept as written
            Pattern.compile("(?<![а-яё])((?:в\\s+течение|во?)\\s+(?:" + SCHOOL_PART + "|" + SEASON + ")"
                    + "(?:\\s+" + SCHOOL_YEAR + "|\\s+\\d{4}" + YEAR_WORD + ")?)(?=\\s*[.;,)]?\\s*$)", FLAGS),
            Pattern.compile("(?<![а-яё])(в\\s+течение\\s+(?:" + SCHOOL_PART + "|" + SEASON + ")"
                    + "(?:\\s+" + SCHOOL_YEAR + "|\\s+\\d{4}" + YEAR_WORD + ")?)", FLAGS),
            // «к началу учебного года»: its eve
            Pattern.compile("(?<![а-яё])((?:к\\s+началу|до\\s+начала)\\s+(?:[а-яё]+\\s+)?" + SCHOOL_YEAR + ")", FLAGS),
            // «1 раз в полугодие», «не реже одного раза в месяц»
            Pattern.compile("(?<![а-яё])((?:не\\s+реже\\s+)?(?:\\d{1,2}|один|одного|два|двух|три|трех|трёх)\\s+раза?\\s+в\\s+"
                    + EVERY_UNIT + ")(?![а-яё])", FLAGS),
            Pattern.compile("(?<![а-яё])((?:во?|на)\\s+(?:" + PART_OF_YEAR + "(?:\\s+" + SCHOOL_YEAR + "|\\s+\\d{4}" + YEAR_WORD + ")"
                    + "|" + MONTH + "(?:\\s*[-–—]\\s*" + MONTH + ")?\\s+\\d{4}" + YEAR_WORD + "))", FLAGS),
            Pattern.compile("(?<![а-яё])(" + PERIODIC + THEN + ")\\s*[.;]?$", FLAGS),
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
            Pattern.compile("(?<![а-яё])((?:по\\s+графику|в\\s+соответствии\\s+с\\s+(?:план[а-яё-]*|график[а-яё-]*)"
                    + "|в\\s+сроки,?\\s+(?:установленные|предусмотренные|определенные|определённые)\\s+[а-яё-]+)"
                    + "(?:\\s+[^\\s,;.()]+)?)\\s*(?:\\([^()]*\\))?\\s*[.;]?$", FLAGS),
            // «в срок, установленный приказом Минфина России от 07.05.2019 № 66н», «в установленные сроки»: set elsewhere
            Pattern.compile("(?<![а-яё])((?:в\\s+сроки?,?\\s+(?:установленн|предусмотренн|определенн|определённ|указанн)[а-яё]*"
                    + "|в\\s+(?:установленн|указанн)[а-яё]*\\s+сроки?)(?:\\s+[^;()]{1,160}?)?)\\s*[.;]?$", FLAGS),
            // «… стажировки в 2023 году» at the end of the wording: that year
            Pattern.compile("(?<![а-яё])(в\\s+\\d{4}\\s+году)\\s*[.;]?$", FLAGS),
            // a day alone: «Провести 24 ноября 2022 года семинар» — never «от 10.02.2022 № 123» of a cited act
            Pattern.compile("(?<![а-яё\\d.])(?<!от\\s)(" + DAY + ")(?!\\s*(?:№|N\\s*\\d))", FLAGS));

    /** The deadline the wording names, as written, or empty. */
    static Optional<String> deadline(String text) {
        String t = text.replace('\n', ' ');
        for (Pattern p : DEADLINES) {
            Matcher m = p.matcher(t);
            String found = null;
            while (m.find()) {
                found = m.group(1);
            }
            if (found != null) {
                return Optional.of(found.strip());
            }
        }
        return Optional.empty();
    }
}

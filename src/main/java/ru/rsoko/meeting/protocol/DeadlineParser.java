package ru.rsoko.meeting.protocol;

import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a deadline as protocols word it («до 31 мая 2021 года», «постоянно», «в течение 2022-2023 учебного
 * года» …) into a {@link Deadline}, always keeping the wording. It never throws: what it cannot read is
 * {@link DeadlineKind#OTHER} with the text kept.
 *
 * <p>How ambiguous wordings are read:
 * <ul>
 *   <li>«до 15 августа» without a year: the first 15 August on or after the reference (the meeting's date).
 *       With no reference, the current calendar year; wordings that only make sense from a start day
 *       («в течение месяца», «в течение учебного года» without years) are then {@code OTHER} without a date.</li>
 *   <li>«до 2025 года», «до мая 2021 года»: the last day of that year or month, the latest date the wording
 *       allows («Концепция до 2025 года» runs through 2025).</li>
 *   <li>«в течение месяца», «в течение 10 дней», «в месячный срок», «в течение года» (no year named): a period of
 *       that length from the reference, ending on the corresponding day (as terms are counted in law, ГК РФ
 *       ст. 192).</li>
 *   <li>«2021–2025 гг.», «2021-2022 гг.»: calendar years; only with «учебный год» is a range a school year
 *       (1 September – 31 August).</li>
 *   <li>«постоянно», «систематически», «регулярно», «ежегодно», «ежеквартально», «ежемесячно», «еженедельно»:
 *       {@code ONGOING} — all are reported period by period and never done once and for all. With a date
 *       («ежегодно до 1 сентября») they are {@code BY_DATE_THEN_ONGOING} with the first such date.</li>
 *   <li>«1 раз в полугодие», «не реже одного раза в месяц», «по итогам каждой четверти»: {@code ONGOING} too.</li>
 *   <li>«I полугодие 2022-2023 учебного года»: 1 September – 31 December; the second: 1 January – 31 August, so
 *       the halves make up the school year. School quarters («в течение III четверти») have each school's own
 *       dates: {@code OTHER}.</li>
 *   <li>Seasons («в летний период», «в период летних каникул», «летом 2023 года»): their three months; winter,
 *       which spans two years, only without a year.</li>
 *   <li>«до начала / к началу учебного года»: 31 August, the eve of the named school year, or without years of
 *       the first 1 September after the reference.</li>
 *   <li>«…, далее постоянно» after anything with an end («в течение года, далее постоянно»):
 *       {@code BY_DATE_THEN_ONGOING} with that end.</li>
 *   <li>«по итогам / по результатам / после» an assessment procedure (ВПР, мониторинг, диагностика …), or «после
 *       проведения каждой …», «по итогам каждого мероприятия»: {@code AFTER_EACH_PROCEDURE}.</li>
 *   <li>«по мере необходимости», «в соответствии со сроками плана …» and the like: {@code OTHER}; when the wording
 *       names a limit («… до 2025 года») its latest date is the due date.</li>
 *   <li>«15/03/2024», «15. 03. 2024», «20.03.24 г.»: that day. «04.12–08.12.2023», «28 февраля – 1 марта 2024»:
 *       a period, the first day taking the last one's year (the year before when the range spans New Year).</li>
 *   <li>«до 15 марта текущего года»: the reference's year.</li>
 *   <li>«до особого распоряжения», «каждую пятницу», «до 25 числа каждого месяца»: {@code ONGOING}.</li>
 *   <li>A calendar impossibility («31 февраля») is never corrected: {@code OTHER} without a date.</li>
 * </ul>
 */
public final class DeadlineParser {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String MONTH = WrittenDates.MONTH;
    private static final String ORDINAL = "(iv|iii|ii|i|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*)";

    private static final Pattern THEN = Pattern.compile(
            "^(.*?)[, ;]*(?:и |а )?(?:далее|в дальнейшем|затем|впоследствии)(?![а-я])[-:, ]*(.+)$", FLAGS);
    /** A unit of time a thing is repeated in: «1 раз в полугодие», «по итогам каждой четверти». */
    private static final String EVERY_UNIT = "(?:недел[а-я]*|месяц[а-я]*|четверт[а-я]*|триместр[а-я]*|квартал[а-я]*"
            + "|полугоди[а-я]*|учгод|год[а-я]*)";
    private static final Pattern PERIODIC = Pattern.compile(
            "^(постоянно|ежегодно|ежеквартально|ежемесячно|еженедельно|ежедневно|систематически|регулярно"
                    + "|(?:ежегодн|ежеквартальн|ежемесячн|еженедельн|ежедневн)(?:ый|ая|ое|ые|ую|ого|ой|ых|ом|ым|ыми)"
                    + "|на постоянной основе|в постоянном режиме|(?:впредь )?до особого распоряжения|до отмены"
                    + "|(?:не реже )?(?:\\d{1,2}|один|одного|два|двух|три|трех|четыре|четырех)? ?раза? в " + EVERY_UNIT
                    + "|(?:по итогам|по результатам|по окончании|в конце|после окончания) (?:каждого|каждой) " + EVERY_UNIT
                    + ")(?![а-я])[-:, ]*(.*)$", FLAGS);
    /** «после проведения каждой процедуры», «по итогам каждого мероприятия»: after each of a plan's events. */
    private static final Pattern AFTER_EACH = Pattern.compile(
            "(?:по итогам|по результатам|после|по окончании|по завершении)(?: проведения)? (?:каждого|каждой) [а-я]", FLAGS);
    /** «каждую пятницу», «до 25 числа каждого месяца»: repeated, as «еженедельно», «ежемесячно» are. */
    private static final Pattern EVERY = Pattern.compile(
            "(?<![а-я])кажд(?:ый|ую|ое|ого|ой|ые|ом) (?:понедельник|вторник|сред|четверг|пятниц|суббот|" + EVERY_UNIT + ")", FLAGS);
    private static final Pattern COUNTED_FROM_ONE_EVENT = Pattern.compile(
            "(?:в течение|в течении|не позднее|не позже)\\s+(?:\\d{1,3}|[а-яё]+)\\s+(?:[а-яё]+\\s+)?(?:дн|недел|месяц)[а-яё]*\\s+(?:после|со дня|с момента)", FLAGS);
    private static final Pattern AFTER_PROCEDURE = Pattern.compile(
            "(?:по итогам|по результатам|после|по мере проведения)(?![а-я]).*?"
                    + "(процедур|оценочн|впр|рпр|мониторинг|диагностик|исследовани|олимпиад|гиа|огэ|егэ|проверочн)",
            FLAGS);

    private static final Pattern CURRENT_YEAR = Pattern.compile(
            "(?<=[а-я\\d] )(?:текущего|сего|этого) (?:календарного )?года(?![а-я])", FLAGS);
    private static final Pattern DAY_MONTH = Pattern.compile("^(\\d{1,2}) " + MONTH + "(?: (\\d{4}))?$", FLAGS);
    private static final Pattern DOTTED = Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?$");
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");

    private static final Pattern SCHOOL_YEAR = Pattern.compile(
            "^(?:(текущ|следующ|нов|предстоящ|прошл)[а-я]* )?(?:(\\d{4})[-/](\\d{4}|\\d{2}) )?учгод(?: (\\d{4})[-/](\\d{4}|\\d{2}))?$",
            FLAGS);
    private static final Pattern YEAR_RANGE = Pattern.compile("^(\\d{4})-(\\d{4})$");
    /** «I полугодие 2022-2023 учебного года»: September–December, then January–August. */
    private static final Pattern SCHOOL_HALF_YEAR = Pattern.compile(
            "^" + ORDINAL + "(?:-?(?:е|го|ое|ого|ом))? полугоди[а-я]* ((?:[а-я]+ )?(?:\\d{4}[-/](?:\\d{4}|\\d{2}) )?учгод)$",
            FLAGS);
    /** «летний период», «в период летних каникул», «летом 2023 года», «осень» */
    private static final Pattern SEASON = Pattern.compile(
            "^(?:(летн|осенн|весенн|зимн)[а-я]* (?:период[а-я]*|время|каникул[а-я]*)"
                    + "|(лет(?:о|а|ом)|осен(?:ь|и|ью)|весн(?:а|ы|ой)|зим(?:а|ы|ой)))(?: (\\d{4}))?$", FLAGS);
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern QUARTER = Pattern.compile(
            "^" + ORDINAL + "(?:-?(?:й|го|ый|ого|ом))? квартал[а-я]*(?: (\\d{4}))?$", FLAGS);
    private static final Pattern HALF_YEAR = Pattern.compile(
            "^" + ORDINAL + "(?:-?(?:е|го|ое|ого|ом))? полугоди[а-я]*(?: (\\d{4}))?$", FLAGS);
    private static final Pattern MONTHS = Pattern.compile("^" + MONTH + "(?:-" + MONTH + ")?(?: (\\d{4}))?$", FLAGS);
    private static final Pattern CURRENT_UNIT = Pattern.compile(
            "^(?:(?:текущ[а-я]*|этого|нынешн[а-я]*|сего) )?(год[а-я]*|месяц[а-я]*|квартал[а-я]*|полугоди[а-я]*)"
                    + "(?: (?:текущ[а-я]*|этого))?$", FLAGS);
    private static final Pattern DAYS_OF_MONTH = Pattern.compile("^(\\d{1,2})-(\\d{1,2} " + MONTH + "(?: \\d{4})?)$", FLAGS);
    private static final Pattern DAY_RANGE = Pattern.compile("^с (.+?) (?:по|до) (.+)$", FLAGS);
    /** «04.12–08.12.2023», «18.12.2023 – 22.12.2023», «1 марта – 15 апреля 2024»: two days joined by a dash. */
    private static final Pattern DAY_DASH_DAY = Pattern.compile(
            "^(\\d{1,2}\\.\\d{1,2}(?:\\.\\d{4}|\\.\\d{2})?|\\d{1,2} " + MONTH + "(?: \\d{4})?)"
                    + "-(\\d{1,2}\\.\\d{1,2}(?:\\.\\d{4}|\\.\\d{2})?|\\d{1,2} " + MONTH + "(?: \\d{4})?)$", FLAGS);
    private static final Pattern MONTH_YEAR_DASH = Pattern.compile("^(?<first>" + MONTH + " \\d{4})-(?<last>" + MONTH + " \\d{4})$", FLAGS);
    private static final Pattern DAY_WITHOUT_YEAR = Pattern.compile("^\\d{1,2}(?:\\.\\d{1,2}| " + MONTH + ")$", FLAGS);
    private static final Pattern DURATION = Pattern.compile(
            "^(?:(\\d{1,3}|[а-я]+) )?(дня|дней|день|суток|недели|недель|неделю|месяца|месяцев|месяц|года|лет|год)$", FLAGS);
    private static final Pattern TERM = Pattern.compile("^(?:(\\d{1,3})-?)?([а-я]*)(дневный|недельный|месячный) срок$", FLAGS);
    private static final Pattern UNTIL = Pattern.compile("(?:^|[ ,;:-])до (?=\\S)", FLAGS);

    /** Counts written as words: «в течение двух недель»; and the first part of «двухнедельный срок». */
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("", 1), Map.entry("одного", 1), Map.entry("одной", 1), Map.entry("двух", 2),
            Map.entry("трех", 3), Map.entry("четырех", 4), Map.entry("пяти", 5), Map.entry("шести", 6),
            Map.entry("семи", 7), Map.entry("восьми", 8), Map.entry("девяти", 9), Map.entry("десяти", 10),
            Map.entry("пятнадцати", 15), Map.entry("двадцати", 20), Map.entry("тридцати", 30));

    private DeadlineParser() {
    }

    /**
     * @param wording   the deadline as written, e.g. «до 10 июня 2021 года, далее - постоянно»; null reads as empty
     * @param reference the meeting's date, which gives the year of «до 15 августа» and the start of «в течение
     *                  месяца»; may be null (see the class comment)
     */
    public static Deadline parse(String wording, LocalDate reference) {
        return parse(wording, reference, Year.now());
    }

    /** As {@link #parse(String, LocalDate)}, with the year that a null reference stands for. */
    static Deadline parse(String wording, LocalDate reference, Year currentYear) {
        String original = ProtocolText.trim(wording == null ? "" : wording);
        try {
            return new Reading(reference, currentYear, original).read();
        } catch (DateTimeException | ArithmeticException e) {
            // a term beyond the calendar («в течение 999 лет» from a far reference)
            return Deadline.other(original);
        }
    }

    /** A period's first and last day; a single day has both equal. */
    private record Span(LocalDate start, LocalDate end) {
        static Span day(LocalDate d) {
            return new Span(d, d);
        }
    }

    private record Reading(LocalDate reference, Year currentYear, String original) {

        Deadline read() {
            String s = normalise(original);
            if (s.isEmpty()) {
                return Deadline.other(original);
            }
            if (reference != null) {
                // «до 15 марта текущего года», «в декабре текущего года»: the meeting's year
                s = CURRENT_YEAR.matcher(s).replaceAll(String.valueOf(reference.getYear()));
            }
            // «до 1 июля ежегодно» says what «ежегодно до 1 июля» says
            Matcher periodicLast = PERIODIC_LAST.matcher(s);
            if (periodicLast.matches()) {
                s = periodicLast.group(2) + " " + periodicLast.group(1);
            }
            Matcher then = THEN.matcher(s);
            if (then.matches() && !then.group(1).isBlank()) {
                return readThen(s, then.group(1).strip(), then.group(2).strip());
            }
            Matcher periodic = PERIODIC.matcher(s);
            if (periodic.matches()) {
                return readPeriodic(periodic.group(2).strip());
            }
            Optional<Deadline> whole = whole(s);
            if (whole.isPresent()) {
                return whole.get();
            }
            if (COUNTED_FROM_ONE_EVENT.matcher(s).lookingAt() && !AFTER_EACH.matcher(s).find()) {
                // «в течение 7 календарных дней после проведения олимпиады»: counted from one event, not after each
                return other(s);
            }
            if (AFTER_PROCEDURE.matcher(s).find() || AFTER_EACH.matcher(s).find()) {
                return of(DeadlineKind.AFTER_EACH_PROCEDURE, null, null);
            }
            if (EVERY.matcher(s).find()) {
                return of(DeadlineKind.ONGOING, null, null);
            }
            return other(s);
        }

        /** «до 10 июня 2021 года, далее - постоянно» */
        private Deadline readThen(String s, String head, String tail) {
            if (!PERIODIC.matcher(tail).matches()) {
                return other(s);
            }
            Optional<LocalDate> due = whole(head).map(Deadline::dueDate);
            if (due.isPresent()) {
                return of(DeadlineKind.BY_DATE_THEN_ONGOING, due.get(), null);
            }
            return PERIODIC.matcher(head).matches() ? of(DeadlineKind.ONGOING, null, null) : other(s);
        }

        /** «постоянно», «ежегодно до 1 сентября», «постоянно по итогам процедур оценки качества образования» */
        private Deadline readPeriodic(String rest) {
            if (!rest.isEmpty()) {
                if (AFTER_PROCEDURE.matcher(rest).find() || AFTER_EACH.matcher(rest).find()) {
                    return of(DeadlineKind.AFTER_EACH_PROCEDURE, null, null);
                }
                Optional<Deadline> first = whole(rest).filter(d -> d.kind() == DeadlineKind.BY_DATE);
                if (first.isPresent()) {
                    return of(DeadlineKind.BY_DATE_THEN_ONGOING, first.get().dueDate(), null);
                }
            }
            return of(DeadlineKind.ONGOING, null, null);
        }

        /** The wording as a whole is a date («до 31 мая 2021», «31.05.2021») or a period («май 2021»). */
        private Optional<Deadline> whole(String s) {
            if (s.startsWith("до ")) {
                return until(s.substring(3)).map(d -> of(DeadlineKind.BY_DATE, d, null));
            }
            Optional<LocalDate> day = point(s);
            if (day.isPresent()) {
                return Optional.of(of(DeadlineKind.BY_DATE, day.get(), null));
            }
            boolean during = s.startsWith("в течени");
            String p = s.replaceFirst("^(?:в течение|в течении|на протяжении|в период|в|во|на|период)\\s+", "")
                    .replaceFirst("^(?:всего|всей) ", "");
            Optional<Span> span = range(p).or(() -> period(p, false));
            if (span.isEmpty() && during) {
                span = duration(p);
            }
            if (span.isEmpty()) {
                span = term(s);
            }
            return span.map(sp -> of(DeadlineKind.WITHIN_PERIOD, sp.end(), sp.start()));
        }

        /** What follows «до»: a day, «конца» of a period, or a period as a whole (its last day). */
        private Optional<LocalDate> until(String s) {
            Optional<LocalDate> day = point(s);
            if (day.isPresent()) {
                return day;
            }
            if (s.startsWith("конца ")) {
                return period(s.substring(6), true).map(Span::end);
            }
            if (s.startsWith("начала ")) {
                return schoolYearStart(s.substring(7)).map(d -> d.minusDays(1));
            }
            return period(s, false).map(Span::end);
        }

        /** «31 мая 2021», «31 мая», «31.05.2021», «31.05.21», «31.05», «2021-05-31». */
        private Optional<LocalDate> point(String s) {
            Matcher m = DAY_MONTH.matcher(s);
            if (m.matches()) {
                return day(m.group(3), WrittenDates.month(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = DOTTED.matcher(s);
            if (m.matches()) {
                return day(m.group(3), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                return WrittenDates.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            return Optional.empty();
        }

        private Optional<LocalDate> day(String year, int month, int dayOfMonth) {
            if (month < 1 || month > 12) {
                return Optional.empty();
            }
            if (year != null) {
                return WrittenDates.date(WrittenDates.fullYear(year), month, dayOfMonth);
            }
            return anchored(y -> WrittenDates.date(y, month, dayOfMonth).map(Span::day).orElse(null)).map(Span::end);
        }

        /** «с 01.09.2021 по 31.12.2021», «с 1 по 15 мая 2021» */
        private Optional<Span> range(String s) {
            Matcher days = DAYS_OF_MONTH.matcher(s);
            if (days.matches()) {
                // «14-16 февраля 2023»: the first day in the month of the last
                return range("с " + days.group(1) + " по " + days.group(2));
            }
            Matcher dash = DAY_DASH_DAY.matcher(s);
            if (dash.matches()) {
                return range("с " + dash.group(1) + " по " + dash.group(3));
            }
            Matcher months = MONTH_YEAR_DASH.matcher(s);
            if (months.matches()) {
                // «декабрь 2025 г. – апрель 2026 г.»: from the first month's first day to the last one's last
                Optional<Span> first = period(months.group("first"), false);
                Optional<Span> last = period(months.group("last"), false);
                return first.isPresent() && last.isPresent() && !first.get().start().isAfter(last.get().end())
                        ? Optional.of(new Span(first.get().start(), last.get().end())) : Optional.empty();
            }
            Matcher m = DAY_RANGE.matcher(s);
            if (!m.matches()) {
                return Optional.empty();
            }
            Optional<LocalDate> end = point(m.group(2));
            if (end.isEmpty()) {
                // «с октября 2023 года по апрель 2024 года»: from the first month's first day to the last one's last
                Optional<Span> last = period(m.group(2), false);
                Optional<Span> first = period(m.group(1), false);
                return first.isPresent() && last.isPresent() && !first.get().start().isAfter(last.get().end())
                        ? Optional.of(new Span(first.get().start(), last.get().end())) : Optional.empty();
            }
            String from = m.group(1);
            int year = end.get().getYear();
            Optional<LocalDate> start;
            if (from.matches("\\d{1,2}")) {
                start = WrittenDates.date(year, end.get().getMonthValue(), Integer.parseInt(from));
            } else if (DAY_WITHOUT_YEAR.matcher(from).matches()) {
                // the first day takes the last one's year, or the year before when the range spans New Year
                String sep = from.contains(".") ? "." : " ";
                start = point(from + sep + year)
                        .map(st -> st.isAfter(end.get()) ? point(from + sep + (year - 1)).orElse(st) : st);
            } else {
                start = point(from);
            }
            return start.filter(st -> !st.isAfter(end.get())).map(st -> new Span(st, end.get()));
        }

        /**
         * A named period: a school year, years, a year, a quarter, a half-year, months. With {@code bareUnit}
         * («до конца года», «до конца месяца») a unit without a number is the reference's current one.
         */
        private Optional<Span> period(String s, boolean bareUnit) {
            Matcher m = SCHOOL_YEAR.matcher(s);
            if (m.matches()) {
                return schoolYear(m);
            }
            m = SCHOOL_HALF_YEAR.matcher(s);
            if (m.matches()) {
                int h = ordinal(m.group(1));
                Optional<Span> year = period(m.group(2), false);
                if (h < 1 || h > 2 || year.isEmpty()) {
                    return Optional.empty();
                }
                int y = year.get().start().getYear();
                return Optional.of(h == 1 ? months(y, 9, 12) : months(y + 1, 1, 8));
            }
            m = SEASON.matcher(s);
            // autumn, winter and spring holidays are a week or two each school or region sets: no dates of their own
            if (m.matches() && !(m.group(1) != null && !m.group(1).equalsIgnoreCase("летн") && s.contains("каникул"))) {
                return season(m);
            }
            m = YEAR_RANGE.matcher(s);
            if (m.matches()) {
                int from = Integer.parseInt(m.group(1));
                int to = Integer.parseInt(m.group(2));
                return to > from ? Optional.of(new Span(LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31)))
                        : Optional.empty();
            }
            m = YEAR.matcher(s);
            if (m.matches()) {
                return Optional.of(months(Integer.parseInt(m.group(1)), 1, 12));
            }
            m = QUARTER.matcher(s);
            if (m.matches()) {
                int q = ordinal(m.group(1));
                return q < 1 || q > 4 ? Optional.empty() : inYear(m.group(2), y -> months(y, 3 * q - 2, 3 * q));
            }
            m = HALF_YEAR.matcher(s);
            if (m.matches()) {
                int h = ordinal(m.group(1));
                if (h < 1 || h > 2) {
                    return Optional.empty();
                }
                // without a year, «второе полугодие» of a school's document is the school year's: January–August
                return m.group(2) != null ? Optional.of(months(Integer.parseInt(m.group(2)), 6 * h - 5, 6 * h))
                        : anchored(y -> h == 1 ? months(y, 9, 12) : months(y, 1, 8));
            }
            m = MONTHS.matcher(s);
            if (m.matches()) {
                int first = WrittenDates.month(m.group(1));
                int last = m.group(2) == null ? first : WrittenDates.month(m.group(2));
                return last < first ? Optional.empty() : inYear(m.group(3), y -> months(y, first, last));
            }
            m = CURRENT_UNIT.matcher(s);
            if (m.matches() && (bareUnit || !s.equals(m.group(1))) && reference != null) {
                return Optional.of(current(m.group(1)));
            }
            return Optional.empty();
        }

        /**
         * «(до начала) учебного года»: 1 September of the named school year, or without years the first
         * 1 September after the reference (a school year that has begun has no start ahead).
         */
        private Optional<LocalDate> schoolYearStart(String s) {
            Matcher m = SCHOOL_YEAR.matcher(s);
            if (!m.matches()) {
                return Optional.empty();
            }
            if (m.group(2) != null || m.group(4) != null || m.group(1) != null && m.group(1).startsWith("прошл")) {
                return schoolYear(m).map(Span::start);
            }
            if (reference == null) {
                return Optional.empty();
            }
            int year = reference.getMonthValue() >= 9 ? reference.getYear() + 1 : reference.getYear();
            return Optional.of(LocalDate.of(year, 9, 1));
        }

        /** Summer is June–August and so on; winter, which spans two years, is read only without a year. */
        private Optional<Span> season(Matcher m) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            int first = name.startsWith("лет") ? 6 : name.startsWith("осен") ? 9 : name.startsWith("вес") ? 3 : 12;
            if (first == 12) {
                return m.group(3) != null ? Optional.empty() : anchored(y -> new Span(LocalDate.of(y - 1, 12, 1),
                        LocalDate.of(y, 3, 1).minusDays(1)));
            }
            return inYear(m.group(3), y -> months(y, first, first + 2));
        }

        private Optional<Span> schoolYear(Matcher m) {
            String from = m.group(2) != null ? m.group(2) : m.group(4);
            String to = m.group(2) != null ? m.group(3) : m.group(5);
            int start;
            if (from != null) {
                start = Integer.parseInt(from);
                int end = to.length() == 2 ? start / 100 * 100 + Integer.parseInt(to) : Integer.parseInt(to);
                if (end != start + 1) {
                    return Optional.empty();
                }
            } else if (reference != null) {
                start = reference.getMonthValue() >= 9 ? reference.getYear() : reference.getYear() - 1;
                String which = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
                if (which.equals("следующ") || which.equals("нов") || which.equals("предстоящ")) {
                    start++;
                } else if (which.equals("прошл")) {
                    start--;
                }
            } else {
                return Optional.empty();
            }
            return Optional.of(new Span(LocalDate.of(start, 9, 1), LocalDate.of(start + 1, 8, 31)));
        }

        /** The reference's current year, month, quarter or half-year. */
        private Span current(String unit) {
            int y = reference.getYear();
            int month = reference.getMonthValue();
            if (unit.startsWith("месяц")) {
                return months(y, month, month);
            }
            if (unit.startsWith("квартал")) {
                int first = (month - 1) / 3 * 3 + 1;
                return months(y, first, first + 2);
            }
            if (unit.startsWith("полугоди")) {
                int first = month <= 6 ? 1 : 7;
                return months(y, first, first + 5);
            }
            return months(y, 1, 12);
        }

        /** «в течение месяца», «в течение 10 дней», «в течение двух недель», «в течение года» */
        private Optional<Span> duration(String s) {
            Matcher m = DURATION.matcher(s);
            if (!m.matches() || reference == null) {
                return Optional.empty();
            }
            Integer count = m.group(1) == null ? Integer.valueOf(1)
                    : m.group(1).matches("\\d+") ? Integer.valueOf(m.group(1)) : NUMBER_WORDS.get(m.group(1));
            if (count == null || count == 0) {
                return Optional.empty();
            }
            String unit = m.group(2);
            Period length = unit.startsWith("д") || unit.startsWith("с") ? Period.ofDays(count)
                    : unit.startsWith("нед") ? Period.ofWeeks(count)
                    : unit.startsWith("мес") ? Period.ofMonths(count)
                    : Period.ofYears(count);
            return Optional.of(new Span(reference, reference.plus(length)));
        }

        /** «в месячный срок», «в двухнедельный срок», «в 10-дневный срок» */
        private Optional<Span> term(String s) {
            Matcher m = TERM.matcher(s.replaceFirst("^в ", ""));
            if (!m.matches() || reference == null) {
                return Optional.empty();
            }
            Integer count = m.group(1) != null ? Integer.valueOf(m.group(1)) : NUMBER_WORDS.get(m.group(2));
            if (count == null || count == 0 || (m.group(1) != null && !m.group(2).isEmpty())) {
                return Optional.empty();
            }
            Period length = switch (m.group(3)) {
                case "дневный" -> Period.ofDays(count);
                case "недельный" -> Period.ofWeeks(count);
                default -> Period.ofMonths(count);
            };
            return Optional.of(new Span(reference, reference.plus(length)));
        }

        /** A period of the given year, or without a year the first one that has not ended by the reference. */
        private Optional<Span> inYear(String year, IntFunction<Span> inYear) {
            return year != null ? Optional.of(inYear.apply(Integer.parseInt(year))) : anchored(inYear);
        }

        private Optional<Span> anchored(IntFunction<Span> inYear) {
            if (reference == null) {
                return Optional.ofNullable(inYear.apply(currentYear.getValue()));
            }
            // 8 years: a 29 February is in every fourth, and a century year may skip one
            for (int y = reference.getYear(); y <= reference.getYear() + 8; y++) {
                Span span = inYear.apply(y);
                if (span != null && !span.end().isBefore(reference)) {
                    return Optional.of(span);
                }
            }
            return Optional.empty();
        }

        /** Not read as a whole: {@code OTHER}, due on the latest date a «до …» in it names, if any. */
        private Deadline other(String s) {
            LocalDate latest = null;
            Matcher m = UNTIL.matcher(s);
            while (m.find()) {
                String[] words = s.substring(m.end()).split(" ");
                for (int n = Math.min(words.length, 5); n >= 1; n--) {
                    String phrase = String.join(" ", Arrays.copyOf(words, n)).replaceAll("[,;.]+$", "");
                    Optional<LocalDate> d = until(phrase);
                    if (d.isPresent()) {
                        latest = latest == null || d.get().isAfter(latest) ? d.get() : latest;
                        break;
                    }
                }
            }
            return of(DeadlineKind.OTHER, latest, null);
        }

        private Deadline of(DeadlineKind kind, LocalDate due, LocalDate start) {
            return new Deadline(kind, due, start, original);
        }
    }

    private static Span months(int year, int first, int last) {
        LocalDate start = LocalDate.of(year, first, 1);
        return new Span(start, LocalDate.of(year, last, 1).with(TemporalAdjusters.lastDayOfMonth()));
    }

    /** «ii» → 2, «2» → 2, «второе» → 2. */
    private static int ordinal(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            case "iv", "4" -> 4;
            default -> word.startsWith("перв") ? 1 : word.startsWith("втор") ? 2
                    : word.startsWith("трет") ? 3 : word.startsWith("четверт") ? 4 : 0;
        };
    }

    /**
     * One spelling for what protocols write many ways: lower case, «ё» as «е», one kind of dash and space, no
     * quotes or brackets, «2021 г.» / «года» / «гг.» dropped after a year, «учебного года» as one word «учгод»,
     * lead-ins («Срок –», «в срок», «не позднее», «к концу») reduced to «до», «включительно» dropped.
     */
    private static final Pattern PERIODIC_LAST = Pattern.compile(
            "^(до [^,]+?),? (ежегодно|ежеквартально|ежемесячно|еженедельно)$");
    private static final Pattern N_SPACES = Pattern.compile("[\\u00a0\\u2007\\u202f\\t]");
    private static final Pattern N_DASHES = Pattern.compile("[‐‑‒–—―−]");
    private static final Pattern N_QUOTES = Pattern.compile("[«»\"“”„]");
    private static final Pattern N_BRACKETS = Pattern.compile("[()\\[\\]]");
    private static final Pattern N_HYPHEN = Pattern.compile("\\s*-\\s*");
    /** «15/03/2024», «15. 03. 2024»: a day written with slashes or with spaces after its dots. */
    private static final Pattern N_DAY_SLASHES = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?![\\d/])");
    private static final Pattern N_DAY_SPACES = Pattern.compile("(?<![\\d.])(\\d{1,2})\\. ?(\\d{1,2})\\. ?(\\d{4}|\\d{2})(?![\\d])");
    /** «20.03.24 г.», «15 марта 24 г.»: a year in two digits, its «г.» dropped. */
    private static final Pattern N_SHORT_YEAR = Pattern.compile("(?<=\\d\\.\\d{1,2}\\.)(\\d{2}) ?(?:г|года)(?![а-я])\\.?");
    private static final Pattern N_SHORT_YEAR_AFTER_MONTH = Pattern.compile(
            "(\\d{1,2} " + MONTH + ") (\\d{2}) ?(?:г|года)(?![а-я])\\.?");
    private static final Pattern N_YEAR = Pattern.compile("(\\d{4})\\s*(?:гг|г|годы|годов|годах|года|году|год)(?![а-я])\\.?");
    private static final Pattern N_SCHOOL_YEAR = Pattern.compile("уч(?:ебн[а-я]*|\\.)\\s*(?:год[а-я]*|г\\.?)(?![а-я])");
    private static final Pattern N_NOT_LATER = Pattern.compile("(?<![а-я])(?:в срок )?не (?:позднее|позже)(?: чем)?(?![а-я])");
    /** «ежегодно в срок до 1 сентября»: «в срок» inside the wording says nothing more. */
    private static final Pattern N_IN_TERM = Pattern.compile("(?<![а-я])в срок (?=до )");
    private static final Pattern N_WHITE = Pattern.compile("\\s+");
    private static final Pattern N_COMMAS = Pattern.compile("\\s*,[\\s,]*");
    private static final Pattern N_EDGES = Pattern.compile("^[\\s,.;:-]+|[\\s,.;:-]+$");
    private static final Pattern N_LABEL = Pattern.compile("^(?:в )?срок[а-я]*(?: (?:исполнения|выполнения|реализации))?[-:, ]*");
    /** «до22.12.2023», «с1 по 15 мая»: a preposition glued to its number by extraction. */
    private static final Pattern N_GLUED_PREPOSITION = Pattern.compile("(?<![а-яё])(до|с|по|к)(?=\\d)");
    private static final Pattern N_TO_DIGIT = Pattern.compile("^(?:к|по) (?=\\d)");
    private static final Pattern N_END_OF = Pattern.compile("^(?:(?:к|в) конц[уе]|до окончания) ");
    private static final Pattern N_START_OF = Pattern.compile("^(?:к началу|перед началом) ");
    private static final Pattern N_INCLUSIVE = Pattern.compile(",? ?включительно$");

    static String normalise(String original) {
        String s = original.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('і', 'i').replace("**", "");
        s = N_SPACES.matcher(s).replaceAll(" ");
        s = N_GLUED_PREPOSITION.matcher(s).replaceAll("$1 ");
        s = N_DASHES.matcher(s).replaceAll("-");
        s = N_QUOTES.matcher(s).replaceAll("");
        s = N_BRACKETS.matcher(s).replaceAll(", ");
        s = N_HYPHEN.matcher(s).replaceAll("-");
        s = N_DAY_SLASHES.matcher(s).replaceAll("$1.$2.$3");
        s = N_DAY_SPACES.matcher(s).replaceAll("$1.$2.$3");
        s = N_YEAR.matcher(s).replaceAll("$1");
        s = N_SHORT_YEAR.matcher(s).replaceAll("$1");
        s = N_SHORT_YEAR_AFTER_MONTH.matcher(s).replaceAll("$1 20$3");
        s = N_SCHOOL_YEAR.matcher(s).replaceAll("учгод");
        s = N_NOT_LATER.matcher(s).replaceAll("до");
        s = N_IN_TERM.matcher(s).replaceAll("");
        s = N_WHITE.matcher(s).replaceAll(" ");
        s = N_COMMAS.matcher(s).replaceAll(", ");
        s = N_EDGES.matcher(s).replaceAll("");
        s = N_LABEL.matcher(s).replaceFirst("");
        s = N_TO_DIGIT.matcher(s).replaceFirst("до ");
        s = N_END_OF.matcher(s).replaceFirst("до конца ");
        s = N_START_OF.matcher(s).replaceFirst("до начала ");
        s = N_INCLUSIVE.matcher(s).replaceFirst("");
        return s.strip();
    }
}

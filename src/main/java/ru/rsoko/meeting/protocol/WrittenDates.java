package ru.rsoko.meeting.protocol;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as Russian documents write them: «16 апреля 2021 года», «“16” апреля 2021 г.», «16.04.2021»,
 * «16.04.21»; «11.00», «10:00», «10.00 часов», «11 ч. 30 мин.». Shared by the protocol's header and the
 * deadline parser.
 */
final class WrittenDates {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** A month's name in any case: «май», «мая», «мае», «сентябрь», «сентября», «сентябре». */
    static final String MONTH = "(январ[а-яё]*|феврал[а-яё]*|март[а-яё]*|апрел[а-яё]*|ма[йяе]"
            + "|июн[а-яё]*|июл[а-яё]*|август[а-яё]*|сентябр[а-яё]*|октябр[а-яё]*|ноябр[а-яё]*|декабр[а-яё]*)";

    private static final String QUOTE = "[«»\"“”„']?";
    /** «года», «г.» after the year — but not the «г.» of a town that follows it: «10.12.2020 г. Тверь». */
    private static final String YEAR_WORD = "(?:\\s*(?:года|год|г(?!\\.?\\s*[А-ЯЁ][а-яё])\\.?)(?![а-яё]))?";

    /** «16 апреля 2021 года», «“16” апреля 2021 г.»; the year is required. */
    private static final Pattern WORDED = Pattern.compile(
            "(?<![\\d.])" + QUOTE + "(\\d{1,2})" + QUOTE + "\\s+" + MONTH + "\\s+(\\d{4})" + YEAR_WORD,
            FLAGS);

    /** «16.04.2021», «16.04.21»; the year is required. */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?![\\d])" + YEAR_WORD,
            FLAGS);

    private static final Pattern CLOCK = Pattern.compile(
            "(?<![\\d.:])([01]?\\d|2[0-3])\\s*[.:]\\s*([0-5]\\d)(?!\\d|[.:]\\d)(?:\\s*(?:часов|часа|час|ч\\.?)(?![а-яё]))?",
            FLAGS);
    private static final Pattern HOURS_MINUTES = Pattern.compile(
            "(?<![\\d.:])([01]?\\d|2[0-3])\\s*ч(?:ас[а-яё]*|\\.)?\\s*([0-5]\\d)\\s*мин(?:ут[а-яё]*|\\.)?", FLAGS);
    private static final Pattern HOURS_ONLY = Pattern.compile(
            "(?<![\\d.:])([01]?\\d|2[0-3])\\s*(?:часов|часа|час)(?![а-яё])", FLAGS);

    private WrittenDates() {
    }

    /** A date or time found in a line, and where: what is left of the line after it is often the place. */
    record Found<T>(T value, int start, int end) {

        String remove(String line) {
            return line.substring(0, start) + " " + line.substring(end);
        }
    }

    /** The month (1–12) of a month's name in any case, or 0. */
    static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String[] stems = {"янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"};
        for (int i = 0; i < stems.length; i++) {
            if (w.startsWith(stems[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The date, or empty when the calendar has no such day («31 февраля»). */
    static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** «21» → 2021, «2021» → 2021. */
    static int fullYear(String digits) {
        int year = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + year : year;
    }

    /** The first valid date with a year written in the line, worded or numeric. */
    static Optional<Found<LocalDate>> findDate(String line) {
        Found<LocalDate> best = null;
        Matcher worded = WORDED.matcher(line);
        while (worded.find()) {
            Optional<LocalDate> d = date(Integer.parseInt(worded.group(3)), month(worded.group(2)),
                    Integer.parseInt(worded.group(1)));
            if (d.isPresent()) {
                best = new Found<>(d.get(), worded.start(), worded.end());
                break;
            }
        }
        Matcher numeric = NUMERIC.matcher(line);
        while (numeric.find()) {
            if (best != null && numeric.start() > best.start()) {
                break;
            }
            Optional<LocalDate> d = date(fullYear(numeric.group(3)), Integer.parseInt(numeric.group(2)),
                    Integer.parseInt(numeric.group(1)));
            if (d.isPresent()) {
                best = new Found<>(d.get(), numeric.start(), numeric.end());
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first time of day written in the line: «11.00», «10:00», «10.00 часов», «11 ч. 30 мин.», «в 10 часов». */
    static Optional<Found<LocalTime>> findTime(String line) {
        for (Pattern p : new Pattern[]{CLOCK, HOURS_MINUTES}) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return Optional.of(new Found<>(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                        m.start(), m.end()));
            }
        }
        Matcher m = HOURS_ONLY.matcher(line);
        if (m.find()) {
            return Optional.of(new Found<>(LocalTime.of(Integer.parseInt(m.group(1)), 0), m.start(), m.end()));
        }
        return Optional.empty();
    }
}

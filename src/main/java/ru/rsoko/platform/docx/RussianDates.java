package ru.rsoko.platform.docx;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.DateTimeFormatter;

/**
 * Dates and times as Russian official documents write them: «16 апреля 2021 года» in a protocol's heading and
 * deadlines, «06.05.2021» beside a letter's number, «11.00» for the start of a meeting.
 * A null date or time gives an empty string, so a template or a document simply shows nothing.
 */
public final class RussianDates {

    private static final String[] MONTHS_GENITIVE = {
            "января", "февраля", "марта", "апреля", "мая", "июня",
            "июля", "августа", "сентября", "октября", "ноября", "декабря"};

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");

    private RussianDates() {
    }

    /** «16 апреля 2021 года» */
    public static String longDate(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.getDayOfMonth() + " " + monthGenitive(date.getMonth()) + " " + date.getYear() + " года";
    }

    /** «06.05.2021» */
    public static String shortDate(LocalDate date) {
        return date == null ? "" : SHORT.format(date);
    }

    /** «11.00», «9.30»: hours without a leading zero, a dot before the minutes. */
    public static String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }

    /** «апреля»: the month as it follows a day number. */
    public static String monthGenitive(Month month) {
        return MONTHS_GENITIVE[month.ordinal()];
    }
}

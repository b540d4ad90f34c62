package ru.rsoko.platform.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days of the live demo year, counted from today of a region: the demo sets of the current year place their
 * deadlines and periods some days before or after today, so that a newcomer opening the demo on any day sees work done,
 * late, overdue and ahead. Nothing here names a year; it all comes from the application's clock.
 *
 * @param today the day of the region the demo is loaded on
 */
public record DemoCalendar(LocalDate today) {

    /** A period of days, first and last included. */
    public record Span(LocalDate start, LocalDate end) {
    }

    /** Today in the region's zone by the application's clock. */
    public static DemoCalendar of(Clock clock, ZoneId zone) {
        return new DemoCalendar(clock.instant().atZone(zone).toLocalDate());
    }

    /** The current year of the demo: the calendar year of today. */
    public int year() {
        return today.getYear();
    }

    /** The day {@code offset} days from today (negative: before), wherever it falls. */
    public LocalDate day(int offset) {
        return today.plusDays(offset);
    }

    /** The day {@code offset} days from today, kept within the current year (a plan's procedure, a campaign). */
    public LocalDate inYear(int offset) {
        LocalDate day = today.plusDays(offset);
        LocalDate first = LocalDate.of(year(), 1, 1);
        LocalDate last = LocalDate.of(year(), 12, 31);
        return day.isBefore(first) ? first : day.isAfter(last) ? last : day;
    }

    /**
     * The period from {@code fromOffset} to {@code toOffset} days from today, moved as a whole into the current year
     * when it would cross its first or last day (a period near New Year keeps its length, not its distance from
     * today); one longer than the year is cut to it.
     */
    public Span span(int fromOffset, int toOffset) {
        LocalDate start = today.plusDays(fromOffset);
        LocalDate end = today.plusDays(Math.max(fromOffset, toOffset));
        LocalDate first = LocalDate.of(year(), 1, 1);
        LocalDate last = LocalDate.of(year(), 12, 31);
        if (end.isAfter(last)) {
            long shift = end.toEpochDay() - last.toEpochDay();
            start = start.minusDays(shift);
            end = last;
        }
        if (start.isBefore(first)) {
            long shift = first.toEpochDay() - start.toEpochDay();
            start = first;
            end = end.plusDays(shift);
        }
        return new Span(start, end.isAfter(last) ? last : end);
    }

    /** Whether the day has passed: before today. */
    public boolean passed(LocalDate day) {
        return day.isBefore(today);
    }
}

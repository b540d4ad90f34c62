package ru.rsoko.platform.demo;

import org.junit.jupiter.api.Test;
import ru.rsoko.support.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The live demo year's days come from the clock and the region's zone: move the clock a year on and they move with it. */
class DemoCalendarTest {

    private static final ZoneId TVER = ZoneId.of("Europe/Moscow");
    private static final ZoneId TOMSK = ZoneId.of("Asia/Tomsk");

    @Test
    void todayIsTheRegionsDayByTheApplicationsClock() {
        TestClock clock = new TestClock();
        clock.set(Instant.parse("2026-12-31T20:30:00Z"));
        // 23:30 of 31 December in Tver, already 03:30 of 1 January in Tomsk: the new year begins there first
        assertThat(DemoCalendar.of(clock, TVER).today()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(DemoCalendar.of(clock, TOMSK).today()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(DemoCalendar.of(clock, TOMSK).year()).isEqualTo(2027);

        clock.set(Instant.parse("2026-12-02T09:00:00Z"));
        DemoCalendar now = DemoCalendar.of(clock, TVER);
        clock.advance(Duration.ofDays(365));
        DemoCalendar yearOn = DemoCalendar.of(clock, TVER);
        assertThat(now.year()).isEqualTo(2026);
        assertThat(yearOn.year()).isEqualTo(2027);
        assertThat(yearOn.day(-21)).isEqualTo(now.day(-21).plusYears(1));
    }

    @Test
    void periodsAroundTodayStayInTheYearAndKeepTheirLength() {
        DemoCalendar december = new DemoCalendar(LocalDate.of(2026, 12, 2));
        assertThat(december.span(-30, -12)).isEqualTo(new DemoCalendar.Span(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 20)));
        // the diagnostics 10–20 days ahead still fit into December
        assertThat(december.span(10, 20)).isEqualTo(new DemoCalendar.Span(LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 22)));
        // 14–40 days ahead would cross New Year: the period is moved back whole to end on 31 December
        assertThat(december.span(14, 40)).isEqualTo(new DemoCalendar.Span(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 31)));
        assertThat(december.inYear(40)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(december.day(40)).isEqualTo(LocalDate.of(2027, 1, 11));

        DemoCalendar january = new DemoCalendar(LocalDate.of(2027, 1, 10));
        assertThat(january.span(-200, -190)).isEqualTo(new DemoCalendar.Span(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 11)));
        assertThat(january.inYear(-28)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(january.passed(LocalDate.of(2027, 1, 9))).isTrue();
        assertThat(january.passed(LocalDate.of(2027, 1, 10))).isFalse();
    }
}

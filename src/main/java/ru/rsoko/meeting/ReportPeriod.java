package ru.rsoko.meeting;

import java.time.LocalDate;

/** How often an ongoing decision is reported on. */
public enum ReportPeriod {
    MONTH("Ежемесячно", 1),
    QUARTER("Ежеквартально", 3),
    HALF_YEAR("Раз в полугодие", 6),
    YEAR("Ежегодно", 12);

    private final String label;
    private final int months;

    ReportPeriod(String label, int months) {
        this.label = label;
        this.months = months;
    }

    public String label() {
        return label;
    }

    /** The last day of the calendar period (month, quarter, half-year, year) that contains the date. */
    public LocalDate endOfPeriodContaining(LocalDate date) {
        int monthIndex = date.getMonthValue() - 1;
        int lastMonth = (monthIndex / months) * months + months;
        LocalDate firstOfLastMonth = LocalDate.of(date.getYear(), lastMonth, 1);
        return firstOfLastMonth.withDayOfMonth(firstOfLastMonth.lengthOfMonth());
    }
}

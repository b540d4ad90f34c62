package ru.rsoko.execution.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.web.Formats;

import java.time.LocalDate;

/** A period of an ongoing record that has begun, with its report if there is one and whether it is overdue. */
public record PeriodRow(LocalDate start, LocalDate end, @Nullable ReportView report, boolean overdue) {

    public String label() {
        return Formats.DATE.format(start) + " – " + Formats.DATE.format(end);
    }
}

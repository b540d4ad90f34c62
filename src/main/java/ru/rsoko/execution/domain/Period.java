package ru.rsoko.execution.domain;

import ru.rsoko.platform.web.Formats;

import java.time.LocalDate;

/** A reporting period of an ongoing record: from its first day to the day its report is due. */
public record Period(LocalDate start, LocalDate end) {

    public String label() {
        return Formats.DATE.format(start) + " – " + Formats.DATE.format(end);
    }
}

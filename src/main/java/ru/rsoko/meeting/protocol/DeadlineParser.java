package ru.rsoko.meeting.protocol;

import ru.rsoko.meeting.Deadline;

import java.time.LocalDate;

/** Placeholder until the full parser lands: keeps the wording, recognises nothing. */
public final class DeadlineParser {

    private DeadlineParser() {
    }

    public static Deadline parse(String wording, LocalDate reference) {
        return Deadline.other(wording == null ? null : wording.strip());
    }
}

package ru.rsoko.plan.domain;

import ru.rsoko.plan.ProcedureStatus;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * A change of a procedure's status: «выполнено» on a day, «перенесено» to new dates, «отменено» with a reason.
 *
 * @param on the day it was done (for DONE); the day of the decision to move or cancel otherwise, today if empty
 */
public record StatusForm(ProcedureStatus to,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate movedStart,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate movedEnd,
                         String reason,
                         Long version) {
}

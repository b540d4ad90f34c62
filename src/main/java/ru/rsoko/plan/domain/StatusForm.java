package ru.rsoko.plan.domain;

import ru.rsoko.plan.ProcedureStatus;


import java.time.LocalDate;

/**
 * A change of a procedure's status: «выполнено» on a day, «перенесено» to new dates, «отменено» with a reason.
 *
 * @param on the day it was done (for DONE); the day of the decision to move or cancel otherwise, today if empty
 */
public record StatusForm(ProcedureStatus to,
                         LocalDate on,
                         LocalDate movedStart,
                         LocalDate movedEnd,
                         String reason,
                         Long version) {
}

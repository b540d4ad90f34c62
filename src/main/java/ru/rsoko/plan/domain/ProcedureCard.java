package ru.rsoko.plan.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.plan.Outcome;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.audit.HistoryEntry;

import java.time.LocalDate;
import java.util.List;

/**
 * A procedure's page: the procedure and its plan, where it stands today in its region, the names of its chosen
 * participants, its result files, its history and the ВСОКО campaign it is held by.
 */
public record ProcedureCard(Procedure procedure, Plan plan, Outcome outcome, LocalDate today, List<String> participantNames,
                            List<FileLine> files, List<HistoryEntry> history, @Nullable Choice campaign) {
}

package ru.rsoko.plan.domain;

import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.audit.HistoryEntry;

import java.util.List;

/** A plan's page: the plan, its procedures in order, its execution today and its history. */
public record PlanCard(Plan plan, List<Procedure> procedures, PlanExecution report, List<HistoryEntry> history) {
}

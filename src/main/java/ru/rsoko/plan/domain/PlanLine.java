package ru.rsoko.plan.domain;

import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanExecution;

/** A plan as the list of plans shows it: with its execution today. */
public record PlanLine(Plan plan, PlanExecution.Figures figures) {
}

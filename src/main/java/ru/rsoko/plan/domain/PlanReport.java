package ru.rsoko.plan.domain;

import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.Procedure;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** A plan with its procedures and its execution as of a day: the report «выполнение плана-графика» and the API. */
public record PlanReport(Plan plan, List<Procedure> procedures, PlanExecution execution) {

    /** The procedures by the month of their planned end, as the report by month lists them. */
    public Map<YearMonth, List<Procedure>> byMonth() {
        Map<YearMonth, List<Procedure>> months = new java.util.TreeMap<>();
        procedures.forEach(p -> months.computeIfAbsent(YearMonth.from(p.periodEnd()), m -> new java.util.ArrayList<>()).add(p));
        return months;
    }
}

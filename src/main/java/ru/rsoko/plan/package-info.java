/**
 * The plan-schedule of a region's monitoring: a year's plan approved by an order, its procedures (ВПР, РПР, the
 * ВСОКО study…) with their course, and the plan's execution as of any day. Owns {@code plan}, {@code plan_procedure}
 * (with its participants and files) and {@code procedure_type}. Other modules read plans and procedures as records
 * through {@link ru.rsoko.plan.PlanAccess} and {@link ru.rsoko.plan.PlanExecutionService}, the days procedures end
 * through {@link ru.rsoko.plan.ProcedureCalendar}, and hear {@link ru.rsoko.plan.PlanScheduleChanged}; a module that
 * records facts against procedures tells the plan so through {@link ru.rsoko.plan.ProcedureRecords}.
 */
@ApplicationModule(displayName = "Plan-schedule", allowedDependencies = {"access", "directory", "vsoko", "platform::*"})
@NullMarked
package ru.rsoko.plan;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

package ru.rsoko.plan;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A procedure of an approved plan-schedule was moved to other dates or cancelled. Published inside the transaction
 * that changed it, beside {@link PlanScheduleChanged}.
 *
 * @param name the procedure as people know it: its type and name («ВПР — Всероссийские проверочные работы»)
 */
public record ProcedureRescheduled(long procedureId, long planId, long regionId, String name, Change change,
                                   LocalDate wasFrom, LocalDate wasTo, @Nullable LocalDate nowFrom,
                                   @Nullable LocalDate nowTo, @Nullable String reason) {

    public enum Change {MOVED, CANCELLED}
}

/**
 * The execution of decisions: one record per decision of a signed protocol and responsible organisation, created
 * when the protocol is signed (a synchronous listener of {@link ru.rsoko.meeting.ProtocolSigned}), reported on by
 * that organisation, watched by the levels above. Owns {@code execution}, {@code execution_report} and
 * {@code execution_comment}; keeps decisions and meetings by id and reads their facts from the meeting module (its
 * SQL reads the view {@code meeting_decision}, organisations the view {@code directory_org_unit}). Answers meeting's
 * {@link ru.rsoko.meeting.ExecutionFigures}. Uses plan only for its procedure calendar
 * ({@code ProcedureCalendar}, {@code PlanScheduleChanged}), for decisions due after each procedure.
 */
@ApplicationModule(displayName = "Execution of decisions",
        allowedDependencies = {"access", "directory", "meeting", "plan", "platform::*"})
@NullMarked
package ru.rsoko.execution;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Meetings and their protocols: the seminars and meetings of a region or of a municipality with its schools, their
 * agenda and materials, the decisions with responsible parties and deadlines, the letters around them and the
 * official .docx of each ({@code meeting.document}), and the import of a protocol written the usual way
 * ({@code meeting.protocol}). Owns the tables {@code meeting}, {@code agenda_item}, {@code agenda_material},
 * {@code decision}, {@code decision_responsible}, and publishes the view {@code meeting_decision} (V7).
 * <p>
 * Other modules ask {@link ru.rsoko.meeting.MeetingService} and keep decisions by id; signing a protocol publishes
 * {@link ru.rsoko.meeting.ProtocolSigned}. What meeting pages show of the execution of decisions comes through
 * {@link ru.rsoko.meeting.ExecutionFigures}, which this module declares and the execution module implements.
 */
@ApplicationModule(displayName = "Meetings", allowedDependencies = {"access", "directory", "platform::*"})
@NullMarked
package ru.rsoko.meeting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

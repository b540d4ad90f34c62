package ru.rsoko.meeting;

import java.time.LocalDate;

/** A protocol was signed: its decisions now bind their responsible parties, from the given day of the region. */
public record ProtocolSigned(long meetingId, LocalDate signedOn) {
}

package ru.rsoko.meeting;

import java.time.LocalDate;

/**
 * A protocol was signed: its decisions now bind their responsible parties, from the given day of the region.
 * Published inside the signing transaction; a synchronous listener that writes records commits or fails with it.
 */
public record ProtocolSigned(long meetingId, LocalDate signedOn) {
}

package ru.rsoko.meeting;

/**
 * A signed protocol was sent to its responsible organisations (with its covering letter). Published inside the
 * sending transaction, after the meeting is marked sent.
 */
public record ProtocolSent(long meetingId, long regionId, long sentByAccountId) {
}

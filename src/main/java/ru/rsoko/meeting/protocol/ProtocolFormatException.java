package ru.rsoko.meeting.protocol;

/**
 * An uploaded protocol that cannot be read at all (empty, not a .docx, damaged, too big). The message is in
 * Russian and tells the user what to do; it is meant to be shown as is.
 */
public class ProtocolFormatException extends RuntimeException {

    public ProtocolFormatException(String message) {
        super(message);
    }

    public ProtocolFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

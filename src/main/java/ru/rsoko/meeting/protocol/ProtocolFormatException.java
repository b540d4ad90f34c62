package ru.rsoko.meeting.protocol;

/** The upload is not a readable protocol (.docx): the message says so in Russian. */
public class ProtocolFormatException extends RuntimeException {

    public ProtocolFormatException(String message) {
        super(message);
    }

    public ProtocolFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

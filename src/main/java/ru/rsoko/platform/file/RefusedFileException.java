package ru.rsoko.platform.file;

/**
 * An uploaded file refused for what it is (dangerous, damaged, not what its name says), with a Russian message for
 * the person. Pages answer it with 422 and the message, the API with problem+json 422; nothing is written.
 */
public class RefusedFileException extends RuntimeException {

    public RefusedFileException(String message) {
        super(message, null, false, false);
    }
}

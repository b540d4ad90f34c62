package ru.rsoko.platform.web;

/** The object does not exist or lies outside the user's scope: both answer 404, so scope leaks nothing. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " не найден(а): " + id);
    }
}

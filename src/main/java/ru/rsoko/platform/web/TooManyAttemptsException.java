package ru.rsoko.platform.web;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/**
 * A sign-in refused without being checked, because too many failed ones came from the caller's address lately. Its
 * message speaks of the address only, never of whether the login exists. The API answers it with 429 and
 * {@code Retry-After}, the form with the same words on the login page.
 */
public class TooManyAttemptsException extends AuthenticationException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super(message(retryAfter));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes, at least one. */
    public long minutes() {
        return minutes(retryAfter);
    }

    public static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    public static String message(Duration wait) {
        return "Слишком много неудачных попыток с этого адреса. Повторите через " + minutes(wait) + " мин.";
    }
}

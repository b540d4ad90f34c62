package ru.rsoko.account.domain;

import ru.rsoko.platform.web.Plurals;
import ru.rsoko.platform.web.RuleViolationException;

import java.security.SecureRandom;

/** Rules for passwords people choose, and temporary passwords the product hands out. */
final class Passwords {

    static final int MIN_LENGTH = 8;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    static String temporary() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    static void check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw RuleViolationException.field(field, "Пароль — не короче " + Plurals.of(MIN_LENGTH, "символа", "символов", "символов"));
        }
        if (password.length() > 128) {
            throw RuleViolationException.field(field, "Пароль — не длиннее 128 символов");
        }
        if (password.equalsIgnoreCase(username)) {
            throw RuleViolationException.field(field, "Пароль не должен совпадать с именем пользователя");
        }
        if (password.chars().distinct().count() < 4) {
            throw RuleViolationException.field(field, "Пароль слишком простой: используйте разные символы");
        }
    }
}

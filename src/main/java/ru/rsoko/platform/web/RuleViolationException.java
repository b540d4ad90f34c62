package ru.rsoko.platform.web;

import java.util.Map;

/**
 * A request that breaks a rule of the domain (a duplicate name, a wrong parent). The message is Russian and
 * meant for the user; {@code field} names the form field it belongs to, when there is one.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;
    private final Kind kind;

    public enum Kind {INVALID, CONFLICT, FORBIDDEN}

    public RuleViolationException(String message) {
        this(Kind.INVALID, null, message);
    }

    public RuleViolationException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static RuleViolationException field(String field, String message) {
        return new RuleViolationException(Kind.INVALID, field, message);
    }

    public static RuleViolationException conflict(String message) {
        return new RuleViolationException(Kind.CONFLICT, null, message);
    }

    public static RuleViolationException forbidden(String message) {
        return new RuleViolationException(Kind.FORBIDDEN, null, message);
    }

    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, String> asFieldErrors() {
        return field == null ? Map.of() : Map.of(field, getMessage());
    }
}

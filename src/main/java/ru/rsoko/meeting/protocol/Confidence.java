package ru.rsoko.meeting.protocol;

/**
 * How sure the import is of one fact, from evidence in the text: {@link Level#CHECK} with the reason a person should
 * look at it, or {@link Level#HIGH}.
 *
 * @param level  HIGH or CHECK
 * @param reason a short Russian reason, always given for CHECK («срок не распознан как дата или период»)
 */
public record Confidence(Level level, String reason) {

    public enum Level { HIGH, CHECK }

    public static Confidence high() {
        return new Confidence(Level.HIGH, null);
    }

    public static Confidence check(String reason) {
        return new Confidence(Level.CHECK, reason);
    }

    public boolean needsCheck() {
        return level == Level.CHECK;
    }
}

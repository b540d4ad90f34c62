package ru.rsoko.meeting.protocol;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How sure the import is of one fact, from evidence in the text: {@link Level#CHECK} with the reason a person should
 * look at it, or {@link Level#HIGH}.
 *
 * @param level  HIGH or CHECK
 * @param reason a short Russian reason, always given for CHECK («срок не распознан как дата или период»)
 */
@Schema(description = "Насколько разбор уверен в факте: HIGH — уверенно, CHECK — проверьте (причина в reason)")
public record Confidence(@Schema(description = "HIGH или CHECK") Level level,
                         @Schema(description = "почему проверить, по-русски; для HIGH обычно null") String reason) {

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

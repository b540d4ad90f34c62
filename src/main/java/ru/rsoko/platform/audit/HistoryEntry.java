package ru.rsoko.platform.audit;

import java.time.Instant;
import java.util.List;

/** One revision of one entity as a person reads it: when, who, what kind of change, which fields. */
public record HistoryEntry(long revision, Instant at, String username, Kind kind, List<FieldChange> changes) {

    public enum Kind {
        CREATED("Создание"), CHANGED("Изменение"), DELETED("Удаление");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

package ru.rsoko.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One revision of one entity as a person reads it: when, who (the person's name, the login kept as a hint), what kind
 * of change, which fields.
 */
public record HistoryEntry(long revision, Instant at, String username, Kind kind, List<FieldChange> changes, String person) {

    /** An entry not yet named: {@link AuditHistory#named} gives each one its person's name. */
    public HistoryEntry(long revision, Instant at, String username, Kind kind, List<FieldChange> changes) {
        this(revision, at, username, kind, changes, username);
    }

    HistoryEntry named(People.Names names) {
        return new HistoryEntry(revision, at, username, kind, changes, names.of(username));
    }

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

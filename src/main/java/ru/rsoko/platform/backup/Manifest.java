package ru.rsoko.platform.backup;

import java.util.List;

/**
 * What a dump holds, written beside its files as {@code manifest.json}: the schema's Flyway version, when it was taken,
 * every table with its columns (in the order of the file), rows and file, and every sequence's value.
 */
public record Manifest(int format, String flywayVersion, String createdAt, String postgresVersion, List<Table> tables,
                       List<Sequence> sequences) {

    /** The layout of the dump's files; a later layout is refused by an older application. */
    static final int FORMAT = 1;

    public record Table(String name, List<String> columns, long rows, String file) {
    }

    /** A sequence's last value; null when it was never used. */
    public record Sequence(String name, Long lastValue) {
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}

package ru.rsoko.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;

/** One place that knows how RSOKO initialises an embedded cluster, shared by the application and the tests. */
public final class EmbeddedPostgresFactory {

    private EmbeddedPostgresFactory() {
    }

    /**
     * PostgreSQL's builtin C.UTF-8 locale makes lower(), upper() and ILIKE work on Cyrillic whatever the
     * machine's locale is, so case-insensitive names and searches behave as on a production server.
     */
    public static EmbeddedPostgres.Builder builder(Path dataDirectory, boolean throwAway) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setLocaleConfig("locale", "C")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "100");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(throwAway);
        }
        return builder;
    }
}

package ru.rsoko.platform.backup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A logical dump of the public schema without {@code pg_dump} (the embedded PostgreSQL has none), and its restore.
 * <p>
 * Dump: one {@code REPEATABLE READ READ ONLY} transaction, so every table is read from the same snapshot; each table
 * goes out with {@code COPY … TO STDOUT (FORMAT binary)} into a file of its own, and {@code manifest.json} says the
 * Flyway version, the tables, their columns and rows, and the sequences. Every table the schema has is dumped, whoever
 * added it (sessions included), except Flyway's own history, which a restore rebuilds.
 * <p>
 * Restore, into an empty database only: Flyway migrates it to the dump's version, then one transaction empties what
 * the migrations wrote, copies every table in with {@code session_replication_role = replica} (triggers and foreign
 * keys neither fire nor block, as the rows were consistent when taken), and sets every sequence to its dumped value and
 * at least to its column's maximum. A dump of a newer schema than this application knows is refused.
 */
public final class DatabaseDump {

    private static final Logger log = LoggerFactory.getLogger(DatabaseDump.class);
    static final String MANIFEST = "manifest.json";
    private static final String HISTORY = "flyway_schema_history";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DatabaseDump() {
    }

    /** Writes a consistent dump of the database into {@code folder} (created; must not exist or be empty). */
    public static Manifest dump(DataSource dataSource, Path folder) {
        try {
            Files.createDirectories(folder);
            try (Connection con = dataSource.getConnection()) {
                boolean autoCommit = con.getAutoCommit();
                con.setAutoCommit(false);
                con.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                con.setReadOnly(true);
                try {
                    Manifest manifest = dump(con, folder);
                    JSON.writeValue(folder.resolve(MANIFEST).toFile(), manifest);
                    return manifest;
                } finally {
                    con.rollback();
                    con.setReadOnly(false);
                    con.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    con.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Копия базы данных не снята: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Копия базы данных не записана в " + folder, e);
        }
    }

    private static Manifest dump(Connection con, Path folder) throws SQLException, IOException {
        // the first statement takes the snapshot every later one reads
        String version = single(con, "select version from " + HISTORY
                + " where success and version is not null order by installed_rank desc limit 1");
        String postgres = single(con, "show server_version");
        CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
        List<Manifest.Table> tables = new ArrayList<>();
        for (String table : tables(con)) {
            List<String> columns = columns(con, table);
            String file = table + ".copy";
            long rows;
            try (OutputStream out = Files.newOutputStream(folder.resolve(file))) {
                rows = copy.copyOut("copy " + quote(table) + " (" + list(columns) + ") to stdout (format binary)", out);
            }
            tables.add(new Manifest.Table(table, columns, rows, file));
        }
        List<Manifest.Sequence> sequences = new ArrayList<>();
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("select sequencename, last_value from pg_sequences "
                     + "where schemaname = 'public' order by sequencename")) {
            while (rs.next()) {
                String name = rs.getString(1);
                long value = rs.getLong(2);
                sequences.add(new Manifest.Sequence(name, rs.wasNull() ? null : value));
            }
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, version, Instant.now().toString(), postgres, tables, sequences);
        log.info("Копия базы данных снята в {}: схема V{}, таблиц {}, строк {}", folder, version, tables.size(),
                manifest.rows());
        return manifest;
    }

    /** Reads a dump's manifest; a folder without one is no dump. */
    public static Manifest manifest(Path folder) {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("В папке " + folder + " нет " + MANIFEST + ": это не копия базы данных РСОКО");
        }
        return JSON.readValue(file.toFile(), Manifest.class);
    }

    /**
     * Restores the dump in {@code folder} into the empty database of {@code flyway} (whose migrations are this
     * application's); afterwards the caller migrates on to the latest version as at every start.
     */
    public static Manifest restore(Flyway flyway, Path folder) {
        Manifest manifest = manifest(folder);
        if (manifest.format() > Manifest.FORMAT) {
            throw new IllegalStateException("Копия записана более новой версией РСОКО (формат " + manifest.format()
                    + "); восстановите её той версией, которой она снята");
        }
        MigrationVersion dumped = MigrationVersion.fromVersion(manifest.flywayVersion());
        MigrationVersion known = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
        if (dumped.compareTo(known) > 0) {
            throw new IllegalStateException("Копия снята со схемы V" + dumped + ", а эта версия РСОКО знает схему только до V"
                    + known + ": восстановите копию той версией РСОКО, которой она снята, или более новой");
        }
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection con = dataSource.getConnection()) {
            long objects = count(con, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')");
            if (objects > 0) {
                throw new IllegalStateException("База данных не пуста (в схеме public объектов: " + objects
                        + "): копия восстанавливается только в пустую базу");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("База данных для восстановления недоступна: " + e.getMessage(), e);
        }
        log.info("Восстановление копии {} (схема V{}, снята {}): миграции до V{}", folder, dumped,
                manifest.createdAt(), dumped);
        Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .target(dumped).load().migrate();
        try (Connection con = dataSource.getConnection()) {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try {
                load(con, folder, manifest);
                con.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                con.rollback();
                throw e;
            } finally {
                con.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Копия не восстановлена: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Копия не прочитана из " + folder, e);
        }
        log.info("Копия {} восстановлена: таблиц {}, строк {}", folder, manifest.tables().size(), manifest.rows());
        return manifest;
    }

    private static void load(Connection con, Path folder, Manifest manifest) throws SQLException, IOException {
        try (Statement st = con.createStatement()) {
            st.execute("set local session_replication_role = replica");
            List<String> present = tables(con);
            if (!present.isEmpty()) {
                // what the migrations wrote (reference rows) gives way to the dump's rows
                st.execute("truncate " + present.stream().map(DatabaseDump::quote).collect(Collectors.joining(", ")));
            }
        }
        CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
        for (Manifest.Table table : manifest.tables()) {
            long rows;
            try (InputStream in = Files.newInputStream(folder.resolve(table.file()))) {
                rows = copy.copyIn("copy " + quote(table.name()) + " (" + list(table.columns())
                        + ") from stdin (format binary)", in);
            }
            if (rows != table.rows()) {
                throw new IllegalStateException("Таблица " + table.name() + ": в копии " + table.rows()
                        + " строк, прочитано " + rows);
            }
        }
        try (Statement st = con.createStatement()) {
            for (Manifest.Sequence sequence : manifest.sequences()) {
                if (sequence.lastValue() != null) {
                    st.execute("select setval('" + quote(sequence.name()).replace("'", "''") + "', "
                            + sequence.lastValue() + ", true)");
                }
            }
            // and never below the largest value in the column a sequence fills
            List<String[]> owned = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select s.relname, t.relname, a.attname from pg_depend d "
                    + "join pg_class s on s.oid = d.objid and s.relkind = 'S' "
                    + "join pg_class t on t.oid = d.refobjid "
                    + "join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid "
                    + "join pg_namespace n on n.oid = s.relnamespace "
                    + "where n.nspname = 'public' and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')")) {
                while (rs.next()) {
                    owned.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] o : owned) {
                st.execute("select setval('" + quote(o[0]).replace("'", "''") + "', m) from (select max("
                        + ident(o[2]) + ") as m from " + quote(o[1]) + ") x where m is not null and m > "
                        + "(select last_value from " + quote(o[0]) + ")");
            }
        }
    }

    /** The ordinary tables of the public schema, Flyway's history left out. */
    private static List<String> tables(Connection con) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                     + "where n.nspname = 'public' and c.relkind = 'r' order by c.relname")) {
            while (rs.next()) {
                if (!HISTORY.equals(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** The columns COPY writes: all but dropped and generated ones, in the table's order. */
    private static List<String> columns(Connection con, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement st = con.prepareStatement("select a.attname from pg_attribute a "
                + "where a.attrelid = ('public.' || quote_ident(?))::regclass and a.attnum > 0 and not a.attisdropped "
                + "and a.attgenerated = '' order by a.attnum")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static String single(Connection con, String sql) throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long count(Connection con, String sql) throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String quote(String identifier) {
        return "public.\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String ident(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String list(List<String> columns) {
        return columns.stream().map(DatabaseDump::ident).collect(Collectors.joining(", "));
    }
}

package ru.rsoko.platform.database;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN}, kept as the bytes COPY reads (text format, UTF-8) and nothing else:
 * a bulk write collects its rows here while it reads and checks them, then copies them into a temporary table in one
 * round trip and writes the real table with one {@code INSERT … SELECT} (statement triggers fire once). The copy runs on
 * the connection of the current Spring transaction, so it commits or rolls back with everything else.
 */
public final class CopyRows {

    /** A byte buffer whose bytes are read in place, not copied once more for the copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(64 * 1024);
        }

        ByteArrayInputStream reader() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }

    private final int columns;
    private final Buffer buffer = new Buffer();
    private int inRow;
    private int rows;

    /** Rows of {@code columns} values each. */
    public CopyRows(int columns) {
        this.columns = columns;
    }

    /** The next value of the current row; a row ends by itself after its last column. */
    public CopyRows add(@Nullable Object value) {
        if (inRow > 0) {
            buffer.write('\t');
        }
        switch (value) {
            case null -> {
                buffer.write('\\');
                buffer.write('N');
            }
            case Long l -> ascii(Long.toString(l));
            case Integer i -> ascii(Integer.toString(i));
            case BigDecimal d -> ascii(d.toPlainString());
            case Boolean b -> buffer.write(b ? 't' : 'f');
            default -> text(value.toString());
        }
        if (++inRow == columns) {
            buffer.write('\n');
            inRow = 0;
            rows++;
        }
        return this;
    }

    public int rows() {
        return rows;
    }

    /**
     * Copies the rows into {@code table} ({@code columns} in the order the values were added) on the connection of the
     * current transaction; returns the number of rows copied.
     */
    public long into(JdbcTemplate jdbc, String table, String columns) {
        if (inRow != 0) {
            throw new IllegalStateException("The last row has " + inRow + " of " + this.columns + " values");
        }
        Long copied = jdbc.execute((ConnectionCallback<Long>) con -> into(con, table, columns));
        return copied == null ? 0 : copied;
    }

    /** The same on a connection the caller holds (one of the current transaction, handed to a writing thread). */
    public long into(java.sql.Connection con, String table, String columns) throws java.sql.SQLException {
        if (inRow != 0) {
            throw new IllegalStateException("The last row has " + inRow + " of " + this.columns + " values");
        }
        try {
            return con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", buffer.reader());
        } catch (java.io.IOException e) {
            throw new java.sql.SQLException("COPY into " + table + " failed", e);
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            buffer.write(s.charAt(i));
        }
    }

    /** Text with COPY's escapes: backslash, tab, line feed and carriage return. */
    private void text(String s) {
        StringBuilder escaped = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                escaped = new StringBuilder(s.length() + 8);
                break;
            }
        }
        if (escaped != null) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> escaped.append("\\\\");
                    case '\t' -> escaped.append("\\t");
                    case '\n' -> escaped.append("\\n");
                    case '\r' -> escaped.append("\\r");
                    default -> escaped.append(c);
                }
            }
            s = escaped.toString();
        }
        buffer.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}

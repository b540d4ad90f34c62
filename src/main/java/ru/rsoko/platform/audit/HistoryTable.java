package ru.rsoko.platform.audit;

import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Formats;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A history as a workbook: one row per changed field, as the history table on the page shows it. */
public final class HistoryTable {

    private record Line(Instant at, String person, String username, String kind, String field, String before, String after) {
    }

    private HistoryTable() {
    }

    public static void write(OutputStream out, List<HistoryEntry> history, Formats formats) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (HistoryEntry entry : history) {
            if (entry.changes().isEmpty()) {
                lines.add(new Line(entry.at(), entry.person(), entry.username(), entry.kind().label(), null, null, null));
            }
            for (FieldChange change : entry.changes()) {
                lines.add(new Line(entry.at(), entry.person(), entry.username(), entry.kind().label(), change.field(), change.before(), change.after()));
            }
        }
        XlsxTable.of("История", Line.class)
                .zone(formats.zone())
                .column("Дата и время", 18, Line::at)
                .column("Кто", 30, Line::person)
                .column("Логин", 16, Line::username)
                .column("Действие", 14, Line::kind)
                .column("Поле", 26, Line::field)
                .column("Было", 40, Line::before)
                .column("Стало", 40, Line::after)
                .write(out, lines);
    }
}

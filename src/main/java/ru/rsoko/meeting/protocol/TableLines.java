package ru.rsoko.meeting.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table of a protocol as the lines a protocol written without one would have. Decisions and agendas are often
 * tables («№ | Решение | Ответственные | Срок», «№ | Вопрос | Докладчик»): each row becomes «1. текст» followed by
 * «Ответственные: …», «Срок: …», «Докладчик: …», which the parser reads as it reads a plain protocol. Any other
 * table (a letterhead, a signature block) gives its cells' lines in reading order.
 */
final class TableLines {

    private static final Pattern NUMBER_HEADER = Pattern.compile("^(?:№.*|n|no|п/п|номер.*|#)$");
    private static final Pattern DEADLINE_HEADER = Pattern.compile("^срок.*");
    private static final Pattern RESPONSIBLE_HEADER = Pattern.compile("^(?:ответствен|исполнител).*");
    private static final Pattern SPEAKER_HEADER = Pattern.compile("^(?:докладчик|выступающ|содокладчик).*");

    private TableLines() {
    }

    /** @param rows the rows' cells; a cell's paragraphs are separated by «\n» */
    static List<String> of(List<List<String>> rows) {
        if (rows.size() >= 2 && hasLabelColumn(rows.get(0))) {
            return labelled(rows);
        }
        List<String> lines = new ArrayList<>();
        if (rows.size() >= 2 && numberColumn(rows.get(0)) >= 0) {
            // «№ | ФИО | Должность»: a numbered list whose row is one entry
            int numberColumn = numberColumn(rows.get(0));
            for (List<String> row : rows.subList(1, rows.size())) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    String v = joined(row.get(c), " ");
                    if (c != numberColumn && !v.isEmpty()) {
                        values.add(v);
                    }
                }
                String number = numberColumn < row.size()
                        ? ProtocolText.withoutEndPunctuation(joined(row.get(numberColumn), " ")) : "";
                String entry = String.join(", ", values);
                if (!number.isEmpty() || !entry.isEmpty()) {
                    lines.add(number.isEmpty() ? entry : (number + ". " + entry).strip());
                }
            }
            return lines;
        }
        for (List<String> row : rows) {
            for (String cell : row) {
                for (String paragraph : cell.split("\n")) {
                    if (!paragraph.isBlank()) {
                        lines.add(paragraph.strip());
                    }
                }
            }
        }
        return lines;
    }

    /**
     * A table typed in plain text wraps a long cell onto a row of its own whose «№» cell is empty: that row goes on
     * the numbered row above it, cell by cell, as the cell's next paragraph.
     */
    static List<List<String>> withWrappedRowsJoined(List<List<String>> rows) {
        if (rows.size() < 3 || numberColumn(rows.get(0)) < 0) {
            return rows;
        }
        int numberColumn = numberColumn(rows.get(0));
        List<List<String>> joined = new ArrayList<>();
        joined.add(rows.get(0));
        for (List<String> row : rows.subList(1, rows.size())) {
            boolean unnumbered = numberColumn >= row.size() || row.get(numberColumn).isBlank();
            if (unnumbered && joined.size() > 1 && row.stream().anyMatch(cell -> !cell.isBlank())) {
                List<String> above = new ArrayList<>(joined.getLast());
                for (int c = 0; c < row.size(); c++) {
                    String cell = row.get(c);
                    if (cell.isBlank()) {
                        continue;
                    }
                    while (above.size() <= c) {
                        above.add("");
                    }
                    above.set(c, above.get(c).isBlank() ? cell : above.get(c) + "\n" + cell);
                }
                joined.set(joined.size() - 1, above);
            } else {
                joined.add(row);
            }
        }
        return joined;
    }

    private static boolean hasLabelColumn(List<String> header) {
        return header.size() >= 2 && header.stream().anyMatch(cell -> label(key(cell)) != null);
    }

    private static int numberColumn(List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            if (NUMBER_HEADER.matcher(key(header.get(c))).matches()) {
                return c;
            }
        }
        return -1;
    }

    private static List<String> labelled(List<List<String>> rows) {
        List<String> header = rows.get(0);
        int numberColumn = numberColumn(header);
        int mainColumn = -1;
        for (int c = 0; c < header.size() && mainColumn < 0; c++) {
            if (c != numberColumn && label(key(header.get(c))) == null) {
                mainColumn = c;
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String number = numberColumn >= 0 && numberColumn < row.size()
                    ? ProtocolText.withoutEndPunctuation(joined(row.get(numberColumn), " ")) : "";
            String main = mainColumn >= 0 && mainColumn < row.size() ? joined(row.get(mainColumn), " ") : "";
            if (!number.isEmpty() || !main.isEmpty()) {
                lines.add(number.isEmpty() ? main : (number + ". " + main).strip());
            }
            for (int c = 0; c < row.size(); c++) {
                if (c == numberColumn || c == mainColumn) {
                    continue;
                }
                String name = c < header.size() ? header.get(c).replaceAll("\\s+", " ").strip() : "";
                String canonical = label(key(name));
                String value = joined(row.get(c), RESPONSIBLE_HEADER.matcher(key(name)).matches() ? "; " : " ");
                if (!value.isEmpty()) {
                    lines.add((canonical != null ? canonical : name.isEmpty() ? "Примечание" : name) + ": " + value);
                }
            }
        }
        return lines;
    }

    /** The label a column's values get: the header as the parser knows it, or null for a text column. */
    private static String label(String headerKey) {
        if (DEADLINE_HEADER.matcher(headerKey).matches()) {
            return "Срок";
        }
        if (RESPONSIBLE_HEADER.matcher(headerKey).matches()) {
            return "Ответственные";
        }
        if (SPEAKER_HEADER.matcher(headerKey).matches()) {
            return "Докладчик";
        }
        return null;
    }

    private static String key(String header) {
        return header.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip()
                .toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static String joined(String cell, String separator) {
        List<String> parts = new ArrayList<>();
        for (String p : cell.split("\n")) {
            if (!p.isBlank()) {
                parts.add(separator.equals(" ") ? p.strip() : ProtocolText.withoutEndPunctuation(p));
            }
        }
        return String.join(separator, parts);
    }
}

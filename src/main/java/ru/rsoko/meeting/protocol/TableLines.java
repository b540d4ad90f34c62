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
                if (!entry.isEmpty()) {
                    lines.add(number.isEmpty() ? entry : (number + ". " + entry).strip());
                }
            }
            return lines;
        }
        for (List<String> row : rows) {
            if (row.stream().anyMatch(cell -> SIGNATURE_CELL.matcher(cell.strip()).matches())) {
                // «Заместитель председателя ГЭК | подпись | А.Л. Пономарёв»: a signature laid out in a table, one line
                // the signature's place is kept as a form's line is, «___», which tells a signature line
                lines.add(String.join(" ", row.stream().map(String::strip).filter(cell -> !cell.isEmpty())
                        .map(cell -> SIGNATURE_CELL.matcher(cell).matches() ? "___" : cell).toList()));
                continue;
            }
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
                    // a typed table wraps a cell's text: the next line goes on with it, a point («- …») stays apart
                    above.set(c, above.get(c).isBlank() ? cell
                            : ProtocolText.hasBullet(cell) ? above.get(c) + "\n" + cell : ProtocolText.joinWrapped(above.get(c), cell));
                }
                joined.set(joined.size() - 1, above);
            } else {
                joined.add(row);
            }
        }
        return joined;
    }

    private static final Pattern SIGNATURE_CELL = Pattern.compile("(?iu)^\\(?(?:личная\\s+)?подпись\\)?$|^_{3,}$");
    private static final Pattern PAGE_NUMBER_ALONE = Pattern.compile("^\\d{1,3}$");
    private static final Pattern ROW_NUMBER = Pattern.compile("^\\d{1,2}(?:\\.\\d{1,2})*\\.?$");
    private static final int LONGEST_HEADER_CELL = 40;
    /** How far a cell-per-line table is looked for: a bound, so a text of many «№» lines stays linear. */
    private static final int LONGEST_TABLE_LINES = 2000;

    /**
     * A Word table copied as text gives each cell a line of its own: «№ п/п», «Мероприятие», «Ответственный»,
     * «Срок исполнения», then «1.», its text, its party, its deadline, «2.» … A header of such short lines that opens
     * with the «№» column and names a deadline or responsible column is read as a table of that many columns; its
     * rows are a number line and one line per other cell (a cell of two paragraphs makes the row longer: the surplus
     * goes to the text column). The table ends with a row that is not followed by the next number.
     */
    static List<String> withCellPerLineTablesRead(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            // a page break inside the table: its furniture («Страница 1 из 2») is no cell, and follows the table
            List<String> cells = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            // the header repeated at the top of the next page is no row either, and is dropped as a table's is
            boolean[] repeatedHeader = new boolean[Math.min(lines.size(), i + LONGEST_TABLE_LINES) - i];
            List<Integer> pageNumbers = new ArrayList<>();
            if (isHeaderCell(lines.get(i)) && NUMBER_HEADER.matcher(key(lines.get(i))).matches()) {
                List<String> header = headerAt(lines, i);
                for (int k = i; k < Math.min(lines.size(), i + LONGEST_TABLE_LINES); k++) {
                    if (k > i && header.size() >= 3 && k + header.size() <= lines.size()
                            && lines.subList(k, k + header.size()).equals(header)) {
                        for (int h = 0; h < header.size() && k - i + h < repeatedHeader.length; h++) {
                            repeatedHeader[k - i + h] = true;
                        }
                        if (!at.isEmpty() && at.getLast() == k - 1 && PAGE_NUMBER_ALONE.matcher(cells.getLast()).matches()) {
                            // «2» right above the header repeated: the page's number, not a row's
                            pageNumbers.add(at.removeLast());
                            cells.removeLast();
                        }
                        k += header.size() - 1;
                        continue;
                    }
                    if (!isPageFurniture(lines.get(k))) {
                        cells.add(lines.get(k));
                        at.add(k);
                    }
                }
            }
            int read = cells.isEmpty() ? 0 : cellPerLineTable(cells, 0, out);
            if (read > 0) {
                int end = read < at.size() ? at.get(read) : lines.size();
                for (int k = i; k < end; k++) {
                    if ((isPageFurniture(lines.get(k)) || pageNumbers.contains(k)) && !(k - i < repeatedHeader.length && repeatedHeader[k - i])) {
                        out.add(lines.get(k));
                    }
                }
                i = end;
            } else {
                out.add(lines.get(i));
                i++;
            }
        }
        return out;
    }

    /** «№ п/п», «Мероприятие», «Срок», …: the short lines from {@code from} up to the first row's number. */
    private static List<String> headerAt(List<String> lines, int from) {
        int end = from + 1;
        while (end < lines.size() && end - from < 8 && !ROW_NUMBER.matcher(lines.get(end)).matches() && isHeaderCell(lines.get(end))) {
            end++;
        }
        return lines.subList(from, end);
    }

    /** Furniture, but not a row's number: «3» alone is read as a page number elsewhere. */
    private static boolean isPageFurniture(String line) {
        return ProtocolText.isFurniture(line) && !ROW_NUMBER.matcher(line).matches();
    }

    /** Reads a cell-per-line table starting at {@code from} into {@code out}; the index after it, or {@code from}. */
    private static int cellPerLineTable(List<String> lines, int from, List<String> out) {
        if (!isHeaderCell(lines.get(from)) || !NUMBER_HEADER.matcher(key(lines.get(from))).matches()) {
            return from;
        }
        List<String> header = new ArrayList<>(List.of(lines.get(from)));
        int i = from + 1;
        while (i < lines.size() && !ROW_NUMBER.matcher(lines.get(i)).matches() && isHeaderCell(lines.get(i))
                && header.size() < 8) {
            if (header.size() == 1 && lines.get(i).strip().matches("п/п|пп") && header.getFirst().strip().matches("№|N")) {
                // «№» / «п/п»: the number column's header in two paragraphs, one cell
                header.set(0, header.getFirst() + " " + lines.get(i));
            } else {
                header.add(lines.get(i));
            }
            i++;
        }
        int columns = header.size();
        if (columns < 3 || i >= lines.size() || !ROW_NUMBER.matcher(lines.get(i)).matches()
                || header.stream().noneMatch(cell -> label(key(cell)) != null)) {
            return from;
        }
        int mainColumn = -1;
        for (int c = 1; c < columns && mainColumn < 0; c++) {
            if (label(key(header.get(c))) == null) {
                mainColumn = c;
            }
        }
        if (mainColumn < 0) {
            return from;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        while (i < lines.size() && ROW_NUMBER.matcher(lines.get(i)).matches()) {
            int start = i + 1;
            int stop = start;
            while (stop < lines.size() && !ROW_NUMBER.matcher(lines.get(stop)).matches()) {
                stop++;
            }
            boolean last = stop >= lines.size();
            if (stop - start < columns - 1 && !last && stop - start >= 1) {
                // an empty cell leaves no line: the row is shorter, the next number follows it
                rows.add(shortRow(header, mainColumn, lines.get(i), lines.subList(start, stop)));
                i = stop;
                continue;
            }
            if (stop - start < columns - 1 || last) {
                // the last row: its cells and no more; what follows is the text after the table
                stop = mainColumn == 1 ? lastRowEnd(lines, start, columns - 1) : Math.min(start + columns - 1, lines.size());
                last = true;
            }
            List<String> cells = new ArrayList<>(lines.subList(start, stop));
            if (cells.size() < columns - 1) {
                break;
            }
            List<String> grouped = mainColumn == 1 && cells.size() > columns - 1 ? cellsOfWrappedLines(cells, columns - 1) : null;
            if (grouped != null) {
                List<String> row = new ArrayList<>();
                row.add(lines.get(i));
                row.addAll(grouped);
                rows.add(row);
                i = stop;
                if (last && (i >= lines.size() || !ROW_NUMBER.matcher(lines.get(i)).matches())) {
                    break;
                }
                continue;
            }
            int surplus = cells.size() - (columns - 1);
            List<String> row = new ArrayList<>();
            row.add(lines.get(i));
            int k = 0;
            for (int c = 1; c < columns; c++) {
                int take = c == mainColumn ? 1 + surplus : 1;
                row.add(String.join("\n", cells.subList(k, k + take)));
                k += take;
            }
            rows.add(row);
            i = stop;
            if (last && (i >= lines.size() || !ROW_NUMBER.matcher(lines.get(i)).matches())) {
                break;
            }
        }
        if (rows.size() < 2) {
            return from;
        }
        out.addAll(of(rows));
        return i;
    }

    /** A term's first words: a deadline cell begins a cell of its own even in lower case. */
    private static final Pattern TERM_START = Pattern.compile(
            "(?iu)^(?:до\\s|в\\s+течение|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|во?\\s+(?:[IVX]+|перв|втор|трет|четв|январ|феврал|март|апрел|ма[ея]|июн|июл|август|сентябр"
                    + "|октябр|ноябр|декабр|летн|срок)|не\\s+позднее|постоянно|ежемесячно|еженедельно|ежегодно|ежедневно|ежеквартально"
                    + "|по\\s+мере|по\\s+итогам|к\\s+\\d|\\d"
                    + "|в\\s+(?:период|дни|день|ходе)(?![а-яё])|после\\s+(?:кажд|проведени|заверш|окончани)|к\\s+(?:началу|концу)|по\\s+графику)");
    /** «… с» / «учителем-логопедом»: a line that ends on a preposition or a conjunction goes on in the next. */
    private static final Pattern ENDS_UNFINISHED = Pattern.compile("(?u)(?:[,\\-–]|(?<![\\p{L}])(?:в|во|с|со|и|на|под|для|по|к|о|об|от|до|за|из|при|без|в\\s+течение|в\\s+период|не\\s+позднее))$");
    private static final Pattern INITIALS_ONLY = Pattern.compile("^[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.?[,;]?$");

    /** Whether a cell's next line goes on with the line before it rather than opening the next cell. */
    private static boolean goesOn(String before, String line) {
        if (INITIALS_ONLY.matcher(line).matches() || ENDS_UNFINISHED.matcher(before).find()
                || YEAR_ALONE.matcher(line).matches() || line.startsWith("(")) {
            // «до 20 декабря» / «2024 г.», «отдел общего образования» / «(Миронова С.А.)»
            return true;
        }
        if (CATEGORY_START.matcher(line).lookingAt() && !ENDS_UNFINISHED.matcher(before).find()) {
            // «… председателями ПК» / «председатели ПК»: a category of people opens the responsible cell
            return false;
        }
        if (WHOLE_TERM.matcher(before).matches() || TERM_START.matcher(before).lookingAt() && ENDS_WITH_YEAR.matcher(before).find()) {
            // «ежеквартально» / «отдел общего»: a term complete in its line, the next cell begins
            return false;
        }
        return Character.isLowerCase(line.charAt(0)) && !TERM_START.matcher(line).lookingAt();
    }

    private static final Pattern ABBREVIATION_ALONE = Pattern.compile("^[А-ЯЁA-Z]{2,6}(?:-\\d+)?[.,;]?$");
    private static final Pattern CATEGORY_START = Pattern.compile(
            "^(?:председатели|руководители|заместители|учителя|педагоги|специалисты|методисты|члены|классные|эксперты"
                    + "|координаторы|сотрудники|директора|воспитатели|администрация)(?![а-яё])");
    private static final Pattern YEAR_ALONE = Pattern.compile("(?iu)^\\d{4}(?:\\s*[-–/]\\s*\\d{2,4})?\\s*(?:г\\.?|года?|гг\\.?)?[.;,]?$");
    private static final Pattern WHOLE_TERM = Pattern.compile("(?iu)^(?:постоянно|ежегодно|ежеквартально|ежемесячно|еженедельно|ежедневно"
            + "|систематически|регулярно|(?:до\\s+)?\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}(?:\\s*г\\.?)?|\\d{4}\\s*(?:г\\.?|года?))[.;,]?$");
    private static final Pattern ENDS_WITH_YEAR = Pattern.compile("(?iu)\\s\\d{4}\\s*(?:г\\.?|года?)[.;,]?$");

    /**
     * A row whose cells wrapped onto lines of their own («Носкова Т.В.,» / «Тимергалиева А.Р.», «во втором» /
     * «полугодии»): the lines grouped into cells where a line goes on with the one before; more groups than cells
     * means the text column's own lines began in capitals, so the first groups are that column's. Null when the
     * lines make fewer groups than the row has cells.
     */
    private static List<String> cellsOfWrappedLines(List<String> lines, int cells) {
        List<List<String>> groups = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (!groups.isEmpty() && goesOn(groups.getLast().getLast(), line)) {
                groups.getLast().add(line);
            } else {
                groups.add(new ArrayList<>(List.of(line)));
            }
        }
        if (groups.size() < cells) {
            return null;
        }
        while (groups.size() > cells) {
            // «отдел сопровождения» / «ГИА»: an abbreviation alone on a line ends the cell above it; else the text
            // column, the first, took the surplus
            int abbreviation = -1;
            for (int g = 1; g < groups.size() && abbreviation < 0; g++) {
                // «в период» / «проведения ВПР» / «МОУО»: after a term, an abbreviation is the next cell
                if (groups.get(g).size() == 1 && ABBREVIATION_ALONE.matcher(groups.get(g).getFirst()).matches()
                        && !TERM_START.matcher(groups.get(g - 1).getFirst()).lookingAt()) {
                    abbreviation = g;
                }
            }
            if (abbreviation > 0) {
                groups.get(abbreviation - 1).addAll(groups.remove(abbreviation));
            } else {
                groups.get(0).addAll(groups.remove(1));
            }
        }
        List<String> row = new ArrayList<>();
        for (List<String> group : groups) {
            // the lines of one cell are its wrapped text: «Гареева Л.Р., Зуева» / «О.Н.» is one party list
            String cell = group.getFirst();
            for (String line : group.subList(1, group.size())) {
                cell = ProtocolText.joinWrapped(cell, line);
            }
            row.add(cell);
        }
        return row;
    }

    /** Where the table's last row ends: after the line that completes its cells, before one that would open another. */
    private static int lastRowEnd(List<String> lines, int start, int cells) {
        int groups = 0;
        String before = null;
        int k = start;
        for (; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.isEmpty()) {
                continue;
            }
            boolean opens = before == null || !goesOn(before, line);
            if (opens && groups == cells) {
                break;
            }
            groups += opens ? 1 : 0;
            before = line;
        }
        return Math.max(k, Math.min(start + cells, lines.size()));
    }

    /** «№ п/п», «Мероприятие», «Срок исполнения»: short, no figures and no «Срок:» label with its value. */
    private static boolean isHeaderCell(String line) {
        return line.length() <= LONGEST_HEADER_CELL && !HEADER_MISFIT.matcher(line).find();
    }

    private static final Pattern HEADER_MISFIT = Pattern.compile("[\\d:;]");

    /**
     * A row with empty cells: its first line is the text, each other goes to the deadline column when it reads as a
     * term («до 01.03.2023», «постоянно», «май 2023 года»), else to the responsible one.
     */
    private static List<String> shortRow(List<String> header, int mainColumn, String number, List<String> cells) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            row.add("");
        }
        row.set(0, number);
        row.set(mainColumn, cells.get(0));
        for (String cell : cells.subList(1, cells.size())) {
            boolean term = TERM.matcher(cell).find();
            for (int c = 1; c < header.size(); c++) {
                String label = label(key(header.get(c)));
                if (row.get(c).isEmpty() && ("Срок".equals(label) ? term : "Ответственные".equals(label) && !term)) {
                    row.set(c, cell);
                    break;
                }
            }
        }
        return row;
    }

    private static final Pattern TERM = Pattern.compile("(?iu)\\d|постоянно|в течение|ежегодно|ежемесячно|еженедельно"
            + "|ежедневно|по мере|до конца|четверт|полугоди|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр"
            + "|октябр|ноябр|декабр");

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
            if (blankBesides(row, numberColumn)) {
                // «5 | | |»: a row the template left for one more entry, empty
                continue;
            }
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

    /** Whether every cell of the row but its number is empty, or marked empty with «–». */
    private static boolean blankBesides(List<String> row, int numberColumn) {
        for (int c = 0; c < row.size(); c++) {
            if (c != numberColumn && !joined(row.get(c), " ").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** «–», «-», «—», «|» in a cell: how an empty cell is marked, or what is left of its border. */
    private static final Pattern EMPTY_CELL = Pattern.compile("^[\\s\\-–—|¦]+$");

    private static String joined(String cell, String separator) {
        List<String> parts = new ArrayList<>();
        for (String p : cell.split("\n")) {
            if (!p.isBlank() && !EMPTY_CELL.matcher(p).matches()) {
                parts.add(separator.equals(" ") ? p.strip() : ProtocolText.withoutEndPunctuation(p));
            }
        }
        if (!separator.equals(" ") || parts.size() < 2) {
            return String.join(separator, parts);
        }
        // «… к приёмке муници-» / «пальной комиссией»: a word the cell's width broke; each join looks at the last word
        // only, so a cell of many paragraphs is joined in one pass
        StringBuilder text = new StringBuilder(parts.getFirst());
        for (String part : parts.subList(1, parts.size())) {
            int wordStart = text.lastIndexOf(" ") + 1;
            String lastWord = text.substring(wordStart);
            String joined = ProtocolText.joinWrapped(lastWord, part);
            text.setLength(wordStart);
            text.append(joined);
        }
        return text.toString();
    }
}

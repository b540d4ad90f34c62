package ru.rsoko.platform.spreadsheet;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One problem of an upload, where the user will find it: sheet row (1-based, as Excel shows it) and column. */
public record ImportError(Integer row, String column, String message) implements Serializable {

    /** The most characters of a quoted cell text (and of a column name) an error keeps once shortened. */
    public static final int QUOTED = 200;

    /** The most characters of a whole message once shortened. */
    public static final int MESSAGE = 1_000;

    private static final Pattern QUOTE = Pattern.compile("«([^«»]{" + (QUOTED + 1) + ",})»");

    public static ImportError ofFile(String message) {
        return new ImportError(null, null, message);
    }

    /**
     * The same error with every quoted text («…») over {@value #QUOTED} characters cut with a mark, and the message
     * and column within bounds: a workbook's 30,000-character cell is quoted by its error, and a refused upload's
     * errors are kept in the session.
     */
    public ImportError shortened() {
        String text = message;
        if (text != null && text.length() > QUOTED) {
            Matcher quoted = QUOTE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (quoted.find()) {
                quoted.appendReplacement(out, Matcher.quoteReplacement("«" + CellText.shorten(quoted.group(1), QUOTED) + "»"));
            }
            quoted.appendTail(out);
            text = CellText.shorten(out.toString(), MESSAGE);
        }
        return new ImportError(row, CellText.shorten(column, QUOTED), text);
    }

    public static XlsxTable<ImportError> table() {
        return XlsxTable.of("Ошибки", ImportError.class)
                .column("Строка", 10, ImportError::row)
                .column("Столбец", 28, ImportError::column)
                .column("Ошибка", 90, ImportError::message);
    }
}

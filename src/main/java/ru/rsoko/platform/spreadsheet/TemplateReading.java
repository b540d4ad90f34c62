package ru.rsoko.platform.spreadsheet;

import ru.rsoko.platform.web.Plurals;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading back a workbook the product gave out as a template: a marker row that names the template and what it was
 * made for, a header row, then the data rows, streamed. What every such upload shares is here — the order of the
 * rows, a limit on their number, finding the columns by their headers, refusing formulas and Excel errors, and
 * turning anything that stops the reading into one error for the whole file; an upload checks its own marker and
 * data rows. Errors of the rows are collected, and {@link #read} refuses the file when there are any.
 */
public abstract class TemplateReading {

    static final String FORMULA = "формулы не принимаются, вставьте значение";

    /** The reading cannot go on (not the template, too long): one error for the whole file. */
    private static final class Stop extends RuntimeException {
        final ImportError error;

        Stop(ImportError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private final List<String> headers;
    private final int[] required;
    private final int maxRows;
    private final String wrongTemplate;
    private final String noRows;
    private final List<ImportError> errors = new ArrayList<>();
    private boolean markerSeen;
    private int[] columns;
    private int dataRows;

    /**
     * @param headers       the template's headers, in the order of the constants the upload names columns by
     * @param required      the columns the upload reads (positions in {@code headers})
     * @param wrongTemplate the message for a file that is not this template
     * @param noRows        the message for a template without data rows
     */
    protected TemplateReading(List<String> headers, int[] required, int maxRows, String wrongTemplate, String noRows) {
        this.headers = headers;
        this.required = required;
        this.maxRows = maxRows;
        this.wrongTemplate = wrongTemplate;
        this.noRows = noRows;
    }

    /** Checks the marker row; {@link #stop} when it is not this template or was made for something else. */
    protected abstract void marker(SheetRow row);

    /** One data row; its required cells hold neither formulas nor Excel errors. */
    protected abstract void data(SheetRow row);

    /**
     * Reads the sheet and refuses the file, with its errors, when it is not the template, has no data rows or any row
     * is wrong.
     */
    public final void read(InputStream workbook, String sheet) {
        try {
            XlsxReader.read(workbook, sheet, this::row);
        } catch (SpreadsheetException e) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(e.getMessage())));
        } catch (Stop e) {
            throw new ImportRejectedException(List.of(e.error));
        }
        if (columns == null) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(markerSeen ? noRows : wrongTemplate)));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        if (dataRows == 0) {
            throw new ImportRejectedException(List.of(ImportError.ofFile(noRows)));
        }
    }

    /** Ends the reading with one error about the whole file. */
    protected static RuntimeException stop(ImportError error) {
        return new Stop(error);
    }

    protected static RuntimeException stop(String message) {
        return new Stop(ImportError.ofFile(message));
    }

    /** The cell of the row under a column of the template. */
    protected final SheetCell cell(SheetRow row, int column) {
        return row.cell(columns[column]);
    }

    protected final void error(int row, int column, String message) {
        errors.add(new ImportError(row, headers.get(column), message));
    }

    protected final void errors(List<ImportError> more) {
        errors.addAll(more);
    }

    protected final boolean hasErrors() {
        return !errors.isEmpty();
    }

    public final int dataRows() {
        return dataRows;
    }

    private void row(SheetRow row) {
        if (row.isBlank()) {
            return;
        }
        if (!markerSeen) {
            marker(row);
            markerSeen = true;
        } else if (columns == null) {
            header(row);
        } else {
            if (++dataRows > maxRows) {
                throw stop("В файле больше " + Plurals.of(maxRows, "строки", "строк", "строк") + ": разделите его на части");
            }
            if (clean(row)) {
                data(row);
            }
        }
    }

    private void header(SheetRow row) {
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            found.putIfAbsent(row.cell(i).value().toLowerCase(Locale.ROOT), i);
        }
        int[] at = new int[headers.size()];
        List<String> missing = new ArrayList<>();
        for (int c : required) {
            Integer i = found.get(headers.get(c).toLowerCase(Locale.ROOT));
            if (i == null) {
                missing.add("«" + headers.get(c) + "»");
            } else {
                at[c] = i;
            }
        }
        if (!missing.isEmpty()) {
            throw stop(new ImportError(row.number(), null, "Это не тот шаблон: нет " + (missing.size() == 1
                    ? "столбца " : "столбцов ") + String.join(", ", missing) + ". Не меняйте заголовки шаблона; "
                    + "скачайте шаблон заново."));
        }
        columns = at;
    }

    /** Whether the row's required cells hold values: a formula or an Excel error is refused in place. */
    private boolean clean(SheetRow row) {
        boolean clean = true;
        for (int c : required) {
            SheetCell cell = cell(row, c);
            if (cell.kind() == SheetCell.Kind.FORMULA) {
                error(row.number(), c, "в ячейке формула «" + cell.value() + "»: " + FORMULA);
                clean = false;
            } else if (cell.kind() == SheetCell.Kind.ERROR) {
                error(row.number(), c, "в ячейке ошибка Excel: вставьте значение");
                clean = false;
            }
        }
        return clean;
    }
}

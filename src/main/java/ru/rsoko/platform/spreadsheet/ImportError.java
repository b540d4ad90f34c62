package ru.rsoko.platform.spreadsheet;

import java.io.Serializable;

/** One problem of an upload, where the user will find it: sheet row (1-based, as Excel shows it) and column. */
public record ImportError(Integer row, String column, String message) implements Serializable {

    public static ImportError ofFile(String message) {
        return new ImportError(null, null, message);
    }

    public static XlsxTable<ImportError> table() {
        return XlsxTable.of("Ошибки", ImportError.class)
                .column("Строка", 10, ImportError::row)
                .column("Столбец", 28, ImportError::column)
                .column("Ошибка", 90, ImportError::message);
    }
}

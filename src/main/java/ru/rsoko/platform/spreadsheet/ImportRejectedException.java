package ru.rsoko.platform.spreadsheet;

import java.util.List;

/** An all-or-nothing import found errors: nothing was written; the user gets every error at once. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportError> errors;

    public ImportRejectedException(List<ImportError> errors) {
        super("Файл не загружен: найдено ошибок — " + errors.size() + ". Ничего не сохранено.");
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}

package ru.rsoko.platform.spreadsheet;

import ru.rsoko.platform.web.Plurals;
import java.util.ArrayList;
import java.util.List;

/**
 * An all-or-nothing import found errors: nothing was written; the user gets the errors at once. A file
 * wrong in every cell is not repeated back whole: the first {@value #MAX_ERRORS} errors are enough to act on.
 */
public class ImportRejectedException extends RuntimeException {

    static final int MAX_ERRORS = 1000;

    private final List<ImportError> errors;

    public ImportRejectedException(List<ImportError> errors) {
        this("Файл не загружен: найдено ошибок — " + errors.size() + ". Ничего не сохранено.", errors);
    }

    /** The same for input that is not a file (a form, an API body): the message says what was refused. */
    public ImportRejectedException(String message, List<ImportError> errors) {
        super(message);
        if (errors.size() > MAX_ERRORS) {
            List<ImportError> first = new ArrayList<>(errors.subList(0, MAX_ERRORS));
            first.add(ImportError.ofFile("Показаны первые " + Plurals.of(MAX_ERRORS, "ошибка", "ошибки", "ошибок") + " из " + errors.size()
                    + ": исправьте их и загрузите файл снова."));
            this.errors = List.copyOf(first);
        } else {
            this.errors = List.copyOf(errors);
        }
    }

    public List<ImportError> errors() {
        return errors;
    }
}

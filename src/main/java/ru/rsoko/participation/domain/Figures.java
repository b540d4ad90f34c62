package ru.rsoko.participation.domain;

import ru.rsoko.platform.spreadsheet.ImportError;

import java.util.List;

/**
 * The rules of one row's figures, the same on the form, in the workbook and in the API: both numbers given, whole,
 * not negative, not absurd, and no more participants than pupils. Errors are added in Russian with the row and
 * column the person will look at.
 */
final class Figures {

    static final int MAX = 10_000;
    static final String PUPILS = "Число обучающихся";
    static final String PARTICIPANTS = "Число участников";
    static final String OBSERVERS = "Общественные наблюдатели";

    private Figures() {
    }

    /** A count as typed: blank, not a whole number, negative or too large is an error (and null). */
    static Integer parse(String text, Integer row, String column, List<ImportError> errors) {
        String what = column.toLowerCase(java.util.Locale.ROOT);
        String cleaned = text == null ? "" : text.strip().replace(" ", "").replace("\u00a0", "");
        if (cleaned.isEmpty()) {
            errors.add(new ImportError(row, column, "не указано " + what));
            return null;
        }
        if (cleaned.matches("\\d+([.,]0+)?")) {
            cleaned = cleaned.replaceAll("[.,]0+$", "");
            if (cleaned.length() > 7) {
                errors.add(new ImportError(row, column, tooLarge(column)));
                return null;
            }
            return check(Integer.parseInt(cleaned), row, column, errors);
        }
        if (cleaned.matches("-\\d+([.,]\\d+)?")) {
            errors.add(new ImportError(row, column, column + " не может быть отрицательным: «" + shorten(text.strip()) + "»"));
            return null;
        }
        if (cleaned.matches("\\d+[.,]\\d+")) {
            errors.add(new ImportError(row, column, column + " должно быть целым числом, а не «" + shorten(text.strip()) + "»"));
            return null;
        }
        errors.add(new ImportError(row, column, column + " должно быть целым числом, а не «" + shorten(text.strip()) + "»"));
        return null;
    }

    /** A count given as a number (the API, a number cell). */
    static Integer check(Integer value, Integer row, String column, List<ImportError> errors) {
        if (value == null) {
            errors.add(new ImportError(row, column, "не указано " + column.toLowerCase(java.util.Locale.ROOT)));
            return null;
        }
        if (value < 0) {
            errors.add(new ImportError(row, column, column + " не может быть отрицательным: " + value));
            return null;
        }
        if (value > MAX) {
            errors.add(new ImportError(row, column, tooLarge(column)));
            return null;
        }
        return value;
    }

    /** Participants never exceed pupils; checked once both numbers are valid. */
    static boolean consistent(int pupils, int participants, Integer row, List<ImportError> errors) {
        if (participants > pupils) {
            errors.add(new ImportError(row, PARTICIPANTS, "участников (" + participants + ") больше, чем обучающихся ("
                    + pupils + "): число участников не может превышать число обучающихся"));
            return false;
        }
        return true;
    }

    /** «да» / «нет» as people write it; blank is «нет»; anything else is an error (and null). */
    static Boolean yesNo(String text, Integer row, String column, List<ImportError> errors) {
        String value = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "", "нет", "н", "no", "false", "0", "-", "ложь" -> false;
            case "да", "д", "yes", "true", "1", "+", "истина" -> true;
            default -> {
                errors.add(new ImportError(row, column, "укажите «да» или «нет», а не «" + shorten(text.strip()) + "»"));
                yield null;
            }
        };
    }

    private static String tooLarge(String column) {
        return column + " слишком большое (больше " + MAX + " в одном классе одной ОО): проверьте число";
    }

    static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }
}

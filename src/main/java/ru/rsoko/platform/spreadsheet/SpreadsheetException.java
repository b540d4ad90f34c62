package ru.rsoko.platform.spreadsheet;

/** The upload is not a readable .xlsx workbook; the message says so in Russian. */
public class SpreadsheetException extends RuntimeException {

    public SpreadsheetException(String message) {
        super(message);
    }

    public SpreadsheetException(String message, Throwable cause) {
        super(message, cause);
    }
}

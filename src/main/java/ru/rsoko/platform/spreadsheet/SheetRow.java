package ru.rsoko.platform.spreadsheet;

import java.util.List;

/** A row of an uploaded sheet; {@code number} is the row number Excel shows (1-based). */
public record SheetRow(int number, List<SheetCell> cells) {

    public SheetCell cell(int column) {
        return column < cells.size() ? cells.get(column) : SheetCell.BLANK;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(SheetCell::isBlank);
    }
}

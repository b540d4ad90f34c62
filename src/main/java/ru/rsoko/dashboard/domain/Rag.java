package ru.rsoko.dashboard.domain;

/** Red, amber or green of a dashboard cell by the region's thresholds; NONE when there is nothing to judge. */
public enum Rag {
    GREEN("table-success", "в норме"),
    AMBER("table-warning", "требует внимания"),
    RED("table-danger", "отстаёт"),
    NONE("", "нет данных");

    private final String cellClass;
    private final String label;

    Rag(String cellClass, String label) {
        this.cellClass = cellClass;
        this.label = label;
    }

    public String cellClass() {
        return cellClass;
    }

    public String label() {
        return label;
    }
}

package ru.rsoko.vsoko;

import java.math.BigDecimal;

/** How far a school's ВСОКО is formed, by the framework's thresholds on the share of points earned. */
public enum Level {
    FORMED("сформирована"),
    PARTIAL("частично сформирована"),
    NOT_FORMED("не сформирована");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level of a score in per cent: at a threshold counts as reaching it. */
    public static Level of(BigDecimal percent, BigDecimal formedFrom, BigDecimal partialFrom) {
        if (percent.compareTo(formedFrom) >= 0) {
            return FORMED;
        }
        return percent.compareTo(partialFrom) >= 0 ? PARTIAL : NOT_FORMED;
    }
}

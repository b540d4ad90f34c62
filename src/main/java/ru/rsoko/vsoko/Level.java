package ru.rsoko.vsoko;

import ru.rsoko.platform.web.Badge;

import java.math.BigDecimal;

/** How far a school's ВСОКО is formed, by the framework's thresholds on the share of points earned. */
public enum Level implements Badge {
    FORMED("сформирована", "text-bg-success"),
    PARTIAL("частично сформирована", "text-bg-warning"),
    NOT_FORMED("не сформирована", "text-bg-danger");

    private final String label;
    private final String badgeClass;

    Level(String label, String badgeClass) {
        this.label = label;
        this.badgeClass = badgeClass;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String badgeClass() {
        return badgeClass;
    }

    /** The level of a score in per cent: at a threshold counts as reaching it. */
    public static Level of(BigDecimal percent, BigDecimal formedFrom, BigDecimal partialFrom) {
        if (percent.compareTo(formedFrom) >= 0) {
            return FORMED;
        }
        return percent.compareTo(partialFrom) >= 0 ? PARTIAL : NOT_FORMED;
    }
}

package ru.rsoko.vsoko.result;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages and points of the results as Russian papers write them, for the result pages and workbooks. */
public final class ResultNumbers {

    private ResultNumbers() {
    }

    /** Points: «24,38», «28»; «—» for none. */
    public static String points(BigDecimal points) {
        return points == null ? "—" : points.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A percentage with one decimal where it has one: «66,7», «100»; «—» for none. */
    public static String text(BigDecimal percent) {
        if (percent == null) {
            return "—";
        }
        BigDecimal p = percent.setScale(1, RoundingMode.HALF_UP);
        String s = p.stripTrailingZeros().scale() <= 0 ? p.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : p.toPlainString();
        return s.replace('.', ',');
    }
}

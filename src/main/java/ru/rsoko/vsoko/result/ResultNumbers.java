package ru.rsoko.vsoko.result;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages and points of the results as Russian papers write them, for the result pages and workbooks. */
public final class ResultNumbers {

    private ResultNumbers() {
    }

    /** How many characters of a direction's name a column header keeps. */
    public static final int HEADER_NAME = 70;

    /**
     * A direction as a column header names it: «1. Система оценки качества подготовки обучающихся», the name
     * capitalised and, past {@value #HEADER_NAME} characters, cut at a word with «…».
     */
    public static String directionHeader(String code, String name) {
        String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (n.length() > HEADER_NAME) {
            int cut = n.lastIndexOf(' ', HEADER_NAME);
            n = n.substring(0, cut > HEADER_NAME / 2 ? cut : HEADER_NAME).replaceAll("[\\s,;:.—–-]+$", "") + "…";
        }
        if (!n.isEmpty()) {
            n = Character.toUpperCase(n.charAt(0)) + n.substring(1);
        }
        String c = code == null ? "" : code.strip();
        return c.isEmpty() ? n : n.isEmpty() ? c : c + (c.endsWith(".") ? " " : ". ") + n;
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

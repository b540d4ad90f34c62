package ru.rsoko.platform.web;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share as pages show it: {@code part} of {@code whole} in per cent with one decimal («80,0 %»), and what it is a
 * share of, so that every percentage can say its denominator («8 из 10 процедур, срок которых наступил»), drawn by
 * {@code fragments/common :: share(s)} with the counts on hover.
 *
 * <p>The one rounding rule of shown percentages: half up to one decimal, except that a shown figure never crosses a
 * line the exact figure does not: «100,0 %» only when the part is the whole, «0,0 %» only when it is nothing, and, with
 * a target, a figure under the target is never shown at or above it, nor one that reaches it below it (99,96 % under a
 * 100 % target is «99,9 %»). Judgements against a target ({@link #reaches}) compare the exact fraction, never the
 * rounded one, so what is shown and what is judged always agree.
 *
 * @param part  how many count
 * @param whole how many there are to count (the denominator); a share of nothing has no percentage
 * @param of    the denominator in words, as it follows «8 из 10 …»: «процедур, срок которых наступил»
 * @param ofOne the same after a whole that ends in 1 (but not 11): «8 из 21 процедуры, срок которой наступил»
 */
public record Share(long part, long whole, String of, String ofOne) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Share {
        if (part < 0 || whole < 0) {
            throw new IllegalArgumentException("A share of " + part + " of " + whole);
        }
    }

    /** A share whose denominator reads the same after any number («ОО с результатом», «обучающихся» aside). */
    public static Share of(long part, long whole, String of) {
        return new Share(part, whole, of, of);
    }

    /** A share whose denominator agrees with the number: «из 21 процедуры», «из 25 процедур». */
    public static Share of(long part, long whole, String ofOne, String ofMany) {
        return new Share(part, whole, ofMany, ofOne);
    }

    /** Whether there is anything to divide by. */
    public boolean defined() {
        return whole > 0;
    }

    /** The percentage, one decimal, by the rule above; null of nothing. */
    public @Nullable BigDecimal percent() {
        return percent(null);
    }

    /** The percentage kept on the same side of the target as the exact figure; null of nothing. */
    public @Nullable BigDecimal percent(@Nullable BigDecimal target) {
        if (whole == 0) {
            return null;
        }
        BigDecimal exact = BigDecimal.valueOf(part).multiply(HUNDRED);
        BigDecimal divisor = BigDecimal.valueOf(whole);
        BigDecimal rounded = exact.divide(divisor, 1, RoundingMode.HALF_UP);
        if (part < whole && rounded.compareTo(HUNDRED) >= 0) {
            rounded = exact.divide(divisor, 1, RoundingMode.DOWN);
        }
        if (part > 0 && rounded.signum() == 0) {
            rounded = exact.divide(divisor, 1, RoundingMode.UP);
        }
        if (target != null) {
            boolean reaches = reaches(target);
            if (!reaches && rounded.compareTo(target) >= 0) {
                rounded = exact.divide(divisor, 1, RoundingMode.DOWN);
            } else if (reaches && rounded.compareTo(target) < 0) {
                rounded = exact.divide(divisor, 1, RoundingMode.UP);
            }
        }
        return rounded;
    }

    /** Whether the exact share is at least the target percentage; nothing reaches a target when there is no whole. */
    public boolean reaches(BigDecimal target) {
        return whole > 0 && BigDecimal.valueOf(part).multiply(HUNDRED).compareTo(target.multiply(BigDecimal.valueOf(whole))) >= 0;
    }

    /** «80,0 %», or «—» of nothing. */
    public String text() {
        return percentText(percent());
    }

    /** «99,9 %» against a target, or «—» of nothing. */
    public String textAgainst(@Nullable BigDecimal target) {
        return percentText(percent(target));
    }

    /**
     * «8 из 10 процедур, срок которых наступил», «8 из 21 процедуры, срок которой наступил»; «0 из 0 …: доля не
     * вычисляется» when there is nothing to count.
     */
    public String title() {
        return whole == 0 ? "0 из 0 " + of + ": доля не вычисляется"
                : part + " из " + Plurals.of(whole, ofOne, of, of);
    }

    /** A percentage as every page writes it: «80,0 %», «100,0 %»; «—» for none. */
    public static String percentText(@Nullable BigDecimal percent) {
        return percent == null ? "—" : percent.setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
    }
}

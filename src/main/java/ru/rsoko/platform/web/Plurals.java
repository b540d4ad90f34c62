package ru.rsoko.platform.web;

/**
 * Russian counted nouns: 1 решение, 2 решения, 5 решений, 11–14 always the third form. The one place every count in
 * a page, a message, a mail or a workbook takes its word from; templates call it as
 * {@code ${T(ru.rsoko.platform.web.Plurals).of(n, 'школа', 'школы', 'школ')}}.
 */
public final class Plurals {

    private Plurals() {
    }

    /** The number with its word: «21 школа», «72 поручения», «5 решений». */
    public static String of(long n, String one, String few, String many) {
        return n + " " + word(n, one, few, many);
    }

    /** Only the word that goes with the number. */
    public static String word(long n, String one, String few, String many) {
        long tens = Math.abs(n) % 100;
        long ones = Math.abs(n) % 10;
        return tens >= 11 && tens <= 14 ? many : ones == 1 ? one : ones >= 2 && ones <= 4 ? few : many;
    }

    public static String decisions(long n) {
        return of(n, "решение", "решения", "решений");
    }

    public static String records(long n) {
        return of(n, "поручение", "поручения", "поручений");
    }

    public static String schools(long n) {
        return of(n, "школа", "школы", "школ");
    }

    public static String days(long n) {
        return of(n, "день", "дня", "дней");
    }

    public static String indicators(long n) {
        return of(n, "показатель", "показателя", "показателей");
    }

    public static String answers(long n) {
        return of(n, "ответ", "ответа", "ответов");
    }
}

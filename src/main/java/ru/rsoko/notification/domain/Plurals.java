package ru.rsoko.notification.domain;

/** Russian counted nouns: 1 решение, 2 решения, 5 решений (and 11–14 always the third form). */
final class Plurals {

    private Plurals() {
    }

    static String of(long n, String one, String few, String many) {
        long tens = n % 100;
        long ones = n % 10;
        String form = tens >= 11 && tens <= 14 ? many : ones == 1 ? one : ones >= 2 && ones <= 4 ? few : many;
        return n + " " + form;
    }

    static String decisions(long n) {
        return of(n, "решение", "решения", "решений");
    }

    static String records(long n) {
        return of(n, "поручение", "поручения", "поручений");
    }

    static String schools(long n) {
        return of(n, "школа", "школы", "школ");
    }

    static String days(long n) {
        return of(n, "день", "дня", "дней");
    }
}

package ru.rsoko.objectivity;

import java.util.Set;

/**
 * Schools were put on a year's list (ШНОР or signs of non-objectivity): by one entry or by an upload that replaced
 * the list, {@code schoolIds} being only the schools that were not on it before. Published inside that transaction.
 */
public record SchoolsListed(long regionId, int year, ListKind kind, Set<Long> schoolIds) {
}

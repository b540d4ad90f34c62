package ru.rsoko.account;

/** Filters of the accounts list; all optional. */
public record AccountFilter(String q, Role role, Long orgUnitId, Boolean enabled) {
}

package ru.rsoko.account.domain;

import ru.rsoko.access.Role;

/** Filters of the accounts list; all optional. */
public record AccountFilter(String q, Role role, Long orgUnitId, Boolean enabled) {
}

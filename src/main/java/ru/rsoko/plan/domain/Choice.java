package ru.rsoko.plan.domain;

import org.jspecify.annotations.Nullable;

/** One choice of a form's list: a municipality, a school (grouped by its municipality), an institution, a campaign. */
public record Choice(long id, String name, @Nullable String group) {
}

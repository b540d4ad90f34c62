package ru.rsoko.plan.domain;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** A region's own type of procedure as the catalogue's form sends it; an unticked box is not sent at all. */
public record TypeForm(@Nullable String name, @Nullable String grades, @Nullable BigDecimal coverageTarget,
                       @Nullable Boolean observers, @Nullable Boolean active, @Nullable Long version) {
}

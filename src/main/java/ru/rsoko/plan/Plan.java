package ru.rsoko.plan;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.web.Formats;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A region's monitoring plan-schedule of one year, approved by an order
 * («приказ Министерства образования Тверской области от 10.12.2020 № 1131/ПК»), as other modules and pages see it.
 */
public record Plan(long id, long regionId, int year, String title, @Nullable String orderIssuer,
                   @Nullable String orderNumber, @Nullable LocalDate orderDate, PlanStatus status,
                   @Nullable Instant approvedAt, long version) {

    /** «приказ Министерства образования Тверской области от 10.12.2020 № 1131/ПК», or null before there is one. */
    public @Nullable String orderWording() {
        return orderWording(orderIssuer, orderNumber, orderDate);
    }

    /** The same wording of any order's parts; null without a number or a date. */
    public static @Nullable String orderWording(@Nullable String issuer, @Nullable String number, @Nullable LocalDate date) {
        if (number == null || date == null) {
            return null;
        }
        return "приказ" + (issuer == null ? "" : " " + issuer) + " от " + Formats.DATE.format(date) + " № " + number;
    }

    public boolean isDraft() {
        return status.isDraft();
    }

    public boolean isApproved() {
        return status.isApproved();
    }
}

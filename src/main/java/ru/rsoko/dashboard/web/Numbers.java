package ru.rsoko.dashboard.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.rsoko.dashboard.domain.DashboardService.Point;
import ru.rsoko.platform.web.Share;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** How the dashboard pages write figures: «80,0 %», «—» for none; trends for the sparklines. Templates: {@code @dashboardNumbers}. */
@Component("dashboardNumbers")
public class Numbers {

    public String percent(@Nullable BigDecimal value) {
        return Share.percentText(value);
    }

    public String number(@Nullable BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A setting as a form shows it: «7,5», «3». */
    public String value(@Nullable Object value) {
        return value instanceof BigDecimal d ? number(d) : value == null ? "" : value.toString();
    }

    /** «2021:75.0;2022:80.0;2023:» — read by dashboard.js to draw a sparkline. */
    public String spark(List<Point> trend) {
        return trend.stream().map(p -> p.year() + ":" + (p.value() == null ? "" : p.value().toPlainString()))
                .collect(Collectors.joining(";"));
    }

    /** «2021 — 75,0 %, 2022 — 80,0 %» for screen readers. */
    public String trendText(List<Point> trend) {
        return trend.stream().map(p -> p.year() + " — " + percent(p.value())).collect(Collectors.joining(", "));
    }
}

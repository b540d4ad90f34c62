package ru.rsoko.dashboard.domain;

import java.math.BigDecimal;

/**
 * A region's dashboard thresholds (per cent) and risk rules' weights. The defaults are what a region without its
 * own settings works with.
 */
public record Settings(BigDecimal formedGreen, BigDecimal formedRed, BigDecimal overdueGreen, BigDecimal overdueRed,
                       BigDecimal coverageAmberGap, BigDecimal riskGreen, BigDecimal riskRed,
                       int weightVsokoNotFormed, int weightVsokoPartial, int weightVsokoNotSubmitted,
                       int weightOverdue, int overdueCap, int weightLowResults, int weightNonObjective,
                       int weightUnderTarget, int weightNoObservers, int lookbackYears, int mediumFrom, int highFrom,
                       long version) {

    public static final Settings DEFAULTS = new Settings(BigDecimal.valueOf(75), BigDecimal.valueOf(50),
            BigDecimal.valueOf(5), BigDecimal.valueOf(20), BigDecimal.valueOf(5), BigDecimal.valueOf(10),
            BigDecimal.valueOf(25), 3, 1, 2, 1, 3, 2, 2, 1, 1, 2, 2, 5, -1);

    /** The level a sum of weights reaches. */
    public RiskLevel level(int score) {
        return score >= highFrom ? RiskLevel.HIGH : score >= mediumFrom ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }
}

package ru.rsoko.dashboard.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.math.BigDecimal;
import java.time.Instant;

/** A region's dashboard settings as stored: one row per region, versioned and audited. */
@Entity
@Audited
@Table(name = "dashboard_settings")
class DashboardSettings {

    @Id
    private Long regionId;

    @Column(nullable = false)
    private BigDecimal formedGreen;

    @Column(nullable = false)
    private BigDecimal formedRed;

    @Column(nullable = false)
    private BigDecimal overdueGreen;

    @Column(nullable = false)
    private BigDecimal overdueRed;

    @Column(nullable = false)
    private BigDecimal coverageAmberGap;

    @Column(nullable = false)
    private BigDecimal riskGreen;

    @Column(nullable = false)
    private BigDecimal riskRed;

    @Column(nullable = false)
    private int weightVsokoNotFormed;

    @Column(nullable = false)
    private int weightVsokoPartial;

    @Column(nullable = false)
    private int weightVsokoNotSubmitted;

    @Column(nullable = false)
    private int weightOverdue;

    @Column(nullable = false)
    private int overdueCap;

    @Column(nullable = false)
    private int weightLowResults;

    @Column(nullable = false)
    private int weightNonObjective;

    @Column(nullable = false)
    private int weightUnderTarget;

    @Column(nullable = false)
    private int weightNoObservers;

    @Column(nullable = false)
    private int lookbackYears;

    @Column(nullable = false)
    private int mediumFrom;

    @Column(nullable = false)
    private int highFrom;

    @NotAudited
    private Instant updatedAt;

    @NotAudited
    private String updatedBy;

    @Version
    private Long version;

    protected DashboardSettings() {
    }

    DashboardSettings(long regionId) {
        this.regionId = regionId;
        apply(Settings.DEFAULTS);
    }

    void apply(Settings s) {
        this.formedGreen = s.formedGreen();
        this.formedRed = s.formedRed();
        this.overdueGreen = s.overdueGreen();
        this.overdueRed = s.overdueRed();
        this.coverageAmberGap = s.coverageAmberGap();
        this.riskGreen = s.riskGreen();
        this.riskRed = s.riskRed();
        this.weightVsokoNotFormed = s.weightVsokoNotFormed();
        this.weightVsokoPartial = s.weightVsokoPartial();
        this.weightVsokoNotSubmitted = s.weightVsokoNotSubmitted();
        this.weightOverdue = s.weightOverdue();
        this.overdueCap = s.overdueCap();
        this.weightLowResults = s.weightLowResults();
        this.weightNonObjective = s.weightNonObjective();
        this.weightUnderTarget = s.weightUnderTarget();
        this.weightNoObservers = s.weightNoObservers();
        this.lookbackYears = s.lookbackYears();
        this.mediumFrom = s.mediumFrom();
        this.highFrom = s.highFrom();
    }

    void touched(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    Settings toSettings() {
        return new Settings(formedGreen, formedRed, overdueGreen, overdueRed, coverageAmberGap, riskGreen, riskRed, weightVsokoNotFormed, weightVsokoPartial, weightVsokoNotSubmitted, weightOverdue, overdueCap, weightLowResults, weightNonObjective, weightUnderTarget, weightNoObservers, lookbackYears, mediumFrom, highFrom, version == null ? 0 : version);
    }

    Long getRegionId() {
        return regionId;
    }

    Long getVersion() {
        return version;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    BigDecimal getFormedGreen() {
        return formedGreen;
    }

    BigDecimal getFormedRed() {
        return formedRed;
    }

    BigDecimal getOverdueGreen() {
        return overdueGreen;
    }

    BigDecimal getOverdueRed() {
        return overdueRed;
    }

    BigDecimal getCoverageAmberGap() {
        return coverageAmberGap;
    }

    BigDecimal getRiskGreen() {
        return riskGreen;
    }

    BigDecimal getRiskRed() {
        return riskRed;
    }

    int getWeightVsokoNotFormed() {
        return weightVsokoNotFormed;
    }

    int getWeightVsokoPartial() {
        return weightVsokoPartial;
    }

    int getWeightVsokoNotSubmitted() {
        return weightVsokoNotSubmitted;
    }

    int getWeightOverdue() {
        return weightOverdue;
    }

    int getOverdueCap() {
        return overdueCap;
    }

    int getWeightLowResults() {
        return weightLowResults;
    }

    int getWeightNonObjective() {
        return weightNonObjective;
    }

    int getWeightUnderTarget() {
        return weightUnderTarget;
    }

    int getWeightNoObservers() {
        return weightNoObservers;
    }

    int getLookbackYears() {
        return lookbackYears;
    }

    int getMediumFrom() {
        return mediumFrom;
    }

    int getHighFrom() {
        return highFrom;
    }
}

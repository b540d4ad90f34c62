package ru.rsoko.results.signs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.math.BigDecimal;
import java.time.Instant;

/** A region's thresholds of the objectivity and ШНОР rules (one row per region; without one the defaults apply). */
@Entity
@Audited
@Table(name = "result_rule_setting")
class RuleSetting {

    @Id
    @Column(name = "region_id")
    private Long regionId;

    private int minParticipants;
    private BigDecimal topMarkFactor;
    private BigDecimal topMarkMargin;
    private BigDecimal raisedShare;
    private BigDecimal loweredShare;
    private BigDecimal recheckDiscrepancyShare;
    private int recheckMinWorks;
    private BigDecimal yearJump;
    private BigDecimal lowFailShare;
    private int lowSubjects;
    private BigDecimal lowBottomShare;
    private int lowYears;

    @NotAudited
    private Instant updatedAt;

    @NotAudited
    private String updatedBy;

    @Version
    private Long version;

    protected RuleSetting() {
    }

    RuleSetting(long regionId) {
        this.regionId = regionId;
    }

    Rules rules() {
        return new Rules(minParticipants, topMarkFactor, topMarkMargin, raisedShare, loweredShare, recheckDiscrepancyShare,
                recheckMinWorks, yearJump, lowFailShare, lowSubjects, lowBottomShare, lowYears);
    }

    void set(Rules r, Instant at, String by) {
        minParticipants = r.minParticipants();
        topMarkFactor = r.topMarkFactor();
        topMarkMargin = r.topMarkMargin();
        raisedShare = r.raisedShare();
        loweredShare = r.loweredShare();
        recheckDiscrepancyShare = r.recheckDiscrepancyShare();
        recheckMinWorks = r.recheckMinWorks();
        yearJump = r.yearJump();
        lowFailShare = r.lowFailShare();
        lowSubjects = r.lowSubjects();
        lowBottomShare = r.lowBottomShare();
        lowYears = r.lowYears();
        updatedAt = at;
        updatedBy = by;
    }

    Long getRegionId() {
        return regionId;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Long getVersion() {
        return version;
    }

    int getMinParticipants() {
        return minParticipants;
    }

    BigDecimal getTopMarkFactor() {
        return topMarkFactor;
    }

    BigDecimal getTopMarkMargin() {
        return topMarkMargin;
    }

    BigDecimal getRaisedShare() {
        return raisedShare;
    }

    BigDecimal getLoweredShare() {
        return loweredShare;
    }

    BigDecimal getRecheckDiscrepancyShare() {
        return recheckDiscrepancyShare;
    }

    int getRecheckMinWorks() {
        return recheckMinWorks;
    }

    BigDecimal getYearJump() {
        return yearJump;
    }

    BigDecimal getLowFailShare() {
        return lowFailShare;
    }

    int getLowSubjects() {
        return lowSubjects;
    }

    BigDecimal getLowBottomShare() {
        return lowBottomShare;
    }

    int getLowYears() {
        return lowYears;
    }
}

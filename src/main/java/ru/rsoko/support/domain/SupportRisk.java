package ru.rsoko.support.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import ru.rsoko.support.RiskFactor;
import ru.rsoko.support.RiskLevel;

/** A risk factor of a programme's school with its level when the programme began and when assessed again. */
@Entity
@Audited
@Table(name = "support_risk")
class SupportRisk {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long programmeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RiskFactor factor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RiskLevel levelBefore;

    @Enumerated(EnumType.STRING)
    private RiskLevel levelAfter;

    private String note;

    @Version
    private Long version;

    protected SupportRisk() {
    }

    SupportRisk(long programmeId, RiskFactor factor, RiskLevel levelBefore, RiskLevel levelAfter, String note) {
        this.programmeId = programmeId;
        this.factor = factor;
        this.levelBefore = levelBefore;
        this.levelAfter = levelAfter;
        this.note = note;
    }

    Long getId() { return id; }
    Long getProgrammeId() { return programmeId; }
    RiskFactor getFactor() { return factor; }
    RiskLevel getLevelBefore() { return levelBefore; }
    void setLevelBefore(RiskLevel levelBefore) { this.levelBefore = levelBefore; }
    RiskLevel getLevelAfter() { return levelAfter; }
    void setLevelAfter(RiskLevel levelAfter) { this.levelAfter = levelAfter; }
    String getNote() { return note; }
    void setNote(String note) { this.note = note; }
    Long getVersion() { return version; }
}

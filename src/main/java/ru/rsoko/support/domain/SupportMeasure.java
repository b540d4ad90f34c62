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
import ru.rsoko.support.MeasureStatus;
import ru.rsoko.support.RiskFactor;

import java.time.Instant;
import java.time.LocalDate;

/** A measure of a programme: what, who, by when, and the school's report on it. */
@Entity
@Audited
@Table(name = "support_measure")
class SupportMeasure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long programmeId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long schoolId;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    private RiskFactor riskFactor;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private String responsible;

    @Column(nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeasureStatus status;

    private LocalDate doneOn;

    private String report;

    @NotAudited
    private Instant reportedAt;

    @NotAudited
    private String reportedBy;

    @Version
    private Long version;

    protected SupportMeasure() {
    }

    SupportMeasure(long programmeId, long regionId, long schoolId, int position, RiskFactor riskFactor, String text,
                   String responsible, LocalDate dueOn) {
        this.programmeId = programmeId;
        this.regionId = regionId;
        this.schoolId = schoolId;
        this.position = position;
        this.riskFactor = riskFactor;
        this.text = text;
        this.responsible = responsible;
        this.dueOn = dueOn;
        this.status = MeasureStatus.PLANNED;
    }

    void reported(MeasureStatus status, LocalDate doneOn, String report, Instant at, String by) {
        this.status = status;
        this.doneOn = doneOn;
        this.report = report;
        this.reportedAt = at;
        this.reportedBy = by;
    }

    Long getId() { return id; }
    Long getProgrammeId() { return programmeId; }
    Long getRegionId() { return regionId; }
    Long getSchoolId() { return schoolId; }
    int getPosition() { return position; }
    RiskFactor getRiskFactor() { return riskFactor; }
    void setRiskFactor(RiskFactor riskFactor) { this.riskFactor = riskFactor; }
    String getText() { return text; }
    void setText(String text) { this.text = text; }
    String getResponsible() { return responsible; }
    void setResponsible(String responsible) { this.responsible = responsible; }
    LocalDate getDueOn() { return dueOn; }
    void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
    MeasureStatus getStatus() { return status; }
    LocalDate getDoneOn() { return doneOn; }
    String getReport() { return report; }
    Instant getReportedAt() { return reportedAt; }
    String getReportedBy() { return reportedBy; }
    Long getVersion() { return version; }
}

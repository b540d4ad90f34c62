package ru.rsoko.vsoko.selfassessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import ru.rsoko.vsoko.framework.Indicator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A school's answer to one indicator, with an expert's correction beside it (both kept and shown). {@code points}
 * are those of the value that counts — the expert's when there is one — set on every change, so that results
 * are sums in the database. Its changes are recorded as {@link SubmissionEvent}s of the submission.
 */
@Entity
@Table(name = "vsoko_value")
class IndicatorValue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "submission_id", updatable = false)
    private Submission submission;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id", updatable = false)
    private Indicator indicator;

    private BigDecimal value;

    private String evidenceUrl;

    private BigDecimal expertValue;

    private String expertComment;

    private String expertBy;

    private Instant expertAt;

    @Column(nullable = false)
    private BigDecimal points = BigDecimal.ZERO;

    /** The earlier campaign this answer was copied from, until the person confirms or changes it. */
    private Long prefilledFrom;

    @Column(nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private String updatedBy;

    @Version
    private Long version;

    protected IndicatorValue() {
    }

    IndicatorValue(Submission submission, Indicator indicator) {
        this.submission = submission;
        this.indicator = indicator;
    }

    /** The value results use: the expert's correction when there is one. */
    public BigDecimal counted() {
        return expertValue != null ? expertValue : value;
    }

    void recomputePoints() {
        this.points = indicator.pointsFor(counted());
    }

    void touched(Instant at, String username) {
        this.updatedAt = at;
        this.updatedBy = username;
    }

    public Long getId() {
        return id;
    }

    public Submission getSubmission() {
        return submission;
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public BigDecimal getValue() {
        return value;
    }

    void setValue(BigDecimal value) {
        this.value = value;
    }

    public String getEvidenceUrl() {
        return evidenceUrl;
    }

    void setEvidenceUrl(String evidenceUrl) {
        this.evidenceUrl = evidenceUrl;
    }

    public BigDecimal getExpertValue() {
        return expertValue;
    }

    void setExpertValue(BigDecimal expertValue) {
        this.expertValue = expertValue;
    }

    public String getExpertComment() {
        return expertComment;
    }

    void setExpertComment(String expertComment) {
        this.expertComment = expertComment;
    }

    public String getExpertBy() {
        return expertBy;
    }

    void setExpertBy(String expertBy) {
        this.expertBy = expertBy;
    }

    public Instant getExpertAt() {
        return expertAt;
    }

    void setExpertAt(Instant expertAt) {
        this.expertAt = expertAt;
    }

    public Long getPrefilledFrom() {
        return prefilledFrom;
    }

    void setPrefilledFrom(Long prefilledFrom) {
        this.prefilledFrom = prefilledFrom;
    }

    public BigDecimal getPoints() {
        return points;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Long getVersion() {
        return version;
    }
}

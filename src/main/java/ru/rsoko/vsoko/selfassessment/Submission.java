package ru.rsoko.vsoko.selfassessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.Campaign;

import java.time.Instant;

/**
 * A school's self-assessment in a campaign: its status; the values are {@link IndicatorValue}s. The school is the
 * directory's, kept by id with its region and municipality (copied when the campaign took it in), so that scoping
 * needs no join.
 */
@Entity
@Audited
@Table(name = "vsoko_submission")
class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", updatable = false)
    private Campaign campaign;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long schoolId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @NotAudited
    @Column(updatable = false)
    private Long municipalityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubmissionStatus status = SubmissionStatus.NOT_STARTED;

    @NotAudited
    private Instant submittedAt;

    private String returnComment;

    @NotAudited
    private Instant acceptedAt;

    @NotAudited
    private Instant approvedAt;

    @NotAudited
    private String approvedBy;

    @NotAudited
    private Instant updatedAt;

    @NotAudited
    private String updatedBy;

    @Version
    private Long version;

    protected Submission() {
    }


    void touched(Instant at, String username) {
        this.updatedAt = at;
        this.updatedBy = username;
    }

    public Long getId() {
        return id;
    }

    public Campaign getCampaign() {
        return campaign;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public Long getRegionId() {
        return regionId;
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public SubmissionStatus getStatus() {
        return status;
    }

    void setStatus(SubmissionStatus status) {
        this.status = status;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    void setSubmittedAt(Instant submittedAt) {
        this.submittedAt = submittedAt;
    }

    public String getReturnComment() {
        return returnComment;
    }

    void setReturnComment(String returnComment) {
        this.returnComment = returnComment;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    void setAcceptedAt(Instant acceptedAt) {
        this.acceptedAt = acceptedAt;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    void approved(Instant at, String username) {
        this.approvedAt = at;
        this.approvedBy = username;
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

    public void setVersion(Long version) {
        this.version = version;
    }
}

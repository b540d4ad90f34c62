package ru.rsoko.results.signs;

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
import ru.rsoko.objectivity.ListKind;

import java.time.Instant;

/** Regional staff's verdict on a school the rules put forward for a year's list, with the reasons as they read then. */
@Entity
@Audited
@Table(name = "list_candidate_review")
class CandidateReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @NotAudited
    @Column(updatable = false)
    private Long municipalityId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long schoolId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private int year;

    @NotAudited
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ListKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Verdict verdict;

    @Column(nullable = false)
    private String comment;

    @Column(nullable = false)
    private String reasons;

    @NotAudited
    @Column(nullable = false)
    private Instant decidedAt;

    @NotAudited
    @Column(nullable = false)
    private String decidedBy;

    @Version
    private Long version;

    protected CandidateReview() {
    }

    CandidateReview(long regionId, Long municipalityId, long schoolId, int year, ListKind kind) {
        this.regionId = regionId;
        this.municipalityId = municipalityId;
        this.schoolId = schoolId;
        this.year = year;
        this.kind = kind;
    }

    void decide(Verdict verdict, String comment, String reasons, Instant at, String by) {
        this.verdict = verdict;
        this.comment = comment;
        this.reasons = reasons;
        this.decidedAt = at;
        this.decidedBy = by;
    }

    Long getId() {
        return id;
    }

    Long getSchoolId() {
        return schoolId;
    }

    Verdict getVerdict() {
        return verdict;
    }

    String getComment() {
        return comment;
    }

    String getReasons() {
        return reasons;
    }

    Long getVersion() {
        return version;
    }
}

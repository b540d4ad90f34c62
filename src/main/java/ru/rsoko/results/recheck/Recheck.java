package ru.rsoko.results.recheck;

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

import java.time.Instant;

/** A regional re-check of a procedure's works in one subject and grade; only its status changes (audited). */
@Entity
@Audited
@Table(name = "recheck")
class Recheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long procedureId;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private int year;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private String subject;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private int grade;
    @NotAudited
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SampleRule sampleRule;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private int schoolsWanted;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private int worksPerSchool;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private long seed;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecheckStatus status;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private Instant createdAt;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private String createdBy;
    @Version
    private Long version;

    protected Recheck() {
    }

    Recheck(long regionId, long procedureId, int year, String subject, int grade, SampleRule sampleRule, int schoolsWanted,
            int worksPerSchool, long seed, Instant createdAt, String createdBy) {
        this.regionId = regionId;
        this.procedureId = procedureId;
        this.year = year;
        this.subject = subject;
        this.grade = grade;
        this.sampleRule = sampleRule;
        this.schoolsWanted = schoolsWanted;
        this.worksPerSchool = worksPerSchool;
        this.seed = seed;
        this.status = RecheckStatus.OPEN;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long getId() {
        return id;
    }

    Long getRegionId() {
        return regionId;
    }

    RecheckStatus getStatus() {
        return status;
    }

    void setStatus(RecheckStatus status) {
        this.status = status;
    }

    Long getVersion() {
        return version;
    }
}

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
import ru.rsoko.support.ProgrammeStatus;

import java.time.Instant;
import java.time.LocalDate;

/** A ШНОР school's support programme of a year (программа антирисковых мер). */
@Entity
@Audited
@Table(name = "support_programme")
class SupportProgramme {

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

    @Column(nullable = false)
    private String title;

    private String goal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgrammeStatus status;

    private LocalDate approvedOn;

    private LocalDate closedOn;

    private String conclusion;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private String createdBy;

    @NotAudited
    private Instant updatedAt;

    @NotAudited
    private String updatedBy;

    @Version
    private Long version;

    protected SupportProgramme() {
    }

    SupportProgramme(long regionId, Long municipalityId, long schoolId, int year, String title, String goal,
                     Instant createdAt, String createdBy) {
        this.regionId = regionId;
        this.municipalityId = municipalityId;
        this.schoolId = schoolId;
        this.year = year;
        this.title = title;
        this.goal = goal;
        this.status = ProgrammeStatus.DRAFT;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void touch(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    Long getId() { return id; }
    Long getRegionId() { return regionId; }
    Long getMunicipalityId() { return municipalityId; }
    Long getSchoolId() { return schoolId; }
    int getYear() { return year; }
    String getTitle() { return title; }
    void setTitle(String title) { this.title = title; }
    String getGoal() { return goal; }
    void setGoal(String goal) { this.goal = goal; }
    ProgrammeStatus getStatus() { return status; }
    void setStatus(ProgrammeStatus status) { this.status = status; }
    LocalDate getApprovedOn() { return approvedOn; }
    void setApprovedOn(LocalDate approvedOn) { this.approvedOn = approvedOn; }
    LocalDate getClosedOn() { return closedOn; }
    void setClosedOn(LocalDate closedOn) { this.closedOn = closedOn; }
    String getConclusion() { return conclusion; }
    void setConclusion(String conclusion) { this.conclusion = conclusion; }
    Instant getCreatedAt() { return createdAt; }
    String getCreatedBy() { return createdBy; }
    Instant getUpdatedAt() { return updatedAt; }
    String getUpdatedBy() { return updatedBy; }
    Long getVersion() { return version; }
}

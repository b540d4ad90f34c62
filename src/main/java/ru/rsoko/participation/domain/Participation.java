package ru.rsoko.participation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.time.Instant;

/**
 * Participation of one school's grade in one procedure: pupils, participants and whether public observers were
 * present. Rows are written by {@link ParticipationWriter} in batches, which writes their Envers history too; the
 * entity is here so that the history is read the usual way.
 */
@Entity
@Audited
@Table(name = "participation")
class Participation {

    @Id
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long procedureId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long schoolId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @NotAudited
    @Column(updatable = false)
    private Long municipalityId;

    private int grade;

    private int pupils;

    private int participants;

    private boolean observers;

    @NotAudited
    private Instant updatedAt;

    @NotAudited
    private String updatedBy;

    @Version
    private Long version;

    protected Participation() {
    }

    Long getId() {
        return id;
    }

    Long getProcedureId() {
        return procedureId;
    }

    Long getSchoolId() {
        return schoolId;
    }

    Long getRegionId() {
        return regionId;
    }

    Long getMunicipalityId() {
        return municipalityId;
    }

    int getGrade() {
        return grade;
    }

    int getPupils() {
        return pupils;
    }

    int getParticipants() {
        return participants;
    }

    boolean isObservers() {
        return observers;
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
}

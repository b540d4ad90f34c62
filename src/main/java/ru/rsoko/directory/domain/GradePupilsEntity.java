package ru.rsoko.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.time.Instant;

/**
 * Pupils of one grade of a school in a school year. Rows are written by {@link GradePupilsWriter} in batches, which
 * writes their Envers history too; the entity is here so that the history is read the usual way.
 */
@Entity
@Audited
@Table(name = "directory_grade_pupils")
class GradePupilsEntity {

    @Id
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long schoolId;

    @NotAudited
    @Column(nullable = false)
    private Long regionId;

    @NotAudited
    private Long municipalityId;

    @Column(nullable = false, updatable = false)
    private String schoolYear;

    private int grade;

    private int pupils;

    @NotAudited
    private Instant updatedAt;

    @NotAudited
    private String updatedBy;

    @Version
    private Long version;

    protected GradePupilsEntity() {
    }

    Long getId() {
        return id;
    }

    Long getSchoolId() {
        return schoolId;
    }

    String getSchoolYear() {
        return schoolYear;
    }

    int getGrade() {
        return grade;
    }

    int getPupils() {
        return pupils;
    }

    Long getVersion() {
        return version;
    }
}

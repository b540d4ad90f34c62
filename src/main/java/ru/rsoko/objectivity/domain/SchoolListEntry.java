package ru.rsoko.objectivity.domain;

import ru.rsoko.objectivity.ListKind;

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

/**
 * A school on one of the region's lists of a year: ШНОР or signs of non-objective ВПР results, with the basis
 * the region put it there on («ВПР-2021: математика 5, 6 кл.»).
 */
@Entity
@Audited
@Table(name = "school_list_entry")
class SchoolListEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long regionId;

    /** Copied from the school when the entry is made, so that a municipality's entries are one indexed lookup. */
    @NotAudited
    @Column(updatable = false)
    private Long municipalityId;

    @Column(nullable = false, updatable = false)
    private Long schoolId;

    @Column(nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListKind kind;

    private String basis;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private String createdBy;

    @Version
    private Long version;

    protected SchoolListEntry() {
    }

    SchoolListEntry(long regionId, Long municipalityId, long schoolId, int year, ListKind kind, String basis,
                    Instant createdAt, String createdBy) {
        this.regionId = regionId;
        this.municipalityId = municipalityId;
        this.schoolId = schoolId;
        this.year = year;
        this.kind = kind;
        this.basis = basis;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public Long getRegionId() {
        return regionId;
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public Long getSchoolId() {
        return schoolId;
    }

    public int getYear() {
        return year;
    }

    void setYear(int year) {
        this.year = year;
    }

    public ListKind getKind() {
        return kind;
    }

    void setKind(ListKind kind) {
        this.kind = kind;
    }

    public String getBasis() {
        return basis;
    }

    void setBasis(String basis) {
        this.basis = basis;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Long getVersion() {
        return version;
    }
}

package ru.rsoko.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/** One responsible party of a decision: a category, or an organisation (for ORGANISATION and SCHOOLS_OF). */
@Embeddable
public class ResponsibleParty {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResponsibleKind kind;

    @Column(name = "org_unit_id")
    private Long orgUnitId;

    protected ResponsibleParty() {
    }

    public ResponsibleParty(ResponsibleKind kind, Long orgUnitId) {
        this.kind = kind;
        this.orgUnitId = orgUnitId;
    }

    public static ResponsibleParty organisation(long orgUnitId) {
        return new ResponsibleParty(ResponsibleKind.ORGANISATION, orgUnitId);
    }

    public static ResponsibleParty schoolsOf(long municipalityId) {
        return new ResponsibleParty(ResponsibleKind.SCHOOLS_OF, municipalityId);
    }

    public static ResponsibleParty category(ResponsibleKind kind) {
        return new ResponsibleParty(kind, null);
    }

    public ResponsibleKind getKind() {
        return kind;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponsibleParty other && kind == other.kind && Objects.equals(orgUnitId, other.orgUnitId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, orgUnitId);
    }
}

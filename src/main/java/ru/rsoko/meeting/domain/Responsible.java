package ru.rsoko.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import ru.rsoko.meeting.ResponsibleKind;
import ru.rsoko.meeting.ResponsibleParty;

import java.util.Objects;

/** A row of {@code decision_responsible}: how a decision keeps one {@link ResponsibleParty}. */
@Embeddable
class Responsible {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResponsibleKind kind;

    @Column(name = "org_unit_id")
    private Long orgUnitId;

    protected Responsible() {
    }

    Responsible(ResponsibleParty party) {
        this.kind = party.kind();
        this.orgUnitId = party.orgUnitId();
    }

    ResponsibleParty party() {
        return new ResponsibleParty(kind, orgUnitId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Responsible other && kind == other.kind && Objects.equals(orgUnitId, other.orgUnitId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, orgUnitId);
    }
}

package ru.rsoko.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import ru.rsoko.directory.OrgUnitType;

/**
 * The organisation responsible for a procedure as the directory publishes it (the view {@code directory_org_unit}): read only, so that queries of this
 * module scope, sort and search by it in one statement. The owning entity writes only its id.
 */
@Entity
@Immutable
@Table(name = "directory_org_unit")
class ResponsibleOrganisation {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    private OrgUnitType type;

    private String name;

    private String shortName;

    private String displayName;

    private String parentName;

    private Long regionId;

    private Long municipalityId;

    @Column(name = "active")
    private boolean active;

    protected ResponsibleOrganisation() {
    }

    Long getId() {
        return id;
    }

    OrgUnitType getType() {
        return type;
    }

    String getName() {
        return name;
    }

    String getShortName() {
        return shortName;
    }

    String getDisplayName() {
        return displayName;
    }

    String getParentName() {
        return parentName;
    }

    Long getRegionId() {
        return regionId;
    }

    Long getMunicipalityId() {
        return municipalityId;
    }

    boolean isActive() {
        return active;
    }
}

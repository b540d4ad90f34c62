package ru.rsoko.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * An account's organisation as the directory publishes it (the view {@code directory_org_unit}): read only, so
 * that the accounts list filters by the caller's scope and searches by organisation in one query.
 */
@Entity
@Immutable
@Table(name = "directory_org_unit")
class AccountOrganisation {

    @Id
    private Long id;

    @Column(nullable = false)
    private String name;

    private Long regionId;

    private Long municipalityId;

    private boolean active;

    protected AccountOrganisation() {
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
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

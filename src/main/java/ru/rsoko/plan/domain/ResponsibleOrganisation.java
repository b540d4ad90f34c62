package ru.rsoko.plan.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The name of the organisation responsible for a procedure, as the directory publishes it (the view
 * {@code directory_org_unit}): read only, loaded with the procedures in batches; the procedure writes only its id.
 */
@Entity
@Immutable
@Table(name = "directory_org_unit")
class ResponsibleOrganisation {

    @Id
    private Long id;

    private String name;

    protected ResponsibleOrganisation() {
    }

    String getName() {
        return name;
    }
}

package ru.rsoko.execution.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import ru.rsoko.directory.OrgUnitType;

/**
 * The organisation that executes a decision as the directory publishes it (the view {@code directory_org_unit}):
 * read only, so that the records' list searches by its name in one statement; the record writes only its id.
 */
@Entity
@Immutable
@Table(name = "directory_org_unit")
class Executor {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    private OrgUnitType type;

    private String name;

    private String shortName;

    private String displayName;

    private String parentName;

    protected Executor() {
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

}

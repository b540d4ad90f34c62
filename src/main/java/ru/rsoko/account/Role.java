package ru.rsoko.account;

import ru.rsoko.directory.OrgUnitType;

import java.util.Set;

public enum Role {
    ADMIN("Администратор", Set.of(OrgUnitType.values())),
    REGION("Региональный специалист", Set.of(OrgUnitType.REGION, OrgUnitType.INSTITUTION)),
    MUNICIPALITY("Специалист МОУО", Set.of(OrgUnitType.MUNICIPALITY)),
    SCHOOL("Руководитель ОО", Set.of(OrgUnitType.SCHOOL));

    private final String label;
    private final Set<OrgUnitType> orgUnitTypes;

    Role(String label, Set<OrgUnitType> orgUnitTypes) {
        this.label = label;
        this.orgUnitTypes = orgUnitTypes;
    }

    public String label() {
        return label;
    }

    /** The kinds of organisation an account of this role may belong to. */
    public boolean fits(OrgUnitType type) {
        return orgUnitTypes.contains(type);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}

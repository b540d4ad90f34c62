package ru.rsoko.directory;

import java.util.Arrays;
import java.util.Optional;

public enum OrgUnitType {
    REGION("Регион", "Регионы"),
    MUNICIPALITY("Муниципалитет", "Муниципалитеты"),
    SCHOOL("Школа", "Школы"),
    INSTITUTION("Учреждение", "Учреждения");

    private final String label;
    private final String pluralLabel;

    OrgUnitType(String label, String pluralLabel) {
        this.label = label;
        this.pluralLabel = pluralLabel;
    }

    public String label() {
        return label;
    }

    public String pluralLabel() {
        return pluralLabel;
    }

    public boolean isRegion() {
        return this == REGION;
    }

    public boolean isSchool() {
        return this == SCHOOL;
    }

    /** Where each kind may stand in the tree: municipalities only in a region. */
    public boolean canHoldMunicipalities() {
        return this == REGION;
    }

    /** Schools and institutions stand in a region or a municipality. */
    public boolean canHoldSchools() {
        return this == REGION || this == MUNICIPALITY;
    }

    /** Whether an organisation of this kind may stand under the given parent (null: at the top). */
    public boolean fitsUnder(OrgUnitType parent) {
        return switch (this) {
            case REGION -> parent == null;
            case MUNICIPALITY -> parent != null && parent.canHoldMunicipalities();
            case SCHOOL -> parent != null && parent.canHoldSchools();
            case INSTITUTION -> parent == null || parent.canHoldSchools();
        };
    }

    /** Accepts the Russian label (as in the import template) or the code, in any case. */
    public static Optional<OrgUnitType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(v -> v.label.equalsIgnoreCase(t) || v.name().equalsIgnoreCase(t))
                .findFirst();
    }
}

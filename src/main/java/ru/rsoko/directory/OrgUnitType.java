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

package ru.rsoko.directory;

import org.jspecify.annotations.Nullable;

/** A municipality of a region with the number of its active schools. */
public record MunicipalitySummary(long id, String name, boolean active, long schools, @Nullable String shortName) {

    public String displayName() {
        return shortName != null ? shortName : name;
    }
}

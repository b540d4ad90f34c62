package ru.rsoko.meeting;

import org.jspecify.annotations.Nullable;

/**
 * One responsible party of a decision: a category, or an organisation (for ORGANISATION and SCHOOLS_OF, by its id
 * in the directory).
 */
public record ResponsibleParty(ResponsibleKind kind, @Nullable Long orgUnitId) {

    public static ResponsibleParty organisation(long orgUnitId) {
        return new ResponsibleParty(ResponsibleKind.ORGANISATION, orgUnitId);
    }

    public static ResponsibleParty schoolsOf(long municipalityId) {
        return new ResponsibleParty(ResponsibleKind.SCHOOLS_OF, municipalityId);
    }

    public static ResponsibleParty category(ResponsibleKind kind) {
        return new ResponsibleParty(kind, null);
    }
}

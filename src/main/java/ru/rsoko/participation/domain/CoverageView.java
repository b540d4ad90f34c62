package ru.rsoko.participation.domain;

import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;

/**
 * How a user first sees a procedure's participation: regional staff and administrators by municipality (then a
 * municipality's schools), a municipal officer by school, a director their own school.
 */
public enum CoverageView {
    MUNICIPALITIES, SCHOOLS, SCHOOL;

    static CoverageView of(CurrentUser user, Long municipalityId) {
        if (user.is(Role.SCHOOL)) {
            return SCHOOL;
        }
        return CoverageService.seesMunicipalities(user) && municipalityId == null ? MUNICIPALITIES : SCHOOLS;
    }

    /** A line per municipality and the total. */
    public boolean byMunicipality() {
        return this == MUNICIPALITIES;
    }

    /** A line per school (of a municipality, or of the user's scope). */
    public boolean bySchool() {
        return this == SCHOOLS;
    }

    /** The director's own school, grade by grade. */
    public boolean ownSchool() {
        return this == SCHOOL;
    }
}

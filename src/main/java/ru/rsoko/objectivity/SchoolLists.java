package ru.rsoko.objectivity;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;

import java.util.List;

/** What other modules ask of the region's lists: which schools of a scope were on them, in which years. */
public interface SchoolLists {

    /** The entries of the scope's schools in the years from {@code fromYear} to {@code toYear}, by year (newest first). */
    List<Listing> of(Scope scope, int fromYear, int toYear);

    /**
     * Puts the school on the year's list with this basis, or replaces the basis when it is on it already (a review of
     * computed evidence, issue 17). The user must keep the region's lists; a school outside their scope is 404.
     * Publishes {@link SchoolsListed} when the school was not on the list.
     */
    void include(CurrentUser user, long schoolId, int year, ListKind kind, String basis);

    /** Takes the school off the year's list when it is on it; the same rules as {@link #include}. */
    void exclude(CurrentUser user, long schoolId, int year, ListKind kind);

    /** A school on a list of a year. */
    record Listing(long schoolId, @Nullable Long municipalityId, int year, ListKind kind) {
    }
}

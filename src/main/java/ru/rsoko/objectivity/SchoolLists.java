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

    /**
     * A school's places on the lists as the user may see them, newest year first, with the basis of each; nothing when
     * the school is outside the user's scope. For a page that shows them within its own transaction.
     */
    List<Place> places(CurrentUser user, long schoolId);

    /** The lists of the latest year that has any in the user's scope, with how many of the scope's schools are on each. */
    List<LatestCount> latestCounts(CurrentUser user);

    /** A school on a list of a year. */
    record Listing(long schoolId, @Nullable Long municipalityId, int year, ListKind kind) {
    }

    /** A school's place on a list of a year, and why it is there. */
    record Place(int year, ListKind kind, @Nullable String basis) {
    }

    /** How many schools of a scope are on a list of a year. */
    record LatestCount(int year, ListKind kind, long schools) {
    }
}

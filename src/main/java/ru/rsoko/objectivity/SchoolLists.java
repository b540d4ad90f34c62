package ru.rsoko.objectivity;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.Scope;

import java.util.List;

/** What other modules ask of the region's lists: which schools of a scope were on them, in which years. */
public interface SchoolLists {

    /** The entries of the scope's schools in the years from {@code fromYear} to {@code toYear}, by year (newest first). */
    List<Listing> of(Scope scope, int fromYear, int toYear);

    /** A school on a list of a year. */
    record Listing(long schoolId, @Nullable Long municipalityId, int year, ListKind kind) {
    }
}

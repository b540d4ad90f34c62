package ru.rsoko.directory;

import ru.rsoko.access.CurrentUser;

import java.util.Map;

/**
 * What another module shows on a school's card in the directory (the school lists' places beside its name, for one).
 * That module implements this, and the card reads every implementation with its other data, before it renders, so
 * that the template asks no bean for records while it renders (a second pooled connection per card), without the
 * directory naming the modules that depend on it.
 */
public interface SchoolCardParts {

    /**
     * What the module shows of the school to the user, under the names its template fragments take in the card's
     * model; nothing when it shows nothing.
     */
    Map<String, ?> read(CurrentUser user, long schoolId);
}

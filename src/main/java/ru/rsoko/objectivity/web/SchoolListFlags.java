package ru.rsoko.objectivity.web;

import org.springframework.stereotype.Component;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.SchoolCardParts;
import ru.rsoko.objectivity.SchoolLists;

import java.util.Map;

/**
 * A school's places on the lists for its card in the directory, within the user's scope, read with the card: its
 * template includes {@code objectivity/flags :: schoolFlags(${listPlaces})}. The home pages read theirs with the page
 * ({@link SchoolLists#places}, {@code latestCounts}).
 */
@Component
class SchoolListFlags implements SchoolCardParts {

    private final SchoolLists lists;

    SchoolListFlags(SchoolLists lists) {
        this.lists = lists;
    }

    @Override
    public Map<String, ?> read(CurrentUser user, long schoolId) {
        return Map.of("listPlaces", lists.places(user, schoolId));
    }
}

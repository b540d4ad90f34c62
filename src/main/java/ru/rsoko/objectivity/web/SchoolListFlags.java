package ru.rsoko.objectivity.web;

import ru.rsoko.objectivity.domain.SchoolListService;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import ru.rsoko.access.CurrentUser;

import java.util.List;

/**
 * For templates of other features (a school's card, home pages): a school's places on the lists, and how many of
 * the user's schools are on each list. Always within the signed-in user's scope.
 * Templates call {@code ${@schoolLists.ofSchool(id)}} and {@code ${@schoolLists.latestCounts()}}.
 */
@Component("schoolLists")
public class SchoolListFlags {

    private final SchoolListService lists;

    SchoolListFlags(SchoolListService lists) {
        this.lists = lists;
    }

    public List<SchoolListService.Row> ofSchool(Long schoolId) {
        CurrentUser user = user();
        return user == null || schoolId == null ? List.of() : lists.ofSchool(user, schoolId);
    }

    /** The lists of the latest year that has any in the scope, with the number of the user's schools on each. */
    public List<SchoolListService.ListCount> latestCounts() {
        CurrentUser user = user();
        if (user == null) {
            return List.of();
        }
        List<SchoolListService.ListCount> all = lists.counts(user);
        if (all.isEmpty()) {
            return List.of();
        }
        int latest = all.getFirst().year();
        return all.stream().filter(c -> c.year() == latest).toList();
    }

    private static CurrentUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}

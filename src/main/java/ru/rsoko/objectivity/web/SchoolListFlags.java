package ru.rsoko.objectivity.web;

import ru.rsoko.objectivity.domain.SchoolListService;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import ru.rsoko.access.CurrentUser;

import java.util.List;

/**
 * For templates of other features (a school's card): a school's places on the lists, always within the signed-in
 * user's scope. Templates call {@code ${@schoolLists.ofSchool(id)}}; the home pages read theirs with the page
 * ({@link ru.rsoko.objectivity.SchoolLists#places}, {@code latestCounts}).
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

    private static CurrentUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}

package ru.rsoko.home.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.home.domain.HomePages;

/** Each role's start page: the user's organisation, its place in the directory, and what the role works on. */
@Controller
class HomeController {

    private final HomePages pages;

    HomeController(HomePages pages) {
        this.pages = pages;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        HomePages.HomePage page = pages.of(user);
        model.addAllAttributes(page.model());
        return page.view();
    }
}

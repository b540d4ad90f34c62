package ru.rsoko.support;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Requests made as one of the demo accounts (password «demo»): signed in on pages, HTTP Basic on the API. */
public class DemoUsers {

    public static final String PASSWORD = "demo";

    private final UserDetailsService users;

    public DemoUsers(UserDetailsService users) {
        this.users = users;
    }

    /** A page request by a signed-in user, with the principal exactly as a real login makes it. */
    public RequestPostProcessor page(String username) {
        return user(users.loadUserByUsername(username));
    }

    public static RequestPostProcessor api(String username) {
        return httpBasic(username, PASSWORD);
    }
}

package ru.rsoko.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Links that keep the current filters: another page of the same list, or the same list as .xlsx.
 * Templates call {@code ${@links.page(n)}} and {@code ${@links.xlsx()}}.
 */
@Component("links")
public class PageLinks {

    private final HttpServletRequest request;

    public PageLinks(HttpServletRequest request) {
        this.request = request;
    }

    /** The path of the page being shown, for marking the current menu item. */
    public String path() {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    public String page(int page) {
        return current().replaceQueryParam("page", page).build(true).toUriString();
    }

    /** Page numbers (0-based) to offer around the current one. */
    public List<Integer> window(int current, int totalPages) {
        return IntStream.rangeClosed(Math.max(0, current - 3), Math.min(totalPages - 1, current + 3)).boxed().toList();
    }

    /** The same list as a workbook: the list's path + ".xlsx", with every filter but the page. */
    public String xlsx() {
        String path = request.getRequestURI().replaceAll("/$", "");
        return current().replacePath(path + ".xlsx").replaceQueryParam("page").replaceQueryParam("size")
                .build(true).toUriString();
    }

    private UriComponentsBuilder current() {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
    }
}

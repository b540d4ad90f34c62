package ru.rsoko.platform.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * One template serves a list's whole page and the part htmx swaps: the page defines the part as a fragment and
 * includes it, and a filter's htmx request gets only that fragment back. A history restore or a boosted link gets
 * the whole page, as the browser expects.
 */
public final class Partials {

    private Partials() {
    }

    /** Whether htmx asks for a part of the page to swap in (not a history restore or a boosted link). */
    public static boolean isSwap(HtmxRequest htmx) {
        return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() && !htmx.isBoosted();
    }

    /** {@code page} for a browser's request, {@code page :: fragment} for an htmx swap of that fragment. */
    public static String pageOr(HtmxRequest htmx, String page, String fragment) {
        return isSwap(htmx) ? page + " :: " + fragment : page;
    }
}

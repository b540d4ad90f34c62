package ru.rsoko.platform.web;

import java.time.ZoneId;

/** A signed-in principal that reads dates and times in a zone of its own (its region's); null for none. */
public interface ZonedPrincipal {

    ZoneId zone();
}

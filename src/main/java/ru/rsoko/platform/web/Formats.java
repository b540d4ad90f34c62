package ru.rsoko.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates as Russian users write them (24.11.2022), moments in the time zone of the user's region.
 * Templates call it as {@code ${@fmt.dateTime(x)}}; Excel exports use the same patterns.
 */
@Component("fmt")
public class Formats {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ZoneId defaultZone;
    private final Clock clock;

    public Formats(@Value("${rsoko.default-time-zone}") ZoneId defaultZone, Clock clock) {
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /** Today in the user's zone, by the application's clock. */
    public LocalDate today() {
        return clock.instant().atZone(zone()).toLocalDate();
    }

    /** Whether a deadline has passed: the day is before today of the user's zone (the day itself is still in time). */
    public boolean passed(LocalDate date) {
        return date != null && date.isBefore(today());
    }

    /** The zone the signed-in user reads times in: the region's, or the deployment's default. */
    public ZoneId zone() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ZonedPrincipal user && user.zone() != null) {
            return user.zone();
        }
        return defaultZone;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone()));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    public String dateTime(LocalDateTime dateTime) {
        return dateTime == null ? "" : DATE_TIME.format(dateTime);
    }

    public LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    public String zoneLabel() {
        return RussianTimeZones.label(zone().getId());
    }

    public String zoneLabel(String zoneId) {
        return zoneId == null ? "" : RussianTimeZones.label(zoneId);
    }
}

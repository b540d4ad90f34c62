package ru.rsoko.calendar.domain;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A feed written as iCalendar (RFC 5545) by ical4j: whole-day events as {@code DTSTART;VALUE=DATE} with an exclusive
 * {@code DTEND}, timed ones in UTC (no VTIMEZONE to keep right; calendar apps show them in the reader's zone), and the
 * properties Outlook, Yandex and Google read for a subscription's name, zone and how often to fetch it again.
 */
final class IcsWriter {

    static final String PRODUCT = "-//RSOKO//RSOKO//RU";
    static final Duration REFRESH = Duration.ofHours(1);

    private IcsWriter() {
    }

    static String write(String name, ZoneId zone, Instant stamp, List<FeedEvent> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        for (FeedEvent event : events) {
            calendar.add(vevent(event, stamp));
        }
        StringWriter out = new StringWriter();
        try {
            // not validated: ical4j's validation rejects the X- properties the calendar apps want
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent vevent(FeedEvent e, Instant stamp) {
        VEvent event = e.allDay()
                ? new VEvent(e.firstDay(), e.lastDay().plusDays(1), e.summary())
                : new VEvent(e.start(), e.length(), e.summary());
        // the constructor stamps the event with the system clock; the feed's moment comes from the application's
        event.replace(new DtStamp(stamp));
        event.add(new Uid(e.uid()));
        if (e.description() != null && !e.description().isBlank()) {
            event.add(new Description(e.description()));
        }
        if (e.location() != null && !e.location().isBlank()) {
            event.add(new Location(e.location()));
        }
        if (e.url() != null) {
            event.add(new Url(URI.create(e.url())));
        }
        return event;
    }
}

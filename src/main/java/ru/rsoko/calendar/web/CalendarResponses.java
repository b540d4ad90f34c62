package ru.rsoko.calendar.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A feed as the answer calendar apps expect: {@code text/calendar; charset=UTF-8}, inline, named rsoko.ics. */
final class CalendarResponses {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private CalendarResponses() {
    }

    static ResponseEntity<byte[]> ics(String text) {
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("rsoko.ics").build().toString())
                .body(text.getBytes(StandardCharsets.UTF_8));
    }
}

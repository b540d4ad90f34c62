package ru.rsoko.notification.domain;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing to tell: the same for each of its recipients. {@code occasion} names it once and for all (the protocol
 * sent, the reminder of a day), so that telling it again writes nothing: a second run of a job, a second instance.
 *
 * @param text   the notification as the app shows it: plain lines
 * @param lines  the records it is about, listed in the mail with their dates and links
 * @param link   where the notification leads in the app (a path: /meetings/12)
 */
public record Message(NotificationKind kind, String occasion, @Nullable Long regionId, String title, String text,
                      List<Line> lines, @Nullable String link, @Nullable Long meetingId, @Nullable Long executionId,
                      @Nullable Long campaignId, @Nullable Attachment attachment) {

    public Message {
        if (title.length() > 300) {
            title = title.substring(0, 299) + "…";
        }
        lines = List.copyOf(lines);
    }

    public static Message of(NotificationKind kind, String occasion, @Nullable Long regionId, String title, String text) {
        return new Message(kind, occasion, regionId, title, text, List.of(), null, null, null, null, null);
    }

    public Message linkedTo(String link) {
        return new Message(kind, occasion, regionId, title, text, lines, link, meetingId, executionId, campaignId, attachment);
    }

    public Message about(@Nullable Long meetingId, @Nullable Long executionId, @Nullable Long campaignId) {
        return new Message(kind, occasion, regionId, title, text, lines, link, meetingId, executionId, campaignId, attachment);
    }

    /** A record the message is about: what, by when, who, and where to open it. */
    public record Line(String text, @Nullable LocalDate due, @Nullable String who, @Nullable String link) {
    }

    public record Attachment(String name, byte[] content) {
    }
}

package ru.rsoko.meeting.domain;

import org.jspecify.annotations.Nullable;

/** A material of an agenda item: an uploaded file, or a link. */
public record MaterialView(long id, String title, @Nullable String url, @Nullable FileRef file) {

    static MaterialView of(AgendaMaterial m) {
        return new MaterialView(m.getId(), m.getTitle(), m.getUrl(), FileRef.of(m.getFile()));
    }
}

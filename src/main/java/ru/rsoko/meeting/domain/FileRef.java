package ru.rsoko.meeting.domain;

import ru.rsoko.platform.file.StoredFile;

/** An uploaded file as a page links it: its id for the download, name and size. */
public record FileRef(long id, String name, long size, String sizeLabel) {

    static @org.jspecify.annotations.Nullable FileRef of(@org.jspecify.annotations.Nullable StoredFile file) {
        return file == null ? null : new FileRef(file.getId(), file.getName(), file.getSize(), file.getSizeLabel());
    }
}

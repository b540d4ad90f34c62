package ru.rsoko.platform.web;

/** Someone else saved the record since the user opened it: nothing is overwritten, the user reloads. */
public class ConcurrentEditException extends RuntimeException {

    public static final String MESSAGE =
            "Запись уже изменил другой пользователь. Ваши изменения не сохранены: откройте запись заново и повторите их.";

    public ConcurrentEditException() {
        super(MESSAGE);
    }

    /** Throws when the version the user edited is not the stored one. */
    public static void check(Long edited, Long stored) {
        if (edited == null || !edited.equals(stored)) {
            throw new ConcurrentEditException();
        }
    }
}

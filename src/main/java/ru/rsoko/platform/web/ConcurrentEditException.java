package ru.rsoko.platform.web;

import org.jspecify.annotations.Nullable;

/** Someone else saved the record since the user opened it: nothing is overwritten, the user reloads. */
public class ConcurrentEditException extends RuntimeException {

    public static final String MESSAGE =
            "Запись уже изменил другой пользователь. Ваши изменения не сохранены: откройте запись заново и повторите их.";

    /** On a form that comes back with what the person typed: the other person's text is shown beside it. */
    public static final String FORM_MESSAGE = "Пока вы писали, запись изменил другой пользователь: его данные показаны "
            + "на странице. Ваш текст сохранён в форме — сверьте его с новым и отправьте ещё раз.";

    /** A change of an existing record sent without the version it was made on (400, not a silent overwrite). */
    public static final String VERSION_REQUIRED = "Укажите version — версию записи из последнего чтения: без неё "
            + "изменение могло бы затереть чужое";

    public ConcurrentEditException() {
        super(MESSAGE);
    }

    /**
     * Throws when the version the user edited is not the stored one (409); a change sent without any version is
     * refused as invalid (400), never applied unconditionally.
     */
    public static void check(@Nullable Long edited, Long stored) {
        if (!required(edited).equals(stored)) {
            throw new ConcurrentEditException();
        }
    }

    /** The version a change of an existing record was made on; none is a 400 naming the field {@code version}. */
    public static Long required(@Nullable Long version) {
        if (version == null) {
            throw RuleViolationException.field("version", VERSION_REQUIRED);
        }
        return version;
    }
}

package ru.rsoko.meeting;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What sort of event a meeting is, with the genitive its protocol's heading uses. */
public enum MeetingKind {
    SEMINAR_MEETING("Семинар-совещание", "семинара-совещания"),
    SEMINAR("Семинар", "семинара"),
    MEETING("Совещание", "совещания"),
    CONFERENCE("Конференция", "конференции"),
    WEBINAR("Вебинар", "вебинара"),
    OTHER("Мероприятие", "мероприятия");

    private final String label;
    private final String genitive;

    MeetingKind(String label, String genitive) {
        this.label = label;
        this.genitive = genitive;
    }

    public String label() {
        return label;
    }

    /** As after «ПРОТОКОЛ»: «ПРОТОКОЛ семинара-совещания». */
    public String genitive() {
        return genitive;
    }

    /** Recognises the kind as a protocol writes it, in either case: «Семинар-совещание», «семинара-совещания». */
    public static Optional<MeetingKind> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        return Arrays.stream(values())
                .filter(k -> t.equals(k.label.toLowerCase(Locale.ROOT)) || t.equals(k.genitive))
                .findFirst();
    }
}

package ru.rsoko.meeting.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.web.Formats;

import java.time.LocalDate;
import java.util.List;

/** An official letter about a meeting (its announcement or the protocol's covering letter) as pages show it. */
public record LetterView(@Nullable String number, @Nullable LocalDate date, @Nullable String addressees,
                         @Nullable String body, @Nullable String signatoryPosition, @Nullable String signatoryName) {

    static LetterView of(Letter letter) {
        return new LetterView(letter.getNumber(), letter.getDate(), letter.getAddressees(), letter.getBody(),
                letter.getSignatoryPosition(), letter.getSignatoryName());
    }

    public List<String> addresseeLines() {
        return Letter.lines(addressees);
    }

    public List<String> bodyParagraphs() {
        return Letter.lines(body);
    }

    /** Registered: it has its number and date, as an official letter must before it is sent. */
    public boolean isRegistered() {
        return number != null && !number.isBlank() && date != null;
    }

    /** «06.05.2021 № 57-2751», or empty when not registered. */
    public String reference() {
        return isRegistered() ? Formats.DATE.format(date) + " № " + number : "";
    }
}

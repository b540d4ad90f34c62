package ru.rsoko.meeting.domain;

import jakarta.persistence.Embeddable;
import ru.rsoko.platform.web.Formats;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * An official letter about a meeting: its registration number and date («06.05.2021 № 57-2751»), addressees,
 * body and signatory. A meeting has two: the announcement and the protocol's covering letter.
 */
@Embeddable
class Letter {

    private String number;
    private LocalDate date;
    private String addressees;
    private String body;
    private String signatoryPosition;
    private String signatoryName;

    protected Letter() {
    }

    Letter(String number, LocalDate date, String addressees, String body, String signatoryPosition,
                  String signatoryName) {
        this.number = number;
        this.date = date;
        this.addressees = addressees;
        this.body = body;
        this.signatoryPosition = signatoryPosition;
        this.signatoryName = signatoryName;
    }

    static Letter empty() {
        return new Letter();
    }

    String getNumber() {
        return number;
    }

    LocalDate getDate() {
        return date;
    }

    String getAddressees() {
        return addressees;
    }

    List<String> getAddresseeLines() {
        return lines(addressees);
    }

    String getBody() {
        return body;
    }

    List<String> getBodyParagraphs() {
        return lines(body);
    }

    String getSignatoryPosition() {
        return signatoryPosition;
    }

    String getSignatoryName() {
        return signatoryName;
    }

    /** Registered: it has its number and date, as an official letter must before it is sent. */
    boolean isRegistered() {
        return number != null && !number.isBlank() && date != null;
    }

    /** «06.05.2021 № 57-2751», or empty when not registered. */
    String getReference() {
        return isRegistered() ? Formats.DATE.format(date) + " № " + number : "";
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

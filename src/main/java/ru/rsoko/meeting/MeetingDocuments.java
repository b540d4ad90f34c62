package ru.rsoko.meeting;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.meeting.document.LetterModel;
import ru.rsoko.platform.docx.OfficialHeader;
import ru.rsoko.meeting.document.ProtocolDocumentModel;
import ru.rsoko.platform.docx.RussianDates;
import ru.rsoko.platform.web.Formats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds the official documents of a meeting from its record: the protocol in the form of seed 002, its covering
 * letter, and the announcement with the agenda attached (seed 004). What the record leaves empty is worded the
 * way these letters usually are.
 */
@Component
class MeetingDocuments {

    private final DirectoryService directory;

    MeetingDocuments(DirectoryService directory) {
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    ProtocolDocumentModel protocol(Meeting meeting) {
        List<ProtocolDocumentModel.AgendaItem> agenda = meeting.getAgenda().stream()
                .map(i -> new ProtocolDocumentModel.AgendaItem(i.getNumber(), i.getTitle(), i.getSpeakerList(), i.getHeard()))
                .toList();
        List<ProtocolDocumentModel.Decision> decisions = meeting.getDecisions().stream()
                .map(d -> new ProtocolDocumentModel.Decision(d.getNumber(), d.getText(), d.getResponsibleText(),
                        d.getDeadline().originalText()))
                .toList();
        String signatoryName = meeting.getSignatoryName() != null ? meeting.getSignatoryName() : shortName(meeting.getChair());
        return new ProtocolDocumentModel(header(meeting), meeting.getProtocolNumber(), meeting.getKind().genitive(),
                meeting.getTitle(), meeting.getDate(), meeting.getStartTime(), meeting.getPlace(), meeting.getChair(),
                meeting.getParticipantLines(), meeting.getMunicipalitiesConnected(), agenda, decisions,
                meeting.getSignatoryPosition(), signatoryName);
    }

    @Transactional(readOnly = true)
    LetterModel cover(Meeting meeting) {
        Letter letter = meeting.getCover();
        String event = meeting.getKind().genitive() + " «" + meeting.getTitle() + "»";
        List<String> body = letter.getBodyParagraphs().isEmpty()
                ? List.of(RussianDates.longDate(meeting.getDate()) + " " + pastTense(meeting.getKind()) + " "
                        + meeting.getKind().label().toLowerCase(Locale.ROOT) + " «" + meeting.getTitle() + "»"
                        + (meeting.getVideoLink() != null ? " в режиме видеоконференцсвязи" : "")
                        + ". По итогам оформлен протокол.",
                "Для использования в работе и планирования деятельности направляем протокол " + event
                        + " от " + Formats.DATE.format(meeting.getDate()) + " согласно приложению к настоящему письму.")
                : letter.getBodyParagraphs();
        return new LetterModel(header(meeting), letter.getNumber(), letter.getDate(), addressees(meeting, letter),
                "О направлении протокола " + event, "Уважаемые руководители!", body, List.of(),
                "Приложение: протокол " + meeting.getKind().genitive() + " от " + Formats.DATE.format(meeting.getDate()) + ".",
                letter.getSignatoryPosition(), letter.getSignatoryName(), meeting.getExecutor(), null);
    }

    @Transactional(readOnly = true)
    LetterModel announcement(Meeting meeting) {
        Letter letter = meeting.getAnnouncement();
        String when = RussianDates.longDate(meeting.getDate())
                + (meeting.getStartTime() == null ? "" : ", " + RussianDates.time(meeting.getStartTime()));
        List<String> body = letter.getBodyParagraphs().isEmpty()
                ? List.of(when + " состоится " + meeting.getKind().label().toLowerCase(Locale.ROOT) + " «" + meeting.getTitle() + "»"
                        + (meeting.getPlace() != null ? " (" + meeting.getPlace() + ")" : "")
                        + (meeting.getVideoLink() != null ? " в режиме видеоконференцсвязи: " + meeting.getVideoLink() : "")
                        + ". Направляем повестку (приложение к настоящему письму).")
                : letter.getBodyParagraphs();
        List<String> requests = Letter.lines(meeting.getReportRequest());
        List<String> appendixLines = new ArrayList<>();
        appendixLines.add("Дата и время проведения: " + when + ".");
        if (meeting.getPlace() != null) {
            appendixLines.add("Место проведения: " + meeting.getPlace() + ".");
        }
        appendixLines.add("Повестка:");
        for (AgendaItem item : meeting.getAgenda()) {
            appendixLines.add(item.getNumber() + ". " + item.getTitle());
            List<String> speakers = item.getSpeakerList();
            if (!speakers.isEmpty()) {
                appendixLines.add((speakers.size() > 1 ? "Ответственные: " : "Ответственный: ") + String.join("; ", speakers) + ".");
            }
        }
        String caption = "Приложение к письму" + (letter.isRegistered() ? " от " + letter.getReference() : "");
        return new LetterModel(header(meeting), letter.getNumber(), letter.getDate(), addressees(meeting, letter),
                "О проведении " + meeting.getKind().genitive(), "Уважаемые руководители!", body, requests,
                "Приложение: повестка на 1 л. в 1 экз.", letter.getSignatoryPosition(), letter.getSignatoryName(),
                meeting.getExecutor(), new LetterModel.Appendix(caption,
                meeting.getKind().label() + " «" + meeting.getTitle() + "»", appendixLines));
    }

    private List<String> addressees(Meeting meeting, Letter letter) {
        if (!letter.getAddresseeLines().isEmpty()) {
            return letter.getAddresseeLines();
        }
        if (meeting.isMunicipal()) {
            return List.of("Руководителям общеобразовательных организаций");
        }
        return List.of("Руководителям органов местного самоуправления, осуществляющих управление в сфере образования",
                "Руководителям общеобразовательных организаций");
    }

    /** The letterhead: the organiser's name in capitals broken into short lines, and its contacts. */
    private OfficialHeader header(Meeting meeting) {
        OrgUnit organiser = directory.get(Scope.all(), meeting.getOrganiserId());
        return new OfficialHeader(letterheadLines(organiser.name()), organiser.address(), organiser.phone(),
                organiser.email());
    }

    static List<String> letterheadLines(String name) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : name.toUpperCase(Locale.ROOT).split("\\s+")) {
            if (!line.isEmpty() && line.length() + word.length() + 1 > 24) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** «Вторина Елена Вениаминовна - заместитель …» signs as «Е.В. Вторина». */
    static String shortName(String chair) {
        if (chair == null || chair.isBlank()) {
            return null;
        }
        String person = chair.split("\\s+[-–—]\\s+|,")[0].strip();
        String[] parts = person.split("\\s+");
        if (parts.length == 3 && Arrays.stream(parts).allMatch(p -> p.length() > 1 && Character.isUpperCase(p.charAt(0)))) {
            return parts[1].charAt(0) + "." + parts[2].charAt(0) + ". " + parts[0];
        }
        return person;
    }

    private static String pastTense(MeetingKind kind) {
        return switch (kind) {
            case CONFERENCE -> "прошла";
            case MEETING, OTHER -> "прошло";
            default -> "прошёл";
        };
    }
}

package ru.rsoko.meeting.domain;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.meeting.MeetingKind;
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
public class MeetingDocuments {

    private final DirectoryService directory;

    MeetingDocuments(DirectoryService directory) {
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public ProtocolDocumentModel protocol(MeetingView meeting) {
        List<ProtocolDocumentModel.AgendaItem> agenda = meeting.agenda().stream()
                .map(i -> new ProtocolDocumentModel.AgendaItem(i.number(), i.title(), i.speakerList(), i.heard()))
                .toList();
        List<ProtocolDocumentModel.Decision> decisions = meeting.decisions().stream()
                .map(d -> new ProtocolDocumentModel.Decision(d.number(), d.text(), d.responsibleText(),
                        d.deadline().originalText()))
                .toList();
        String signatoryName = meeting.signatoryName() != null ? meeting.signatoryName() : shortName(meeting.chair());
        return new ProtocolDocumentModel(header(meeting), meeting.protocolNumber(), meeting.kind().genitive(),
                meeting.title(), meeting.date(), meeting.startTime(), meeting.place(), meeting.chair(),
                meeting.participantLines(), meeting.municipalitiesConnected(), agenda, decisions,
                meeting.signatoryPosition(), signatoryName);
    }

    @Transactional(readOnly = true)
    public LetterModel cover(MeetingView meeting) {
        LetterView letter = meeting.cover();
        String event = meeting.kind().genitive() + " «" + meeting.title() + "»";
        List<String> body = letter.bodyParagraphs().isEmpty()
                ? List.of(RussianDates.longDate(meeting.date()) + " " + pastTense(meeting.kind()) + " "
                        + meeting.kind().label().toLowerCase(Locale.ROOT) + " «" + meeting.title() + "»"
                        + (meeting.videoLink() != null ? " в режиме видеоконференцсвязи" : "")
                        + ". По итогам оформлен протокол.",
                "Для использования в работе и планирования деятельности направляем протокол " + event
                        + " от " + Formats.DATE.format(meeting.date()) + " согласно приложению к настоящему письму.")
                : letter.bodyParagraphs();
        return new LetterModel(header(meeting), letter.number(), letter.date(), addressees(meeting, letter),
                "О направлении протокола " + event, "Уважаемые руководители!", body, List.of(),
                "Приложение: протокол " + meeting.kind().genitive() + " от " + Formats.DATE.format(meeting.date()) + ".",
                letter.signatoryPosition(), letter.signatoryName(), meeting.executor(), null);
    }

    @Transactional(readOnly = true)
    public LetterModel announcement(MeetingView meeting) {
        LetterView letter = meeting.announcement();
        String when = RussianDates.longDate(meeting.date())
                + (meeting.startTime() == null ? "" : ", " + RussianDates.time(meeting.startTime()));
        List<String> body = letter.bodyParagraphs().isEmpty()
                ? List.of(when + " состоится " + meeting.kind().label().toLowerCase(Locale.ROOT) + " «" + meeting.title() + "»"
                        + (meeting.place() != null ? " (" + meeting.place() + ")" : "")
                        + (meeting.videoLink() != null ? " в режиме видеоконференцсвязи: " + meeting.videoLink() : "")
                        + ". Направляем повестку (приложение к настоящему письму).")
                : letter.bodyParagraphs();
        List<String> requests = Letter.lines(meeting.reportRequest());
        List<String> appendixLines = new ArrayList<>();
        appendixLines.add("Дата и время проведения: " + when + ".");
        if (meeting.place() != null) {
            appendixLines.add("Место проведения: " + meeting.place() + ".");
        }
        appendixLines.add("Повестка:");
        for (AgendaItemView item : meeting.agenda()) {
            appendixLines.add(item.number() + ". " + item.title());
            List<String> speakers = item.speakerList();
            if (!speakers.isEmpty()) {
                appendixLines.add((speakers.size() > 1 ? "Ответственные: " : "Ответственный: ") + String.join("; ", speakers) + ".");
            }
        }
        String caption = "Приложение к письму" + (letter.isRegistered() ? " от " + letter.reference() : "");
        return new LetterModel(header(meeting), letter.number(), letter.date(), addressees(meeting, letter),
                "О проведении " + meeting.kind().genitive(), "Уважаемые руководители!", body, requests,
                "Приложение: повестка на 1 л. в 1 экз.", letter.signatoryPosition(), letter.signatoryName(),
                meeting.executor(), new LetterModel.Appendix(caption,
                meeting.kind().label() + " «" + meeting.title() + "»", appendixLines));
    }

    private List<String> addressees(MeetingView meeting, LetterView letter) {
        if (!letter.addresseeLines().isEmpty()) {
            return letter.addresseeLines();
        }
        if (meeting.isMunicipal()) {
            return List.of("Руководителям общеобразовательных организаций");
        }
        return List.of("Руководителям органов местного самоуправления, осуществляющих управление в сфере образования",
                "Руководителям общеобразовательных организаций");
    }

    /** The letterhead: the organiser's name in capitals broken into short lines, and its contacts. */
    private OfficialHeader header(MeetingView meeting) {
        OrgUnit organiser = directory.get(Scope.all(), meeting.organiserId());
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

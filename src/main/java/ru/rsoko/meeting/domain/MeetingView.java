package ru.rsoko.meeting.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.MeetingStatus;
import ru.rsoko.meeting.MeetingSummary;
import ru.rsoko.platform.web.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A meeting with everything its card, forms, documents and the API show: details, letters, agenda with materials,
 * decisions. Read whole inside the service's transaction.
 */
public record MeetingView(long id, long regionId, @Nullable Long municipalityId, long organiserId, MeetingKind kind,
                          String title, @Nullable String protocolNumber, LocalDate date, @Nullable LocalTime startTime,
                          @Nullable String place, @Nullable String videoLink, @Nullable String chair,
                          @Nullable String secretary, @Nullable String participants,
                          @Nullable Integer municipalitiesConnected, MeetingStatus status,
                          @Nullable String signatoryPosition, @Nullable String signatoryName, LetterView announcement,
                          @Nullable String reportRequest, LetterView cover, @Nullable String executor,
                          @Nullable Instant signedAt, @Nullable Instant sentAt, long version,
                          List<AgendaItemView> agenda, List<DecisionView> decisions) {

    static MeetingView of(Meeting m) {
        return new MeetingView(m.getId(), m.getRegionId(), m.getMunicipalityId(), m.getOrganiserId(), m.getKind(),
                m.getTitle(), m.getProtocolNumber(), m.getDate(), m.getStartTime(), m.getPlace(), m.getVideoLink(),
                m.getChair(), m.getSecretary(), m.getParticipants(), m.getMunicipalitiesConnected(), m.getStatus(),
                m.getSignatoryPosition(), m.getSignatoryName(), LetterView.of(m.getAnnouncement()), m.getReportRequest(),
                LetterView.of(m.getCover()), m.getExecutor(), m.getSignedAt(), m.getSentAt(), m.getVersion(),
                m.getAgenda().stream().map(AgendaItemView::of).toList(),
                m.getDecisions().stream().map(DecisionView::of).toList());
    }

    /** A municipality's own meeting with its schools, rather than the region's. */
    public boolean isMunicipal() {
        return municipalityId != null;
    }

    public List<String> participantLines() {
        return Letter.lines(participants);
    }

    public MeetingSummary summary() {
        return new MeetingSummary(id, kind, title, date, status, regionId, municipalityId, protocolNumber, startTime,
                place);
    }

    public AgendaItemView agendaItem(long itemId) {
        return agenda.stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> NotFoundException.of("Пункт повестки", itemId));
    }

    public DecisionView decision(long decisionId) {
        return decisions.stream().filter(d -> d.id() == decisionId).findFirst()
                .orElseThrow(() -> NotFoundException.of("Решение", decisionId));
    }
}

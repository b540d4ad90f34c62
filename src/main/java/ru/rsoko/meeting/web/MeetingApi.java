package ru.rsoko.meeting.web;

import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.MeetingStatus;
import ru.rsoko.meeting.ReportPeriod;
import ru.rsoko.meeting.ResponsibleKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The JSON of the meetings API: what integrations send and get. */
final class MeetingApi {

    private MeetingApi() {
    }

    record LetterJson(String number, LocalDate date, List<String> addressees, String body, String signatoryPosition,
                      String signatoryName) {
    }

    record SignatoryJson(String position, String name) {
    }

    record AgendaItemJson(Long id, String number, String title, List<String> speakers, String heard) {
    }

    record PartyJson(ResponsibleKind kind, Long orgUnitId, String name) {
    }

    record DeadlineJson(DeadlineKind kind, LocalDate dueDate, LocalDate periodStart, String originalText) {
    }

    record CountsJson(long total, long done, long inWork, long overdue, long notStarted, long notDone) {
        static CountsJson of(ExecutionFigures.Counts c) {
            return c == null ? null : new CountsJson(c.total(), c.done(), c.inWork(), c.overdue(), c.notStarted(), c.notDone());
        }
    }

    record DecisionJson(Long id, String number, String text, List<String> responsible, String responsibleText,
                        List<PartyJson> responsibleParties, DeadlineJson deadline, ReportPeriod reportPeriod,
                        Integer daysAfterProcedure, CountsJson executions) {
    }

    record OrgJson(long id, String name) {
    }

    /** A meeting as sent by an integration; agenda and decisions may be left out of a PUT to keep them. */
    record MeetingRequest(String kind, String title, String protocolNumber, LocalDate date, LocalTime time, String place,
                          String videoLink, String chair, String secretary, List<String> participants,
                          Integer municipalitiesConnected, SignatoryJson signatory, LetterJson announcement,
                          String reportRequest, LetterJson cover, String executor, List<AgendaItemJson> agenda,
                          List<DecisionJson> decisions, Long version) {
    }

    record MeetingJson(long id, MeetingKind kind, String title, String protocolNumber, LocalDate date, LocalTime time,
                       String place, String videoLink, String chair, String secretary, List<String> participants,
                       Integer municipalitiesConnected, MeetingStatus status, OrgJson organiser, Long municipalityId,
                       SignatoryJson signatory, LetterJson announcement, String reportRequest, LetterJson cover,
                       String executor, List<AgendaItemJson> agenda, List<DecisionJson> decisions, CountsJson executions,
                       Instant signedAt, long version) {
    }

    record MeetingSummaryJson(long id, MeetingKind kind, String title, LocalDate date, MeetingStatus status,
                              boolean municipal, CountsJson executions) {
    }
}

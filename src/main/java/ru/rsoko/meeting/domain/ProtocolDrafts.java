package ru.rsoko.meeting.domain;

import org.springframework.stereotype.Component;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.protocol.ProtocolDraft;

import java.time.LocalDate;

/** Turns a parsed protocol into the forms a person corrects, and into what the API returns. */
@Component
public class ProtocolDrafts {

    public ImportForm toForm(ProtocolDraft draft, LocalDate today) {
        ImportForm form = new ImportForm();
        MeetingForm meeting = form.getMeeting();
        meeting.setKind(MeetingKind.parse(draft.kind()).orElse(MeetingKind.SEMINAR_MEETING));
        meeting.setTitle(draft.title());
        meeting.setProtocolNumber(draft.number());
        meeting.setDate(draft.date() != null ? draft.date() : today);
        meeting.setStartTime(draft.time());
        meeting.setPlace(draft.place());
        meeting.setChair(draft.chair());
        meeting.setParticipants(draft.participants().isEmpty() ? null : String.join("\n", draft.participants()));
        for (ProtocolDraft.AgendaItem item : draft.agenda()) {
            form.getAgenda().add(AgendaItemForm.of(item.number(), item.title(), item.speakers(), item.heard()));
        }
        for (ProtocolDraft.Decision d : draft.decisions()) {
            DecisionForm decision = decisionForm(d);
            if (decision.getNumber() == null) {
                // the form needs a number; a decision the document left unnumbered gets its place in the list
                decision.setNumber(String.valueOf(form.getDecisions().size() + 1));
            }
            form.getDecisions().add(decision);
        }
        form.setUnplaced(draft.unplaced().isEmpty() ? null : String.join("\n", draft.unplaced()));
        return form;
    }

    static DecisionForm decisionForm(ProtocolDraft.Decision d) {
        DecisionForm form = new DecisionForm();
        form.setNumber(d.number());
        form.setText(d.text());
        form.setResponsibleText(d.responsible().isEmpty() ? null : String.join("; ", d.responsible()));
        if (d.deadline() != null) {
            form.setDeadlineText(d.deadline().originalText());
            form.setDeadlineKind(d.deadline().kind());
            form.setDueDate(d.deadline().dueDate());
            form.setPeriodStart(d.deadline().periodStart());
        }
        return form;
    }
}

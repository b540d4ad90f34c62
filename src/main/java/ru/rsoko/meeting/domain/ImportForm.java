package ru.rsoko.meeting.domain;

import jakarta.validation.Valid;

import java.util.ArrayList;
import java.util.List;

/** A protocol's draft as the person corrects it before anything is saved. */
public class ImportForm {

    @Valid
    private MeetingForm meeting = new MeetingForm();

    @Valid
    private List<AgendaItemForm> agenda = new ArrayList<>();

    @Valid
    private List<DecisionForm> decisions = new ArrayList<>();

    /** What the parser could not place: shown so that nothing of the source is lost. */
    private String unplaced;

    public MeetingForm getMeeting() { return meeting; }
    public void setMeeting(MeetingForm meeting) { this.meeting = meeting; }
    public List<AgendaItemForm> getAgenda() { return agenda; }
    public void setAgenda(List<AgendaItemForm> agenda) { this.agenda = agenda; }
    public List<DecisionForm> getDecisions() { return decisions; }
    public void setDecisions(List<DecisionForm> decisions) { this.decisions = decisions; }
    public String getUnplaced() { return unplaced; }
    public void setUnplaced(String unplaced) { this.unplaced = unplaced; }
}

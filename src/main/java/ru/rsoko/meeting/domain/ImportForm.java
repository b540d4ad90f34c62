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

    /**
     * The text the draft was read from (pasted, or extracted from the file), carried through the correction so that
     * the draft's sources can be shown again and a correction can be kept beside the text it corrects.
     */
    private String sourceText;

    public MeetingForm getMeeting() { return meeting; }
    public void setMeeting(MeetingForm meeting) { this.meeting = meeting; }
    public List<AgendaItemForm> getAgenda() { return agenda; }
    public void setAgenda(List<AgendaItemForm> agenda) { this.agenda = agenda; }
    public List<DecisionForm> getDecisions() { return decisions; }
    public void setDecisions(List<DecisionForm> decisions) { this.decisions = decisions; }
    public String getUnplaced() { return unplaced; }
    public void setUnplaced(String unplaced) { this.unplaced = unplaced; }
    public String getSourceText() { return sourceText; }
    public void setSourceText(String sourceText) { this.sourceText = sourceText; }
}

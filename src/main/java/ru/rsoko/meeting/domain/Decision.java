package ru.rsoko.meeting.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.ReportPeriod;
import ru.rsoko.meeting.ResponsibleParty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision of a protocol («РЕШИЛИ»): its number and text, who must execute it and by when. The responsible
 * parties are kept as structure (to fan out) and as the protocol's own words (to print and quote).
 */
@Entity
@Audited
@Table(name = "decision")
class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String number;

    @Column(nullable = false)
    private String text;

    private String responsibleText;

    @NotAudited
    @ElementCollection
    @CollectionTable(name = "decision_responsible", joinColumns = @JoinColumn(name = "decision_id"))
    @OrderColumn(name = "position")
    private List<Responsible> responsible = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeadlineKind deadlineKind;

    private LocalDate dueDate;

    private LocalDate periodStart;

    private String deadlineText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportPeriod reportPeriod = ReportPeriod.QUARTER;

    @Column(nullable = false)
    private int daysAfterProcedure = 30;

    @Version
    private Long version;

    protected Decision() {
    }

    Decision(Meeting meeting) {
        this.meeting = meeting;
    }

    Long getId() {
        return id;
    }

    Meeting getMeeting() {
        return meeting;
    }

    int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    String getNumber() {
        return number;
    }

    void setNumber(String number) {
        this.number = number;
    }

    String getText() {
        return text;
    }

    void setText(String text) {
        this.text = text;
    }

    String getResponsibleText() {
        return responsibleText;
    }

    void setResponsibleText(String responsibleText) {
        this.responsibleText = responsibleText;
    }

    List<ResponsibleParty> getResponsible() {
        return responsible.stream().map(Responsible::party).toList();
    }

    void setResponsible(List<ResponsibleParty> parties) {
        responsible.clear();
        parties.stream().distinct().map(Responsible::new).forEach(responsible::add);
    }

    Deadline getDeadline() {
        return new Deadline(deadlineKind, dueDate, periodStart, deadlineText);
    }

    void setDeadline(Deadline deadline) {
        this.deadlineKind = deadline.kind();
        this.dueDate = deadline.dueDate();
        this.periodStart = deadline.periodStart();
        this.deadlineText = deadline.originalText();
    }

    DeadlineKind getDeadlineKind() {
        return deadlineKind;
    }

    ReportPeriod getReportPeriod() {
        return reportPeriod;
    }

    void setReportPeriod(ReportPeriod reportPeriod) {
        this.reportPeriod = reportPeriod;
    }

    int getDaysAfterProcedure() {
        return daysAfterProcedure;
    }

    void setDaysAfterProcedure(int daysAfterProcedure) {
        this.daysAfterProcedure = daysAfterProcedure;
    }

    Long getVersion() {
        return version;
    }
}

package ru.rsoko.execution.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RelationTargetAuditMode;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.ExecutionStatus;
import ru.rsoko.meeting.DecisionFacts;
import ru.rsoko.platform.file.StoredFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one responsible organisation does about one decision: its status, report and evidence. A one-off
 * decision is done once; an ongoing one is reported period by period and never closed. {@code dueDate} is the
 * next date something is owed — derived from the deadline and the reports, kept here so that "overdue" is one
 * indexed comparison. The decision and its meeting belong to the meeting module and are kept by id; rows are
 * written by the fan-out's SQL, never persisted through this class.
 */
@Entity
@Audited
@Table(name = "execution")
class Execution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(name = "decision_id", nullable = false, updatable = false)
    private Long decisionId;

    /** The decision as the meeting module publishes it (the view {@code meeting_decision}), for search in queries. */
    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decision_id", insertable = false, updatable = false)
    private ExecutionDecision decision;

    @NotAudited
    @Column(name = "meeting_id", nullable = false, updatable = false)
    private Long meetingId;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id", updatable = false)
    private Executor orgUnit;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @NotAudited
    @Column(updatable = false)
    private Long municipalityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExecutionStatus status = ExecutionStatus.NOT_STARTED;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private boolean recurring;

    /** Recurring: the first day reported on (the protocol's signing). */
    @NotAudited
    @Column(nullable = false, updatable = false)
    private LocalDate periodStart;

    private LocalDate dueDate;

    private String report;

    private String reason;

    private String evidenceUrl;

    /** The periods the latest period report was filed for, as the history names them. */
    private String reportedPeriods;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "evidence_file_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private StoredFile evidenceFile;

    @NotAudited
    private Instant completedAt;

    @NotAudited
    private Instant updatedAt;

    @NotAudited
    private String updatedBy;

    @NotAudited
    @OneToMany(mappedBy = "execution", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("periodStart desc")
    private List<ExecutionReport> reports = new ArrayList<>();

    @Version
    private Long version;

    protected Execution() {
    }

    /** Whether records of the decision recur: reported period by period (or procedure by procedure) and never closed. */
    static boolean recurring(DecisionFacts decision) {
        return decision.deadlineKind().isRecurring();
    }

    /** The first due date of the decision's records, for a protocol signed on the given day. */
    static LocalDate firstDueDate(DecisionFacts decision, LocalDate signedOn, List<LocalDate> procedureEnds) {
        return recurring(decision) ? Schedule.of(decision, signedOn, procedureEnds).nextDue(List.of())
                : decision.deadline().dueDate();
    }

    /** The schedule of period reports of a recurring execution, given its decision and the ends of the region's planned procedures. */
    Schedule schedule(DecisionFacts decision, List<LocalDate> procedureEnds) {
        return Schedule.of(decision, periodStart, procedureEnds);
    }

    /** Whether something owed was not delivered by its date, as of the given day of the region. */
    boolean isOverdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && status.owes(recurring);
    }

    void recomputeDueDate(DecisionFacts decision, List<LocalDate> procedureEnds) {
        this.dueDate = recurring ? schedule(decision, procedureEnds).nextDue(reports) : decision.deadline().dueDate();
    }

    /** The record as pages show it, with its decision's facts from the meeting module; the organisation is loaded. */
    ExecutionRecord toRecord(DecisionFacts decision) {
        return new ExecutionRecord(id, decision, new ExecutionRecord.Organisation(orgUnit.getId(), orgUnit.getType(),
                orgUnit.getName(), orgUnit.getShortName(), orgUnit.getDisplayName(), orgUnit.getParentName()),
                regionId, municipalityId, status, recurring, periodStart, dueDate, report, reason, evidenceUrl,
                attachment(evidenceFile), completedAt, updatedAt, updatedBy, version);
    }

    static ExecutionRecord.Attachment attachment(StoredFile file) {
        return file == null ? null : new ExecutionRecord.Attachment(file.getId(), file.getName(), file.getSize(), file.getSizeLabel());
    }

    Long getId() {
        return id;
    }

    Long getDecisionId() {
        return decisionId;
    }

    Long getMeetingId() {
        return meetingId;
    }

    Executor getOrgUnit() {
        return orgUnit;
    }

    Long getRegionId() {
        return regionId;
    }

    Long getMunicipalityId() {
        return municipalityId;
    }

    ExecutionStatus getStatus() {
        return status;
    }

    void setStatus(ExecutionStatus status) {
        this.status = status;
    }

    boolean isRecurring() {
        return recurring;
    }

    LocalDate getPeriodStart() {
        return periodStart;
    }

    LocalDate getDueDate() {
        return dueDate;
    }

    String getReport() {
        return report;
    }

    void setReport(String report) {
        this.report = report;
    }

    String getReason() {
        return reason;
    }

    void setReason(String reason) {
        this.reason = reason;
    }

    String getEvidenceUrl() {
        return evidenceUrl;
    }

    void setEvidenceUrl(String evidenceUrl) {
        this.evidenceUrl = evidenceUrl;
    }

    String getReportedPeriods() {
        return reportedPeriods;
    }

    void setReportedPeriods(String reportedPeriods) {
        this.reportedPeriods = reportedPeriods;
    }

    StoredFile getEvidenceFile() {
        return evidenceFile;
    }

    void setEvidenceFile(StoredFile evidenceFile) {
        this.evidenceFile = evidenceFile;
    }

    Instant getCompletedAt() {
        return completedAt;
    }

    void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    void touched(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    List<ExecutionReport> getReports() {
        return reports;
    }

    Optional<ExecutionReport> reportFor(LocalDate periodStart) {
        return reports.stream().filter(r -> r.getPeriodStart().equals(periodStart)).findFirst();
    }

    Long getVersion() {
        return version;
    }
}

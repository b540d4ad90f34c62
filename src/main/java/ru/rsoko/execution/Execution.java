package ru.rsoko.execution;

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
import ru.rsoko.meeting.Decision;
import ru.rsoko.meeting.DeadlineKind;
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
 * indexed comparison.
 */
@Entity
@Audited
@Table(name = "execution")
public class Execution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "decision_id", updatable = false)
    private Decision decision;

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

    /** A prototype of the records of one decision: its first due date and whether it recurs (never saved itself). */
    Execution(Decision decision, long regionId, LocalDate signedOn, List<LocalDate> procedureEnds) {
        this.decision = decision;
        this.regionId = regionId;
        DeadlineKind kind = decision.getDeadlineKind();
        this.recurring = kind == DeadlineKind.ONGOING || kind == DeadlineKind.BY_DATE_THEN_ONGOING
                || kind == DeadlineKind.AFTER_EACH_PROCEDURE;
        this.periodStart = signedOn;
        this.dueDate = recurring ? Schedule.of(this, procedureEnds).nextDue(List.of()) : decision.getDeadline().dueDate();
    }

    /** The schedule of period reports of a recurring execution, given the ends of the region's planned procedures. */
    Schedule schedule(List<LocalDate> procedureEnds) {
        return Schedule.of(this, procedureEnds);
    }

    boolean isDueAfterProcedures() {
        return decision.getDeadlineKind() == DeadlineKind.AFTER_EACH_PROCEDURE;
    }

    /** Whether something owed was not delivered by its date, as of the given day of the region. */
    public boolean isOverdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && (recurring || status.isOpen());
    }

    void recomputeDueDate(List<LocalDate> procedureEnds) {
        this.dueDate = recurring ? schedule(procedureEnds).nextDue(reports) : decision.getDeadline().dueDate();
    }

    public Long getId() {
        return id;
    }

    public Decision getDecision() {
        return decision;
    }

    public Executor getOrgUnit() {
        return orgUnit;
    }

    public Long getRegionId() {
        return regionId;
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public ExecutionStatus getStatus() {
        return status;
    }

    void setStatus(ExecutionStatus status) {
        this.status = status;
    }

    public boolean isRecurring() {
        return recurring;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getReport() {
        return report;
    }

    void setReport(String report) {
        this.report = report;
    }

    public String getReason() {
        return reason;
    }

    void setReason(String reason) {
        this.reason = reason;
    }

    public String getEvidenceUrl() {
        return evidenceUrl;
    }

    void setEvidenceUrl(String evidenceUrl) {
        this.evidenceUrl = evidenceUrl;
    }

    public StoredFile getEvidenceFile() {
        return evidenceFile;
    }

    void setEvidenceFile(StoredFile evidenceFile) {
        this.evidenceFile = evidenceFile;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    void touched(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public List<ExecutionReport> getReports() {
        return reports;
    }

    public Optional<ExecutionReport> reportFor(LocalDate periodStart) {
        return reports.stream().filter(r -> r.getPeriodStart().equals(periodStart)).findFirst();
    }

    public Long getVersion() {
        return version;
    }
}

package ru.rsoko.plan.domain;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.ProcedureStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One monitoring procedure of a plan: ВПР in grades 4–8 in March–May, the ВСОКО study in October… Its planned
 * period stays as approved; a move keeps the new dates beside it, and the days it was moved, cancelled or done
 * let the plan's execution be told as of any day. Leaves the module as a {@link Procedure}.
 */
@Entity
@Audited
@Table(name = "plan_procedure")
class ProcedureEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", updatable = false)
    private PlanEntity plan;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "type_id")
    private ProcedureType type;

    private int position;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private LocalDate periodStart;

    @Column(nullable = false)
    private LocalDate periodEnd;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private Integer[] grades;

    private String subjects;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Participants participants = Participants.ALL_SCHOOLS;

    /** The chosen municipalities or schools when not all schools take part. */
    @NotAudited
    @ElementCollection
    @CollectionTable(name = "plan_procedure_participant", joinColumns = @JoinColumn(name = "procedure_id"))
    @Column(name = "org_unit_id")
    private Set<Long> participantIds = new LinkedHashSet<>();

    @NotAudited
    @Column(name = "responsible_id")
    private Long responsibleId;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "responsible_id", insertable = false, updatable = false)
    private ResponsibleOrganisation responsible;

    private boolean observersRequired;

    private BigDecimal coverageTarget;

    @NotAudited
    private Long vsokoCampaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProcedureStatus status = ProcedureStatus.PLANNED;

    private LocalDate movedStart;

    private LocalDate movedEnd;

    private LocalDate movedOn;

    private String cancelReason;

    private LocalDate cancelledOn;

    private LocalDate doneOn;

    private String resultsSummary;

    @NotAudited
    private Instant updatedAt;

    @NotAudited
    private String updatedBy;

    @NotAudited
    @OneToMany(mappedBy = "procedure", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    private List<ProcedureFile> files = new ArrayList<>();

    @Version
    private Long version;

    protected ProcedureEntity() {
    }

    ProcedureEntity(PlanEntity plan, ProcedureType type, String title, LocalDate periodStart, LocalDate periodEnd) {
        this.plan = plan;
        this.regionId = plan.getRegionId();
        this.type = type;
        this.title = title;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.grades = type.getGrades();
        this.coverageTarget = type.getCoverageTarget();
        this.observersRequired = type.isObservers();
    }

    /** The dates it is held on now: the new ones once moved. */
    public LocalDate effectiveStart() {
        return movedStart != null ? movedStart : periodStart;
    }

    public LocalDate effectiveEnd() {
        return movedEnd != null ? movedEnd : periodEnd;
    }

    public boolean wasMoved() {
        return movedEnd != null;
    }

    /** «4–8», «10», «4, 6, 11»: the grades as people write them. */
    String gradesText() {
        return Procedure.gradesText(grades);
    }

    public List<Integer> gradeList() {
        return grades == null ? List.of() : Arrays.stream(grades).sorted().distinct().toList();
    }

    public Long getId() {
        return id;
    }

    public PlanEntity getPlan() {
        return plan;
    }

    public Long getRegionId() {
        return regionId;
    }

    public ProcedureType getType() {
        return type;
    }

    public void setType(ProcedureType type) {
        this.type = type;
    }

    public int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(LocalDate periodStart) {
        this.periodStart = periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public void setPeriodEnd(LocalDate periodEnd) {
        this.periodEnd = periodEnd;
    }

    public Integer[] getGrades() {
        return grades;
    }

    public void setGrades(Integer[] grades) {
        this.grades = grades;
    }

    public String getSubjects() {
        return subjects;
    }

    public void setSubjects(String subjects) {
        this.subjects = subjects;
    }

    public Participants getParticipants() {
        return participants;
    }

    public void setParticipants(Participants participants) {
        this.participants = participants;
    }

    public Set<Long> getParticipantIds() {
        return participantIds;
    }

    /** As the directory publishes it; read within the transaction that loaded the procedure. */
    ResponsibleOrganisation getResponsible() {
        return responsible;
    }

    public Long getResponsibleId() {
        return responsibleId;
    }

    public void setResponsibleId(Long responsibleId) {
        this.responsibleId = responsibleId;
    }

    public boolean isObserversRequired() {
        return observersRequired;
    }

    public void setObserversRequired(boolean observersRequired) {
        this.observersRequired = observersRequired;
    }

    public BigDecimal getCoverageTarget() {
        return coverageTarget;
    }

    public void setCoverageTarget(BigDecimal coverageTarget) {
        this.coverageTarget = coverageTarget;
    }

    public Long getVsokoCampaignId() {
        return vsokoCampaignId;
    }

    public void setVsokoCampaignId(Long vsokoCampaignId) {
        this.vsokoCampaignId = vsokoCampaignId;
    }

    public ProcedureStatus getStatus() {
        return status;
    }

    void setStatus(ProcedureStatus status) {
        this.status = status;
    }

    public LocalDate getMovedStart() {
        return movedStart;
    }

    void setMovedStart(LocalDate movedStart) {
        this.movedStart = movedStart;
    }

    public LocalDate getMovedEnd() {
        return movedEnd;
    }

    void setMovedEnd(LocalDate movedEnd) {
        this.movedEnd = movedEnd;
    }

    public LocalDate getMovedOn() {
        return movedOn;
    }

    void setMovedOn(LocalDate movedOn) {
        this.movedOn = movedOn;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public LocalDate getCancelledOn() {
        return cancelledOn;
    }

    void setCancelledOn(LocalDate cancelledOn) {
        this.cancelledOn = cancelledOn;
    }

    public LocalDate getDoneOn() {
        return doneOn;
    }

    void setDoneOn(LocalDate doneOn) {
        this.doneOn = doneOn;
    }

    public String getResultsSummary() {
        return resultsSummary;
    }

    public void setResultsSummary(String resultsSummary) {
        this.resultsSummary = resultsSummary;
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

    public List<ProcedureFile> getFiles() {
        return files;
    }

    public Long getVersion() {
        return version;
    }

    /** The procedure as it leaves the module; read within the transaction that loaded it. */
    Procedure view() {
        return new Procedure(id, plan.getId(), plan.getTitle(), regionId, position, type.getId(), type.getCode(),
                type.getName(), title, periodStart, periodEnd, movedStart, movedEnd, movedOn, gradeList(), subjects,
                participants, participantIds, responsibleId, responsible == null ? null : responsible.getName(),
                observersRequired, coverageTarget, vsokoCampaignId, status, doneOn, cancelReason, cancelledOn,
                resultsSummary, updatedAt, updatedBy, version == null ? 0 : version);
    }
}

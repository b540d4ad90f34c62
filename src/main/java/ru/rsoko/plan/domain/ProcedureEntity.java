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
    LocalDate effectiveStart() {
        return movedStart != null ? movedStart : periodStart;
    }

    LocalDate effectiveEnd() {
        return movedEnd != null ? movedEnd : periodEnd;
    }

    boolean wasMoved() {
        return movedEnd != null;
    }

    /** «4–8», «10», «4, 6, 11»: the grades as people write them. */
    String gradesText() {
        return Procedure.gradesText(grades);
    }

    List<Integer> gradeList() {
        return grades == null ? List.of() : Arrays.stream(grades).sorted().distinct().toList();
    }

    Long getId() {
        return id;
    }

    PlanEntity getPlan() {
        return plan;
    }

    Long getRegionId() {
        return regionId;
    }

    ProcedureType getType() {
        return type;
    }

    void setType(ProcedureType type) {
        this.type = type;
    }

    int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    LocalDate getPeriodStart() {
        return periodStart;
    }

    void setPeriodStart(LocalDate periodStart) {
        this.periodStart = periodStart;
    }

    LocalDate getPeriodEnd() {
        return periodEnd;
    }

    void setPeriodEnd(LocalDate periodEnd) {
        this.periodEnd = periodEnd;
    }

    Integer[] getGrades() {
        return grades;
    }

    void setGrades(Integer[] grades) {
        this.grades = grades;
    }

    String getSubjects() {
        return subjects;
    }

    void setSubjects(String subjects) {
        this.subjects = subjects;
    }

    Participants getParticipants() {
        return participants;
    }

    void setParticipants(Participants participants) {
        this.participants = participants;
    }

    Set<Long> getParticipantIds() {
        return participantIds;
    }

    /** As the directory publishes it; read within the transaction that loaded the procedure. */
    ResponsibleOrganisation getResponsible() {
        return responsible;
    }

    Long getResponsibleId() {
        return responsibleId;
    }

    void setResponsibleId(Long responsibleId) {
        this.responsibleId = responsibleId;
    }

    boolean isObserversRequired() {
        return observersRequired;
    }

    void setObserversRequired(boolean observersRequired) {
        this.observersRequired = observersRequired;
    }

    BigDecimal getCoverageTarget() {
        return coverageTarget;
    }

    void setCoverageTarget(BigDecimal coverageTarget) {
        this.coverageTarget = coverageTarget;
    }

    Long getVsokoCampaignId() {
        return vsokoCampaignId;
    }

    void setVsokoCampaignId(Long vsokoCampaignId) {
        this.vsokoCampaignId = vsokoCampaignId;
    }

    ProcedureStatus getStatus() {
        return status;
    }

    void setStatus(ProcedureStatus status) {
        this.status = status;
    }

    LocalDate getMovedStart() {
        return movedStart;
    }

    void setMovedStart(LocalDate movedStart) {
        this.movedStart = movedStart;
    }

    LocalDate getMovedEnd() {
        return movedEnd;
    }

    void setMovedEnd(LocalDate movedEnd) {
        this.movedEnd = movedEnd;
    }

    LocalDate getMovedOn() {
        return movedOn;
    }

    void setMovedOn(LocalDate movedOn) {
        this.movedOn = movedOn;
    }

    String getCancelReason() {
        return cancelReason;
    }

    void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    LocalDate getCancelledOn() {
        return cancelledOn;
    }

    void setCancelledOn(LocalDate cancelledOn) {
        this.cancelledOn = cancelledOn;
    }

    LocalDate getDoneOn() {
        return doneOn;
    }

    void setDoneOn(LocalDate doneOn) {
        this.doneOn = doneOn;
    }

    String getResultsSummary() {
        return resultsSummary;
    }

    void setResultsSummary(String resultsSummary) {
        this.resultsSummary = resultsSummary;
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

    List<ProcedureFile> getFiles() {
        return files;
    }

    Long getVersion() {
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

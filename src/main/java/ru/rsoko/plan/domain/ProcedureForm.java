package ru.rsoko.plan.domain;

import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Procedure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What regional staff write about a procedure of the plan. Grades are typed as people write them: «4–8», «4, 6, 11». */
public class ProcedureForm {

    private Long typeId;
    private String title;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private String grades;
    private String subjects;
    private Participants participants = Participants.ALL_SCHOOLS;
    private List<Long> participantIds = new ArrayList<>();
    /** The page offers municipalities and schools side by side; only those of the chosen kind count. */
    private List<Long> municipalityIds = new ArrayList<>();
    private List<Long> schoolIds = new ArrayList<>();
    private Long responsibleId;
    private Boolean observersRequired;
    private BigDecimal coverageTarget;
    private Long vsokoCampaignId;
    private String resultsSummary;
    private Long version;

    /** The form of a stored procedure, as its edit page starts. */
    public static ProcedureForm of(Procedure p) {
        ProcedureForm form = new ProcedureForm();
        form.typeId = p.typeId();
        form.title = p.title();
        form.periodStart = p.periodStart();
        form.periodEnd = p.periodEnd();
        form.grades = p.gradesText();
        form.subjects = p.subjects();
        form.participants = p.participants();
        form.participantIds = new ArrayList<>(p.participantIds());
        if (p.participants() == Participants.MUNICIPALITIES) {
            form.municipalityIds = new ArrayList<>(p.participantIds());
        } else if (p.participants() == Participants.SCHOOLS) {
            form.schoolIds = new ArrayList<>(p.participantIds());
        }
        form.responsibleId = p.responsibleId();
        form.observersRequired = p.observersRequired();
        form.coverageTarget = p.coverageTarget();
        form.vsokoCampaignId = p.vsokoCampaignId();
        form.resultsSummary = p.resultsSummary();
        form.version = p.version();
        return form;
    }

    /** A new procedure's form with what its type suggests: the type's name, grades, coverage target and observers. */
    public static ProcedureForm of(ProcedureKind type) {
        ProcedureForm form = new ProcedureForm();
        form.typeId = type.id();
        form.title = type.name();
        form.grades = type.gradesText();
        form.coverageTarget = type.coverageTarget();
        form.observersRequired = type.observers();
        return form;
    }

    public Long getTypeId() {
        return typeId;
    }

    public void setTypeId(Long typeId) {
        this.typeId = typeId;
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

    public String getGrades() {
        return grades;
    }

    public void setGrades(String grades) {
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

    public List<Long> getParticipantIds() {
        return participantIds;
    }

    public void setParticipantIds(List<Long> participantIds) {
        this.participantIds = participantIds;
    }

    public List<Long> getMunicipalityIds() {
        return municipalityIds;
    }

    public void setMunicipalityIds(List<Long> municipalityIds) {
        this.municipalityIds = municipalityIds;
    }

    public List<Long> getSchoolIds() {
        return schoolIds;
    }

    public void setSchoolIds(List<Long> schoolIds) {
        this.schoolIds = schoolIds;
    }

    /** The chosen municipalities or schools: those of the page's list for the chosen kind, else {@code participantIds}. */
    List<Long> chosenIds() {
        List<Long> fromPage = participants == Participants.MUNICIPALITIES ? municipalityIds
                : participants == Participants.SCHOOLS ? schoolIds : List.of();
        return fromPage != null && !fromPage.isEmpty() ? fromPage : participantIds;
    }

    public Long getResponsibleId() {
        return responsibleId;
    }

    public void setResponsibleId(Long responsibleId) {
        this.responsibleId = responsibleId;
    }

    public Boolean getObserversRequired() {
        return observersRequired;
    }

    public void setObserversRequired(Boolean observersRequired) {
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

    public String getResultsSummary() {
        return resultsSummary;
    }

    public void setResultsSummary(String resultsSummary) {
        this.resultsSummary = resultsSummary;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

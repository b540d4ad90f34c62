package ru.rsoko.meeting.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.ReportPeriod;
import ru.rsoko.meeting.ResponsibleKind;
import ru.rsoko.meeting.ResponsibleParty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A decision as entered: number and text; the responsible parties as the protocol words them and, when chosen,
 * as structure (categories, municipalities whose schools, named organisations); the deadline's wording and,
 * when set by hand, its kind and dates. What is not set by hand is recognised from the wording.
 */
public class DecisionForm {

    @NotBlank(message = "Укажите номер решения")
    @Size(max = 20, message = "Не больше 20 символов в поле «Номер»")
    private String number;

    @NotBlank(message = "Укажите текст решения")
    @Size(max = 20000, message = "Не больше 20000 символов в поле «Текст решения»")
    private String text;

    @Size(max = 2000, message = "Не больше 2000 символов в поле «Ответственные»")
    private String responsibleText;

    private boolean allMunicipalities;

    private boolean allSchools;

    private List<Long> schoolsOf = new ArrayList<>();

    private List<Long> organisations = new ArrayList<>();

    @Size(max = 1000, message = "Не больше 1000 символов в поле «Срок»")
    private String deadlineText;

    /** Null: recognise the kind and dates from the wording. */
    private DeadlineKind deadlineKind;

    private LocalDate dueDate;

    private LocalDate periodStart;

    private ReportPeriod reportPeriod = ReportPeriod.QUARTER;

    @Min(value = 0, message = "Дней после процедуры — от 0 до 365")
    @Max(value = 365, message = "Дней после процедуры — от 0 до 365")
    private int daysAfterProcedure = 30;

    private Long version;

    public static DecisionForm of(DecisionView d) {
        DecisionForm f = new DecisionForm();
        f.number = d.number();
        f.text = d.text();
        f.responsibleText = d.responsibleText();
        f.choose(d.responsible());
        Deadline deadline = d.deadline();
        f.deadlineText = deadline.originalText();
        f.deadlineKind = deadline.kind();
        f.dueDate = deadline.dueDate();
        f.periodStart = deadline.periodStart();
        f.reportPeriod = d.reportPeriod();
        f.daysAfterProcedure = d.daysAfterProcedure();
        f.version = d.version();
        return f;
    }

    /** The parties chosen by hand, if any. */
    public List<ResponsibleParty> chosenParties() {
        List<ResponsibleParty> parties = new ArrayList<>();
        if (allMunicipalities) {
            parties.add(ResponsibleParty.category(ResponsibleKind.ALL_MUNICIPALITIES));
        }
        if (allSchools) {
            parties.add(ResponsibleParty.category(ResponsibleKind.ALL_SCHOOLS));
        }
        schoolsOf.stream().filter(Objects::nonNull).forEach(id -> parties.add(ResponsibleParty.schoolsOf(id)));
        organisations.stream().filter(Objects::nonNull).forEach(id -> parties.add(ResponsibleParty.organisation(id)));
        return parties;
    }

    public void choose(List<ResponsibleParty> parties) {
        allMunicipalities = false;
        allSchools = false;
        schoolsOf = new ArrayList<>();
        organisations = new ArrayList<>();
        for (ResponsibleParty p : parties) {
            switch (p.kind()) {
                case ALL_MUNICIPALITIES -> allMunicipalities = true;
                case ALL_SCHOOLS -> allSchools = true;
                case SCHOOLS_OF -> schoolsOf.add(p.orgUnitId());
                case ORGANISATION -> organisations.add(p.orgUnitId());
            }
        }
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getResponsibleText() { return responsibleText; }
    public void setResponsibleText(String responsibleText) { this.responsibleText = responsibleText; }
    public boolean isAllMunicipalities() { return allMunicipalities; }
    public void setAllMunicipalities(boolean allMunicipalities) { this.allMunicipalities = allMunicipalities; }
    public boolean isAllSchools() { return allSchools; }
    public void setAllSchools(boolean allSchools) { this.allSchools = allSchools; }
    public List<Long> getSchoolsOf() { return schoolsOf; }
    public void setSchoolsOf(List<Long> schoolsOf) { this.schoolsOf = schoolsOf == null ? new ArrayList<>() : schoolsOf; }
    public List<Long> getOrganisations() { return organisations; }
    public void setOrganisations(List<Long> organisations) { this.organisations = organisations == null ? new ArrayList<>() : organisations; }
    public String getDeadlineText() { return deadlineText; }
    public void setDeadlineText(String deadlineText) { this.deadlineText = deadlineText; }
    public DeadlineKind getDeadlineKind() { return deadlineKind; }
    public void setDeadlineKind(DeadlineKind deadlineKind) { this.deadlineKind = deadlineKind; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
    public ReportPeriod getReportPeriod() { return reportPeriod; }
    public void setReportPeriod(ReportPeriod reportPeriod) { this.reportPeriod = reportPeriod == null ? ReportPeriod.QUARTER : reportPeriod; }
    public int getDaysAfterProcedure() { return daysAfterProcedure; }
    public void setDaysAfterProcedure(int daysAfterProcedure) { this.daysAfterProcedure = daysAfterProcedure; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}

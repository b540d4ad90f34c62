package ru.rsoko.vsoko.campaign;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The campaign form of the page. */
class CampaignPageForm {

    private String name;
    private Integer year;
    private Long frameworkId;
    private LocalDate opensOn;
    private LocalDate closesOn;
    private boolean allSchools;
    private boolean municipalApproval;
    private List<Long> schoolIds = new ArrayList<>();
    private Long version;

    static CampaignPageForm of(CampaignView c, Collection<Long> participants) {
        CampaignPageForm form = new CampaignPageForm();
        form.name = c.name();
        form.year = c.year();
        form.frameworkId = c.framework().id();
        form.opensOn = c.opensOn();
        form.closesOn = c.closesOn();
        form.allSchools = c.allSchools();
        form.municipalApproval = c.municipalApproval();
        form.schoolIds = new ArrayList<>(participants);
        form.version = c.version();
        return form;
    }

    CampaignService.CampaignForm toForm() {
        return new CampaignService.CampaignForm(name, year, frameworkId, opensOn, closesOn, allSchools,
                allSchools ? null : schoolIds, municipalApproval, version);
    }

    public boolean isMunicipalApproval() {
        return municipalApproval;
    }

    public void setMunicipalApproval(boolean municipalApproval) {
        this.municipalApproval = municipalApproval;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Long getFrameworkId() {
        return frameworkId;
    }

    public void setFrameworkId(Long frameworkId) {
        this.frameworkId = frameworkId;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(LocalDate opensOn) {
        this.opensOn = opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(LocalDate closesOn) {
        this.closesOn = closesOn;
    }

    public boolean isAllSchools() {
        return allSchools;
    }

    public void setAllSchools(boolean allSchools) {
        this.allSchools = allSchools;
    }

    public List<Long> getSchoolIds() {
        return schoolIds;
    }

    public void setSchoolIds(List<Long> schoolIds) {
        this.schoolIds = schoolIds;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

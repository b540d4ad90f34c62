package ru.rsoko.vsoko.campaign;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import ru.rsoko.vsoko.framework.Framework;

import java.time.Instant;
import java.time.LocalDate;

/** One year's ВСОКО study of a region: its framework, dates, participating schools and course. */
@Entity
@Audited
@Table(name = "vsoko_campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int year;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id")
    private Framework framework;

    @Column(nullable = false)
    private LocalDate opensOn;

    @Column(nullable = false)
    private LocalDate closesOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignStatus status = CampaignStatus.DRAFT;

    @Column(nullable = false)
    private boolean allSchools = true;

    /** The municipality approves a handed-in self-assessment before the region accepts it. */
    @Column(nullable = false)
    private boolean municipalApproval;

    /** The campaign results are compared with; by default the region's latest earlier one. */
    @NotAudited
    private Long previousId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @NotAudited
    private Instant publishedAt;

    @Version
    private Long version;

    protected Campaign() {
    }

    public Campaign(long regionId, String name, int year, Framework framework, LocalDate opensOn, LocalDate closesOn) {
        this.regionId = regionId;
        this.name = name;
        this.year = year;
        this.framework = framework;
        this.opensOn = opensOn;
        this.closesOn = closesOn;
    }

    /** The school year the study belongs to, as «2022-2023» (a study of the autumn opens the school year). */
    public String schoolYear() {
        int start = opensOn.getMonthValue() >= 9 ? opensOn.getYear() : opensOn.getYear() - 1;
        return start + "-" + (start + 1);
    }

    public Long getId() {
        return id;
    }

    public Long getRegionId() {
        return regionId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public Framework getFramework() {
        return framework;
    }

    public void setFramework(Framework framework) {
        this.framework = framework;
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

    public CampaignStatus getStatus() {
        return status;
    }

    void setStatus(CampaignStatus status) {
        this.status = status;
    }

    public boolean isAllSchools() {
        return allSchools;
    }

    public void setAllSchools(boolean allSchools) {
        this.allSchools = allSchools;
    }

    public boolean isMunicipalApproval() {
        return municipalApproval;
    }

    void setMunicipalApproval(boolean municipalApproval) {
        this.municipalApproval = municipalApproval;
    }

    public Long getPreviousId() {
        return previousId;
    }

    public void setPreviousId(Long previousId) {
        this.previousId = previousId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    void setPublishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

package ru.rsoko.vsoko.campaign;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A campaign as pages, workbooks and the API read it, with what they show of its framework. */
public record CampaignView(long id, long regionId, String name, int year, FrameworkRef framework, LocalDate opensOn,
                           LocalDate closesOn, CampaignStatus status, boolean allSchools, @Nullable Long previousId,
                           @Nullable Instant publishedAt, boolean municipalApproval, long version) {

    /** The campaign's framework: its name, how many indicators it has and its thresholds. */
    public record FrameworkRef(long id, String name, boolean sample, int indicatorCount, BigDecimal formedFrom,
                               BigDecimal partialFrom) {
    }

    /** The school year the study belongs to, as «2022-2023» (a study of the autumn opens the school year). */
    public String schoolYear() {
        int start = opensOn.getMonthValue() >= 9 ? opensOn.getYear() : opensOn.getYear() - 1;
        return start + "-" + (start + 1);
    }

    /**
     * Still open though its last day of acceptance has passed, as of the given day of the reader's region: pages then say
     * «срок приёма истёк» instead of «идёт приём».
     */
    public boolean acceptanceOverdue(LocalDate today) {
        return status.isOpen() && closesOn.isBefore(today);
    }

    /** A campaign read inside a transaction; its framework has {@code indicatorCount} indicators. */
    /** With the framework as already read (results keep it): the campaign's framework is not loaded again. */
    public static CampaignView of(Campaign c, ru.rsoko.vsoko.framework.FrameworkView f) {
        return new CampaignView(c.getId(), c.getRegionId(), c.getName(), c.getYear(),
                new FrameworkRef(f.id(), f.name(), f.sample(), f.indicatorCount(), f.formedFrom(), f.partialFrom()),
                c.getOpensOn(), c.getClosesOn(), c.getStatus(), c.isAllSchools(), c.getPreviousId(), c.getPublishedAt(),
                c.isMunicipalApproval(), c.getVersion());
    }

    public static CampaignView of(Campaign c, int indicatorCount) {
        var f = c.getFramework();
        return new CampaignView(c.getId(), c.getRegionId(), c.getName(), c.getYear(),
                new FrameworkRef(f.getId(), f.getName(), f.isSample(), indicatorCount, f.getFormedFrom(), f.getPartialFrom()),
                c.getOpensOn(), c.getClosesOn(), c.getStatus(), c.isAllSchools(), c.getPreviousId(), c.getPublishedAt(),
                c.isMunicipalApproval(), c.getVersion());
    }
}

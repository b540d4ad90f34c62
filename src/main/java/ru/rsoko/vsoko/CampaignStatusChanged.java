package ru.rsoko.vsoko;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A ВСОКО campaign moved on: opened to its schools (again), or its results published. Published inside the
 * transaction that changed it; {@code status} is the new one.
 */
public record CampaignStatusChanged(long campaignId, long regionId, String name, int year, Status status,
                                    @Nullable LocalDate closesOn) {

    public enum Status {OPENED, CLOSED, PUBLISHED}
}

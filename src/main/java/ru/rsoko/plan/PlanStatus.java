package ru.rsoko.plan;

import ru.rsoko.platform.web.Badge;

/** A plan is drafted by the region and then approved by an order; only an approved plan drives due dates. */
public enum PlanStatus implements Badge {
    DRAFT("Проект", "text-bg-secondary"),
    APPROVED("Утверждён", "text-bg-success");

    private final String label;
    private final String badgeClass;

    PlanStatus(String label, String badgeClass) {
        this.label = label;
        this.badgeClass = badgeClass;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String badgeClass() {
        return badgeClass;
    }

    /** A draft is kept freely: its procedures added and deleted, the whole of it thrown away, and it is approved. */
    public boolean isDraft() {
        return this == DRAFT;
    }

    /** An approved plan is an official document: its procedures are carried out and drive due dates. */
    public boolean isApproved() {
        return this == APPROVED;
    }

    /** The only move: a draft is approved by its order; an approved plan stays approved. */
    public boolean canMoveTo(PlanStatus to) {
        return this == DRAFT && to == APPROVED;
    }
}

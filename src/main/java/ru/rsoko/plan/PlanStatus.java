package ru.rsoko.plan;

/** A plan is drafted by the region and then approved by an order; only an approved plan drives due dates. */
public enum PlanStatus {
    DRAFT("Проект"),
    APPROVED("Утверждён");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

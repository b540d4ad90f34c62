package ru.rsoko.vsoko;

import ru.rsoko.platform.web.Badge;

/**
 * Where a school's self-assessment stands, and where it may go: filled in (not started, in progress, returned),
 * handed in, approved by the municipality where the campaign asks for it, then accepted by the region's expert, or
 * returned for revision at any of these stages.
 */
public enum SubmissionStatus implements Badge {
    NOT_STARTED("не начата", "text-bg-light border"),
    IN_PROGRESS("заполняется", "text-bg-light border"),
    SUBMITTED("представлена", "text-bg-primary"),
    APPROVED("согласована муниципалитетом", "text-bg-info"),
    RETURNED("возвращена на доработку", "text-bg-warning"),
    ACCEPTED("принята", "text-bg-success");

    private final String label;
    private final String badgeClass;

    SubmissionStatus(String label, String badgeClass) {
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

    /** Whether the school may still change its values. */
    public boolean editable() {
        return this == NOT_STARTED || this == IN_PROGRESS || this == RETURNED;
    }

    /** Whether the submission enters the results: the school has handed it in. */
    public boolean counted() {
        return this == SUBMITTED || this == APPROVED || this == ACCEPTED;
    }

    /** Handed in and waiting for a decision: the municipality's approval or the region's acceptance. */
    public boolean awaitingReview() {
        return this == SUBMITTED || this == APPROVED;
    }

    public boolean isApproved() {
        return this == APPROVED;
    }

    /** Returned for revision: the reviewer's comment is shown with it. */
    public boolean isReturned() {
        return this == RETURNED;
    }

    /**
     * The moves of a self-assessment: the first saved value starts it, one still editable is handed in, one handed in
     * is approved by the municipality, accepted (once) or returned for revision. Whether the campaign asks for the
     * municipality's approval before acceptance is the campaign's rule, checked where the move is made.
     */
    public boolean canMoveTo(SubmissionStatus to) {
        return switch (to) {
            case NOT_STARTED -> false;
            case IN_PROGRESS -> this == NOT_STARTED;
            case SUBMITTED -> editable();
            case RETURNED -> counted();
            case APPROVED -> this == SUBMITTED;
            case ACCEPTED -> this == SUBMITTED || this == APPROVED;
        };
    }
}

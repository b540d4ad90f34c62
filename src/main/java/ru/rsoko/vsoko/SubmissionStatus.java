package ru.rsoko.vsoko;

import ru.rsoko.platform.web.Badge;

/**
 * Where a school's self-assessment stands, and where it may go: filled in (not started, in progress, returned),
 * handed in, then accepted by the region's expert or returned for revision.
 */
public enum SubmissionStatus implements Badge {
    NOT_STARTED("не начата", "text-bg-light border"),
    IN_PROGRESS("заполняется", "text-bg-light border"),
    SUBMITTED("представлена", "text-bg-primary"),
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
        return this == SUBMITTED || this == ACCEPTED;
    }

    /** Returned for revision: the reviewer's comment is shown with it. */
    public boolean isReturned() {
        return this == RETURNED;
    }

    /**
     * The moves of a self-assessment: the first saved value starts it, one still editable is handed in, one handed in
     * is accepted (once) or returned for revision.
     */
    public boolean canMoveTo(SubmissionStatus to) {
        return switch (to) {
            case NOT_STARTED -> false;
            case IN_PROGRESS -> this == NOT_STARTED;
            case SUBMITTED -> editable();
            case RETURNED -> counted();
            case ACCEPTED -> this == SUBMITTED;
        };
    }
}

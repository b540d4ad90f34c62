package ru.rsoko.vsoko;

/** Where a school's self-assessment stands. */
public enum SubmissionStatus {
    NOT_STARTED("не начата"),
    IN_PROGRESS("заполняется"),
    SUBMITTED("представлена"),
    RETURNED("возвращена на доработку"),
    ACCEPTED("принята");

    private final String label;

    SubmissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the school may still change its values. */
    public boolean editable() {
        return this == NOT_STARTED || this == IN_PROGRESS || this == RETURNED;
    }

    /** Whether the submission enters the results: the school has handed it in. */
    public boolean counted() {
        return this == SUBMITTED || this == ACCEPTED;
    }
}

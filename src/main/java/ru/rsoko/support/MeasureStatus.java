package ru.rsoko.support;

import ru.rsoko.platform.web.Badge;

/** Where a measure of a programme stands; «просрочено» is not a status but computed from the due date. */
public enum MeasureStatus implements Badge {
    PLANNED("Запланировано", "text-bg-secondary"),
    IN_PROGRESS("Выполняется", "text-bg-primary"),
    DONE("Выполнено", "text-bg-success"),
    CANCELLED("Отменено", "text-bg-light border");

    private final String label;
    private final String badgeClass;

    MeasureStatus(String label, String badgeClass) {
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

    /** Still owed: neither done nor cancelled. */
    public boolean open() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}

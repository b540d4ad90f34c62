package ru.rsoko.results.recheck;

import ru.rsoko.platform.web.Badge;

/** A re-check is open while experts mark works; closed once the region has its result. */
public enum RecheckStatus implements Badge {
    OPEN("Идёт перепроверка", "text-bg-primary"),
    CLOSED("Завершена", "text-bg-success");

    private final String label;
    private final String badgeClass;

    RecheckStatus(String label, String badgeClass) {
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
}

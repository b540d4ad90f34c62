package ru.rsoko.dashboard.domain;

import ru.rsoko.platform.web.Badge;

/** A school's risk level, from the sum of the weights of the rules it meets (see {@link RiskRules}). */
public enum RiskLevel implements Badge {
    HIGH("высокий", "text-bg-danger"),
    MEDIUM("средний", "text-bg-warning"),
    LOW("низкий", "text-bg-success");

    private final String label;
    private final String badgeClass;

    RiskLevel(String label, String badgeClass) {
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

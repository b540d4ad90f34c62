package ru.rsoko.support;

import ru.rsoko.platform.web.Badge;

/** The level of a risk factor of a school, as assessed when its programme begins and again later. */
public enum RiskLevel implements Badge {
    HIGH("высокий", "text-bg-danger", 3),
    MEDIUM("средний", "text-bg-warning", 2),
    LOW("низкий", "text-bg-success", 1);

    private final String label;
    private final String badgeClass;
    private final int weight;

    RiskLevel(String label, String badgeClass, int weight) {
        this.label = label;
        this.badgeClass = badgeClass;
        this.weight = weight;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String badgeClass() {
        return badgeClass;
    }

    /** Lower after than before: the risk went down. */
    public boolean lowerThan(RiskLevel other) {
        return weight < other.weight;
    }
}

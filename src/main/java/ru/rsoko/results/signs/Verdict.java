package ru.rsoko.results.signs;

import ru.rsoko.platform.web.Badge;

/** Regional staff's verdict on a school the rules put forward for a year's list. */
public enum Verdict implements Badge {
    ACCEPTED("Включена в список", "text-bg-success"),
    DISMISSED("Не включать", "text-bg-secondary");

    private final String label;
    private final String badgeClass;

    Verdict(String label, String badgeClass) {
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

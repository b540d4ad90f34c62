package ru.rsoko.results.signs;

import ru.rsoko.platform.web.Badge;

/** The rules that flag a school's subject and grade as showing signs of non-objective results. */
public enum SignRule implements Badge {
    TOP_MARKS("Много «5»", "text-bg-danger"),
    RAISED("Много «повысили»", "text-bg-warning"),
    LOWERED("Много «понизили»", "text-bg-warning"),
    RECHECK("Расхождение при перепроверке", "text-bg-danger"),
    YEAR_JUMP("Скачок между годами", "text-bg-info");

    private final String label;
    private final String badgeClass;

    SignRule(String label, String badgeClass) {
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

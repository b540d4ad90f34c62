package ru.rsoko.meeting;

import ru.rsoko.platform.web.Badge;

/** The forms a deadline takes in real protocols (DOMAIN.md), normalised. */
public enum DeadlineKind implements Badge {
    /** «до 31 мая 2021 года» */
    BY_DATE("К сроку"),
    /** «до 10 июня 2021 года, далее - постоянно» */
    BY_DATE_THEN_ONGOING("К сроку, далее постоянно"),
    /** «постоянно»: reported periodically, never done once and for all */
    ONGOING("Постоянно"),
    /** «в течение 2022-2023 учебного года»: due on the period's last day */
    WITHIN_PERIOD("В течение периода"),
    /** «постоянно по итогам процедур оценки качества образования»: due after each procedure of the plan */
    AFTER_EACH_PROCEDURE("По итогам каждой процедуры"),
    /** anything else, e.g. «в соответствии со сроками плана мероприятий Концепции до 2025 года» */
    OTHER("Иное");

    private final String label;

    DeadlineKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String badgeClass() {
        return isRecurring() ? "text-bg-info" : "text-bg-light";
    }

    /** Whether a date must be given with this kind when it is set by hand. */
    public boolean needsDate() {
        return this == BY_DATE || this == BY_DATE_THEN_ONGOING || this == WITHIN_PERIOD;
    }

    /** Reported period by period (or procedure by procedure) and never closed, rather than done once. */
    public boolean isRecurring() {
        return this == ONGOING || this == BY_DATE_THEN_ONGOING || this == AFTER_EACH_PROCEDURE;
    }
}

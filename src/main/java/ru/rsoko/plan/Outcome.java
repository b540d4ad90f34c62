package ru.rsoko.plan;

import ru.rsoko.platform.web.Badge;

/** How a procedure stands in the report «выполнение плана-графика» as of a day. */
public enum Outcome implements Badge {
    ON_TIME("Выполнено в срок", "text-bg-success"),
    LATE("Выполнено с нарушением срока", "text-bg-danger"),
    MOVED("Перенесено", "text-bg-warning"),
    CANCELLED("Отменено", "text-bg-dark"),
    OVERDUE("Не выполнено в срок", "text-bg-danger"),
    UNDER_WAY("Проводится", "text-bg-light border"),
    PLANNED("Запланировано", "text-bg-light border");

    private final String label;
    private final String badgeClass;

    Outcome(String label, String badgeClass) {
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

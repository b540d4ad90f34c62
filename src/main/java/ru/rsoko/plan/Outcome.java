package ru.rsoko.plan;

/** How a procedure stands in the report «выполнение плана-графика» as of a day. */
public enum Outcome {
    ON_TIME("Выполнено в срок"),
    LATE("Выполнено с нарушением срока"),
    MOVED("Перенесено"),
    CANCELLED("Отменено"),
    OVERDUE("Не выполнено в срок"),
    UNDER_WAY("Проводится"),
    PLANNED("Запланировано");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package ru.rsoko.plan;

/** Where a procedure of the plan stands; «перенесено» keeps the new dates, «отменено» a reason. */
public enum ProcedureStatus {
    PLANNED("Запланировано"),
    IN_PROGRESS("Проводится"),
    DONE("Выполнено"),
    MOVED("Перенесено"),
    CANCELLED("Отменено");

    private final String label;

    ProcedureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ProcedureStatus fromLabel(String text) {
        for (ProcedureStatus s : values()) {
            if (s.label.equalsIgnoreCase(text.strip()) || s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        return null;
    }
}

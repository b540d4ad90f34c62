package ru.rsoko.execution;

public enum ExecutionStatus {
    NOT_STARTED("Не начато"),
    IN_PROGRESS("В работе"),
    DONE("Выполнено"),
    NOT_DONE("Не выполнено");

    private final String label;

    ExecutionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}

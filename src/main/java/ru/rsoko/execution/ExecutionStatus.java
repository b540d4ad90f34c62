package ru.rsoko.execution;

import ru.rsoko.platform.web.Badge;

import java.util.Arrays;
import java.util.List;

/**
 * Where an execution record stands. A one-off decision is done (or not done) once; an ongoing one is reported on
 * period by period and never closed, so it only moves between «не начато» and «в работе».
 */
public enum ExecutionStatus implements Badge {
    NOT_STARTED("Не начато", "text-bg-light"),
    IN_PROGRESS("В работе", "text-bg-primary"),
    DONE("Выполнено", "text-bg-success"),
    NOT_DONE("Не выполнено", "text-bg-dark");

    private final String label;
    private final String badgeClass;

    ExecutionStatus(String label, String badgeClass) {
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

    /** Still to be done: not started or in work. */
    public boolean isOpen() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }

    /** Closes the record: done, or not done with a reason. */
    public boolean isFinal() {
        return this == DONE || this == NOT_DONE;
    }

    /** Whether a record may take this status: an ongoing (recurring) one is never closed. */
    public boolean allowedFor(boolean recurring) {
        return !recurring || !isFinal();
    }

    /** The statuses a record may take, for its form. */
    public static List<ExecutionStatus> allowed(boolean recurring) {
        return Arrays.stream(values()).filter(s -> s.allowedFor(recurring)).toList();
    }

    /** Whether something is still owed by a record in this status: an open one, or any ongoing one. */
    public boolean owes(boolean recurring) {
        return recurring || isOpen();
    }
}

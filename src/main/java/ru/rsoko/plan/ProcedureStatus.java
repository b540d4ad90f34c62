package ru.rsoko.plan;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.web.Badge;

/** Where a procedure of the plan stands; «перенесено» keeps the new dates, «отменено» a reason. */
public enum ProcedureStatus implements Badge {
    PLANNED("Запланировано", "text-bg-secondary"),
    IN_PROGRESS("Проводится", "text-bg-primary"),
    DONE("Выполнено", "text-bg-success"),
    MOVED("Перенесено", "text-bg-warning"),
    CANCELLED("Отменено", "text-bg-dark");

    private final String label;
    private final String badgeClass;

    ProcedureStatus(String label, String badgeClass) {
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

    /** Done or cancelled: the course is over until the procedure is put back to planned. */
    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }

    /**
     * Whether the course may go from this status to {@code to}. Back to planned always (to correct a mistake); under
     * way and moved only while the course is open; done unless cancelled (again, to correct the day); cancelled
     * unless done (again, to correct the reason).
     */
    public boolean canMoveTo(ProcedureStatus to) {
        return switch (to) {
            case PLANNED -> true;
            case IN_PROGRESS, MOVED -> !isFinal();
            case DONE -> this != CANCELLED;
            case CANCELLED -> this != DONE;
        };
    }

    /**
     * The moves the procedure's page offers from this status: of those {@link #canMoveTo allowed}, the ones that
     * change something a person would ask for — «проводится» only from planned or moved, «вернуть в
     * запланированные» only once done or cancelled, and nothing else then.
     */
    public boolean offers(ProcedureStatus to) {
        return switch (to) {
            case PLANNED -> isFinal();
            case IN_PROGRESS -> this == PLANNED || this == MOVED;
            case DONE, MOVED, CANCELLED -> !isFinal();
        };
    }

    public static @Nullable ProcedureStatus fromLabel(String text) {
        for (ProcedureStatus s : values()) {
            if (s.label.equalsIgnoreCase(text.strip()) || s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        return null;
    }
}

package ru.rsoko.support;

import ru.rsoko.platform.web.Badge;

import java.util.Set;

/** The course of a support programme: drafted, approved and in force, closed with a conclusion. */
public enum ProgrammeStatus implements Badge {
    DRAFT("Проект", "text-bg-secondary"),
    ACTIVE("Действует", "text-bg-primary"),
    CLOSED("Завершена", "text-bg-success");

    private final String label;
    private final String badgeClass;

    ProgrammeStatus(String label, String badgeClass) {
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

    /** The statuses a programme may move to from this one (staying is always allowed). */
    public Set<ProgrammeStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(ACTIVE);
            case ACTIVE -> Set.of(CLOSED, DRAFT);
            case CLOSED -> Set.of(ACTIVE);
        };
    }

    public boolean mayBecome(ProgrammeStatus other) {
        return other == this || next().contains(other);
    }
}

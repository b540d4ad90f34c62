package ru.rsoko.meeting;

import ru.rsoko.platform.web.Badge;

/**
 * Where a meeting stands: planned, held, its protocol signed (the decisions bind from then on), the protocol sent.
 * Each status knows the next ones it allows; pages and the service ask it.
 */
public enum MeetingStatus implements Badge {
    PLANNED("Запланировано", "text-bg-light"),
    HELD("Проведено", "text-bg-light"),
    SIGNED("Протокол подписан", "text-bg-primary"),
    SENT("Протокол направлен", "text-bg-primary");

    private final String label;
    private final String badgeClass;

    MeetingStatus(String label, String badgeClass) {
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

    /** Agenda and decisions are the protocol's content: fixed once it is signed. */
    public boolean isProtocolFinal() {
        return this == SIGNED || this == SENT;
    }

    /** Planned → held; planned or held → signed; signed → sent. */
    public boolean canMoveTo(MeetingStatus next) {
        return switch (next) {
            case PLANNED -> false;
            case HELD -> this == PLANNED;
            case SIGNED -> !isProtocolFinal();
            case SENT -> this == SIGNED;
        };
    }

    public boolean canBeMarkedHeld() {
        return canMoveTo(HELD);
    }

    public boolean canBeSigned() {
        return canMoveTo(SIGNED);
    }

    public boolean canBeMarkedSent() {
        return canMoveTo(SENT);
    }

    /** A meeting is deleted only while its protocol is not signed: afterwards its decisions are being executed. */
    public boolean canBeDeleted() {
        return !isProtocolFinal();
    }
}

package ru.rsoko.meeting;

public enum MeetingStatus {
    PLANNED("Запланировано"),
    HELD("Проведено"),
    SIGNED("Протокол подписан"),
    SENT("Протокол направлен");

    private final String label;

    MeetingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Agenda and decisions are the protocol's content: fixed once it is signed. */
    public boolean isProtocolFinal() {
        return this == SIGNED || this == SENT;
    }
}

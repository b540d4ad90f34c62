package ru.rsoko.plan;

/** Who takes part in a procedure: every school of the region, the schools of chosen municipalities, or chosen schools. */
public enum Participants {
    ALL_SCHOOLS("Все ОО"),
    MUNICIPALITIES("ОО выбранных муниципалитетов"),
    SCHOOLS("Выбранные ОО");

    private final String label;

    Participants(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

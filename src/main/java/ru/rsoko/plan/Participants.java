package ru.rsoko.plan;

import ru.rsoko.platform.web.Badge;

/** Who takes part in a procedure: every school of the region, the schools of chosen municipalities, or chosen schools. */
public enum Participants implements Badge {
    ALL_SCHOOLS("Все ОО"),
    MUNICIPALITIES("ОО выбранных муниципалитетов"),
    SCHOOLS("Выбранные ОО");

    private final String label;

    Participants(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String badgeClass() {
        return "text-bg-light border";
    }

    /** Whether the procedure names municipalities (whose active schools take part). */
    public boolean choosesMunicipalities() {
        return this == MUNICIPALITIES;
    }

    /** Whether the procedure names its schools one by one. */
    public boolean choosesSchools() {
        return this == SCHOOLS;
    }
}

package ru.rsoko.vsoko;

/** A campaign's course: prepared, open to schools, closed for review, results published to every level. */
public enum CampaignStatus {
    DRAFT("подготовка"),
    OPEN("идёт приём"),
    CLOSED("приём завершён"),
    PUBLISHED("результаты опубликованы");

    private final String label;

    CampaignStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

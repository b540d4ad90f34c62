package ru.rsoko.vsoko.campaign;

import ru.rsoko.platform.web.Badge;

import java.util.List;
import java.util.stream.Stream;

/**
 * A campaign's course: prepared, open to schools, closed for review, results published to every level. Reopening a
 * closed campaign and withdrawing the publication are allowed; back to preparation is not.
 */
public enum CampaignStatus implements Badge {
    DRAFT("подготовка", "text-bg-secondary"),
    OPEN("идёт приём", "text-bg-primary"),
    CLOSED("приём завершён", "text-bg-secondary"),
    PUBLISHED("результаты опубликованы", "text-bg-success");

    private final String label;
    private final String badgeClass;

    CampaignStatus(String label, String badgeClass) {
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

    public boolean canMoveTo(CampaignStatus to) {
        return switch (to) {
            case OPEN -> this == DRAFT || this == CLOSED;
            case CLOSED -> this == OPEN || this == PUBLISHED;
            case PUBLISHED -> this == CLOSED;
            case DRAFT -> false;
        };
    }

    /** A move the campaign's keeper may make from here, as its button says it. */
    public record Move(CampaignStatus to, String action, boolean main) {
    }

    /** The moves allowed from here, in the order of the buttons. */
    public List<Move> moves() {
        return Stream.of(OPEN, CLOSED, PUBLISHED).filter(this::canMoveTo)
                .map(to -> new Move(to, switch (to) {
                    case OPEN -> this == DRAFT ? "Открыть приём" : "Возобновить приём";
                    case CLOSED -> this == PUBLISHED ? "Снять публикацию" : "Завершить приём";
                    case PUBLISHED -> "Опубликовать результаты";
                    case DRAFT -> throw new IllegalStateException("no move back to preparation");
                }, to == PUBLISHED))
                .toList();
    }

    /** Still in preparation: its framework, year and participants may change, and only its region sees it. */
    public boolean isDraft() {
        return this == DRAFT;
    }

    /** Schools send their values (and the values workbook is offered). */
    public boolean isOpen() {
        return this == OPEN;
    }

    /** The results are published: municipalities and schools see them. */
    public boolean isPublished() {
        return this == PUBLISHED;
    }
}

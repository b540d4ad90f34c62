package ru.rsoko.account.domain;

import ru.rsoko.platform.web.Badge;

/** Whether a personal access token still opens the API. */
public enum TokenState implements Badge {
    ACTIVE("действует", "text-bg-success"),
    EXPIRED("срок истёк", "text-bg-secondary"),
    REVOKED("отозван", "text-bg-danger");

    private final String label;
    private final String badgeClass;

    TokenState(String label, String badgeClass) {
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

    /** Only a token that still works can be revoked. */
    public boolean revocable() {
        return this == ACTIVE;
    }
}

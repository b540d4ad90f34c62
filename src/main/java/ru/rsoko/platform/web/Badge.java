package ru.rsoko.platform.web;

/**
 * A state of a closed set (a status, an outcome, a kind) as pages show it: its Russian label and the Bootstrap
 * classes of its badge. Status enums implement it, so that {@code fragments/common :: badge(status)} draws every
 * badge and no template decides colours by comparing names.
 */
public interface Badge {

    String label();

    /** Bootstrap classes of the badge, e.g. {@code text-bg-success}. */
    String badgeClass();
}

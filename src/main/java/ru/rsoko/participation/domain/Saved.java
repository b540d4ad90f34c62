package ru.rsoko.participation.domain;

/** What a save of participation did: rows created and rows changed. */
public record Saved(int created, int changed) {

    public int total() {
        return created + changed;
    }
}

package ru.rsoko.plan;

/** The procedures of a region's approved plans changed in a way that moves the dates owed after them. */
public record PlanScheduleChanged(long regionId) {
}

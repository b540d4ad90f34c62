package ru.rsoko.meeting;

/** Who must execute a decision: one organisation, or a category that stands for many. */
public enum ResponsibleKind {
    /** a named organisation: «ТОИПКРО», a municipality, a school */
    ORGANISATION,
    /** «руководители МОУО»: every municipality of the region (of a municipal meeting: the municipality itself) */
    ALL_MUNICIPALITIES,
    /** «руководители ОО»: every school of the region (of a municipal meeting: of the municipality) */
    ALL_SCHOOLS,
    /** the schools of one given municipality */
    SCHOOLS_OF
}

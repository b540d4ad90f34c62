/**
 * Schools' self-assessments (internal to the vsoko module): submissions, their values and history, saving answers,
 * handing in, the reviewers' return, corrections and acceptance, the values workbook and its upload, the list of a
 * campaign's submissions, their pages and API. Uses {@code campaign} and {@code framework}.
 */
package ru.rsoko.vsoko.selfassessment;

/**
 * ВСОКО indicator frameworks (internal to the vsoko module): the entities {@code Framework}, {@code Direction},
 * {@code Indicator} with their scoring rule, the read model {@code FrameworkView}, reading and showing answers
 * ({@code Answers}), editing, the framework workbook and its import, and the framework pages and API. Knows no other
 * part of the study.
 */
package ru.rsoko.vsoko.framework;

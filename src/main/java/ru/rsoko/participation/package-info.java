/**
 * Participation in the plan's procedures: pupils, participants and public observers per school and grade, entered on
 * a school's form, from a workbook or through the API, and the coverage computed from them for a region, a
 * municipality or a school. Owns {@code participation}. Reads procedures through the plan's face and organisations
 * through the directory (its SQL joins the view {@code directory_org_unit}); offers home pages
 * {@link ru.rsoko.participation.CoverageAlerts} and tells the plan, through {@link ru.rsoko.plan.ProcedureRecords},
 * which procedures have participation recorded.
 */
@ApplicationModule(displayName = "Participation", allowedDependencies = {"access", "directory", "plan", "platform::*"})
@NullMarked
package ru.rsoko.participation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

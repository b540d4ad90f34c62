/**
 * The ВСОКО study: indicator frameworks with their directions and thresholds ({@code framework}), a region's yearly
 * campaigns ({@code campaign}), schools' self-assessments with their values, workbooks, uploads and expert review
 * ({@code selfassessment}), and the results computed from the values ({@code result}). Owns the {@code vsoko_*}
 * tables. Other modules ask {@link ru.rsoko.vsoko.VsokoCampaigns} and {@link ru.rsoko.vsoko.VsokoResults}; schools
 * are kept by id and read through the directory's view {@code directory_org_unit}.
 */
@ApplicationModule(displayName = "VSOKO study", allowedDependencies = {"access", "directory", "platform::*"})
@NullMarked
package ru.rsoko.vsoko;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

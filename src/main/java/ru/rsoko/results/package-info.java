/**
 * Results of assessment procedures (ВПР and others) per school, grade and subject; the region's re-checks of works
 * ({@code results.recheck}); the signs of non-objectivity and the ШНОР candidates computed from results by the
 * region's rules, and their review into the year's lists ({@code results.signs}). Owns {@code procedure_result},
 * {@code result_rule_setting}, {@code list_candidate_review} and {@code recheck*} (V22). Reads procedures through the
 * plan's face and puts reviewed schools on the lists through the objectivity face; dashboards, the support
 * programmes and the home pages read {@link ru.rsoko.results.ProcedureResults}.
 */
@ApplicationModule(displayName = "Procedure results",
        allowedDependencies = {"access", "directory", "plan", "objectivity", "platform::*"})
@NullMarked
package ru.rsoko.results;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

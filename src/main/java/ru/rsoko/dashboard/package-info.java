/**
 * Steering: the regional and municipal dashboards (one row per municipality or school, headline figures with their
 * trends, charts) and a school's profile with its risk level. Owns {@code dashboard_settings} (a region's thresholds
 * and risk weights); every figure comes from the faces of the modules that keep the records, computed as their own
 * pages compute it.
 */
@ApplicationModule(displayName = "Dashboards",
        allowedDependencies = {"access", "directory", "execution", "meeting", "participation", "plan", "vsoko",
                "objectivity", "results", "support", "platform::*"})
@NullMarked
package ru.rsoko.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

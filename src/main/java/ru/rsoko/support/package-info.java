/**
 * The support of schools with low results (ШНОР): each listed school's programme of a year (программа антирисковых
 * мер) with its risk profile before and after and its measures, tracked to their deadlines like decisions, and the
 * monitoring of its effect on the school's results year over year. Owns {@code support_*} (V22).
 */
@ApplicationModule(displayName = "Support of ШНОР schools",
        allowedDependencies = {"access", "directory", "objectivity", "results", "platform::*"})
@NullMarked
package ru.rsoko.support;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

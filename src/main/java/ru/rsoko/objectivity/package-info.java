/**
 * The region's yearly lists of schools: schools with low results (ШНОР) and schools with signs of non-objective
 * results. Owns {@code school_list_entry}; other modules' pages show a school's places through the template
 * fragments {@code objectivity/flags} (bean {@code schoolLists}).
 */
@ApplicationModule(displayName = "School lists", allowedDependencies = {"access", "directory", "platform::*"})
@NullMarked
package ru.rsoko.objectivity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

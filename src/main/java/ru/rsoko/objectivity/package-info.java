/**
 * The region's yearly lists of schools: schools with low results (ШНОР) and schools with signs of non-objective
 * results. Owns {@code school_list_entry}; other modules' pages show a school's places through the template
 * fragments {@code objectivity/flags}, given what the page read ({@link ru.rsoko.objectivity.SchoolLists#places};
 * the directory's school card through {@link ru.rsoko.directory.SchoolCardParts}).
 */
@ApplicationModule(displayName = "School lists", allowedDependencies = {"access", "directory", "platform::*"})
@NullMarked
package ru.rsoko.objectivity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

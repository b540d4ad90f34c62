/**
 * The directory of organisations (regions, municipalities, schools, institutions). Owns {@code org_unit} and
 * publishes the view {@code directory_org_unit}; other modules ask {@link ru.rsoko.directory.DirectoryService} and
 * keep organisations by id.
 */
@ApplicationModule(displayName = "Directory", allowedDependencies = {"access", "platform::*"})
@NullMarked
package ru.rsoko.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The start pages of each role: what a person has to do and how their part of the region stands. Reads the faces of
 * the other modules; no module uses it.
 */
@ApplicationModule(displayName = "Home pages", allowedDependencies = {"access", "account", "directory", "meeting",
        "execution", "vsoko", "plan", "participation", "objectivity", "platform::*"})
@NullMarked
package ru.rsoko.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

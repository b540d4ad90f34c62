/**
 * Who is calling: the signed-in user ({@link ru.rsoko.access.CurrentUser}), their {@link ru.rsoko.access.Role} and
 * the {@link ru.rsoko.access.Scope} of the directory they may see, as ids. Knows no feature.
 */
@ApplicationModule(displayName = "Access", allowedDependencies = "platform::web")
@NullMarked
package ru.rsoko.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

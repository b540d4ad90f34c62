/**
 * Accounts and signing in: one organisation and one role per person, login, lockout, passwords. Builds the
 * {@link ru.rsoko.access.CurrentUser} that every other module reads.
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = {"access", "directory", "platform::*"})
@NullMarked
package ru.rsoko.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

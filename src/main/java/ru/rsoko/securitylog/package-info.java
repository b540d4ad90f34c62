/**
 * The security log: who signed in, failed, was throttled, signed out, changed a password, a role, an account or a
 * token, and who downloaded a region-wide file — when, from which address and browser. Shown to administrators on
 * {@code /admin/security-log} (a region's administrator: their region's events). Nothing depends on it: it listens to
 * Spring Security's events and to the accounts module's {@link ru.rsoko.account.AccountSecurityEvent}, and watches the
 * region-wide downloads by their addresses.
 */
@ApplicationModule(displayName = "Security log", allowedDependencies = {"access", "account", "platform::*"})
@NullMarked
package ru.rsoko.securitylog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

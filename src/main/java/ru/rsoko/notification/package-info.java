/**
 * Telling people: notifications in the app, mails through an outbox, deadline reminders with escalation, weekly
 * digests. Listens to the events of the modules that keep the records (a protocol sent, a comment, a campaign opened,
 * a self-assessment reviewed, a procedure moved, a school listed) and runs the daily reminder job. Owns
 * {@code notification}, {@code notification_preference}, {@code notification_region_setting}, {@code mail_outbox}
 * and ShedLock's {@code shedlock}; no other module depends on it.
 */
@ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"access", "account", "directory", "execution", "meeting", "plan", "vsoko", "objectivity", "support",
                "platform::*"})
@NullMarked
package ru.rsoko.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * A person's calendar feed (iCalendar): their organisation's deadlines, the procedures of their region's plan-schedule
 * and the meetings they may open, for Outlook, Yandex and Google calendars to subscribe to. Owns
 * {@code calendar_feed} (one secret token per account, renewed on request); reads everything else through the faces
 * of execution, plan and meeting, and builds the person from the account module. Nothing depends on it.
 */
@ApplicationModule(displayName = "Calendar feed",
        allowedDependencies = {"access", "account", "execution", "meeting", "plan", "platform::*"})
@NullMarked
package ru.rsoko.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

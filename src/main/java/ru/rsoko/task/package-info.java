/**
 * The region's tasks of a year («задачи РСОКО») with targets on figures that other modules compute from their records
 * (ВПР coverage and observers, ВСОКО levels, decisions done on time, the plan-schedule on time). Owns
 * {@code annual_task}; asks the faces of participation, vsoko, execution and plan, never their tables.
 */
@ApplicationModule(displayName = "Annual tasks",
        allowedDependencies = {"access", "directory", "plan", "participation", "vsoko", "execution", "platform::*"})
@NullMarked
package ru.rsoko.task;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

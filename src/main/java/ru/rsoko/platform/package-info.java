/**
 * Infrastructure that knows no feature: errors and problem+json, formats, spreadsheets, official .docx building
 * blocks, stored files, audit history, the embedded database, security and demo-data loading. Each sub-package
 * other modules may use is a named interface.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
@NullMarked
package ru.rsoko.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

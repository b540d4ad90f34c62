/**
 * The database itself: the embedded PostgreSQL for a machine without one, and {@link ru.rsoko.platform.database.CopyRows}
 * for bulk writes through PostgreSQL's COPY.
 */
@NamedInterface("database")
package ru.rsoko.platform.database;

import org.springframework.modulith.NamedInterface;

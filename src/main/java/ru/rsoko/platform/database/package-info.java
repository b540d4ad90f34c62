/**
 * The database itself: the embedded PostgreSQL for a machine without one, the {@link ru.rsoko.platform.database.ConnectionPool}
 * (whose requests wait out a busy spell), and {@link ru.rsoko.platform.database.CopyRows} for bulk writes through
 * PostgreSQL's COPY.
 */
@NamedInterface("database")
package ru.rsoko.platform.database;

import org.springframework.modulith.NamedInterface;

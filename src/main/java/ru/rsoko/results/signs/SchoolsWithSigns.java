package ru.rsoko.results.signs;

import java.util.Set;

/** Which schools of a region the objectivity rules flag in a year's subject and grade (the re-check's «SIGNS» sample). */
public interface SchoolsWithSigns {

    Set<Long> of(long regionId, int year, ru.rsoko.results.Subject subject, int grade);
}

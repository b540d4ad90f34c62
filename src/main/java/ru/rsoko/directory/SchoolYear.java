package ru.rsoko.directory;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school year, 1 September to 31 August, written «2026-2027» (as ВСОКО campaigns and deadlines write it). The
 * directory keeps pupils per grade by school year; a procedure belongs to the school year of the day it starts.
 *
 * @param start the calendar year the school year begins in (2026 for «2026-2027»)
 */
public record SchoolYear(int start) implements Comparable<SchoolYear> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})\\s*[-–—/]\\s*(\\d{4})");

    public SchoolYear {
        if (start < 2000 || start > 2099) {
            throw new IllegalArgumentException("school year out of range: " + start);
        }
    }

    /** The school year a day falls in: September to December opens it, January to August closes it. */
    public static SchoolYear of(LocalDate day) {
        return new SchoolYear(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1);
    }

    /** Today's school year in a region's zone. */
    public static SchoolYear current(Clock clock, @Nullable ZoneId zone) {
        return of(clock.instant().atZone(zone == null ? ZoneId.of("Europe/Moscow") : zone).toLocalDate());
    }

    /** «2026-2027» (also «2026–2027», «2026/2027»); anything else, or two years that do not follow, is empty. */
    public static Optional<SchoolYear> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        if (second != first + 1 || first < 2000 || first > 2099) {
            return Optional.empty();
        }
        return Optional.of(new SchoolYear(first));
    }

    public SchoolYear previous() {
        return new SchoolYear(start - 1);
    }

    public SchoolYear next() {
        return new SchoolYear(start + 1);
    }

    /** «2026-2027», as it is stored and shown. */
    @Override
    public String toString() {
        return start + "-" + (start + 1);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(start, other.start);
    }
}

package ru.rsoko.participation;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one rule of coverage: sum(participants) / sum(pupils) × 100 over the rows there are, to one decimal (half up);
 * none when there are no pupils. A school's grade without a row is missing data: it adds nothing to either sum and
 * is shown as such, never as 0 % or 100 %.
 */
public final class Coverage {

    private Coverage() {
    }

    public static @Nullable BigDecimal percent(long participants, long pupils) {
        if (pupils <= 0) {
            return null;
        }
        return BigDecimal.valueOf(participants).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(pupils), 1, RoundingMode.HALF_UP);
    }

    /** Below the target, compared exactly (not after rounding); no target, nothing is below it. */
    static boolean below(long participants, long pupils, @Nullable BigDecimal target) {
        if (target == null || pupils <= 0) {
            return false;
        }
        return BigDecimal.valueOf(participants).multiply(BigDecimal.valueOf(100))
                .compareTo(target.multiply(BigDecimal.valueOf(pupils))) < 0;
    }

    /** «85,3 %», or «—» when there is nothing to divide by. */
    public static String text(@Nullable BigDecimal percent) {
        return percent == null ? "—" : percent.toPlainString().replace('.', ',') + " %";
    }

    /** «нет данных: 7, 8 классы», «нет данных: 6 класс», «нет данных» when no grade has a row. */
    static String missingText(List<Integer> missing, int gradeCount) {
        if (missing.isEmpty()) {
            return "";
        }
        if (missing.size() == gradeCount) {
            return "нет данных";
        }
        return "нет данных: " + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (missing.size() == 1 ? " класс" : " классы");
    }

    /**
     * One school at one procedure. {@code missingGrades}: the procedure's grades without a row; {@code observers}:
     * public observers at every row (and there is at least one).
     */
    public record School(long procedureId, long schoolId, String schoolName, @Nullable Long municipalityId,
                         @Nullable String municipalityName, long pupils, long participants, int rows,
                         List<Integer> missingGrades, int gradeCount, boolean observers, @Nullable BigDecimal target) {

        public @Nullable BigDecimal coverage() {
            return percent(participants, pupils);
        }

        public boolean withoutData() {
            return !missingGrades.isEmpty();
        }

        public boolean underTarget() {
            return target != null && (withoutData() || below(participants, pupils, target));
        }

        public String missingText() {
            return Coverage.missingText(missingGrades, gradeCount);
        }
    }

    /**
     * Figures of a group of schools (a municipality, the region, a school over several procedures): the sums of
     * their rows, and how many schools are under the target, lack data, had observers.
     */
    public record Totals(@Nullable Long orgUnitId, String name, long pupils, long participants, int schools,
                         int schoolsUnderTarget, int schoolsWithoutData, int schoolsWithObservers) {

        public @Nullable BigDecimal coverage() {
            return percent(participants, pupils);
        }

        /** Totals of school figures; a school met at several procedures counts once, under target if at any. */
        public static Totals of(@Nullable Long orgUnitId, String name, Collection<School> figures) {
            long pupils = 0, participants = 0;
            java.util.Map<Long, boolean[]> bySchool = new java.util.LinkedHashMap<>();
            for (School s : figures) {
                pupils += s.pupils();
                participants += s.participants();
                boolean[] flags = bySchool.computeIfAbsent(s.schoolId(), k -> new boolean[]{false, false, true});
                flags[0] |= s.underTarget();
                flags[1] |= s.withoutData();
                flags[2] &= s.observers();
            }
            int under = 0, without = 0, observed = 0;
            for (boolean[] flags : bySchool.values()) {
                under += flags[0] ? 1 : 0;
                without += flags[1] ? 1 : 0;
                observed += flags[2] ? 1 : 0;
            }
            return new Totals(orgUnitId, name, pupils, participants, bySchool.size(), under, without, observed);
        }
    }
}

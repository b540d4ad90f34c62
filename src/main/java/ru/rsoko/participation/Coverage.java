package ru.rsoko.participation;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.web.Share;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one rule of coverage: sum(participants) / sum(pupils) × 100 over the rows there are; none when there are no
 * pupils. A school's grade without a row is missing data: it adds nothing to either sum and is shown as such, never as
 * 0 % or 100 %.
 *
 * <p><b>What is shown agrees with what is judged.</b> A school is under the target when its exact coverage is below
 * it (participants × 100 &lt; target × pupils), or when a grade of the procedure has no data. The percentage shown is
 * rounded half up to one decimal by {@link Share}'s rule, which never rounds across the line: «100,0 %» only when every
 * pupil took part, and a school under its target never shows the target or more (99,96 % under 100 % is «99,9 %»).
 * A school under the target only for want of data says so ({@link School#underTargetReason()}: «нет данных: 7 класс»)
 * beside its coverage of the grades it has, and the coverage's hover text says which pupils it counts.
 */
public final class Coverage {

    private Coverage() {
    }

    /** What coverage is a share of, as it follows «19 из 20 …». */
    public static final String OF_PUPILS = "обучающихся";
    /** {@link #OF_PUPILS} after «из 1», «из 21». */
    public static final String OF_PUPIL = "обучающегося";

    /** Participants of pupils, with the counts for a page's hover text. */
    public static Share share(long participants, long pupils) {
        return Share.of(participants, Math.max(pupils, 0), OF_PUPIL, OF_PUPILS);
    }

    /** The coverage in per cent, one decimal ({@link Share#percent()}); null without pupils. */
    public static @Nullable BigDecimal percent(long participants, long pupils) {
        return share(participants, pupils).percent();
    }

    /** The coverage in per cent kept on the side of the target it is judged on; null without pupils. */
    public static @Nullable BigDecimal percent(long participants, long pupils, @Nullable BigDecimal target) {
        return share(participants, pupils).percent(target);
    }

    /** Below the target, compared exactly (not after rounding); no target, nothing is below it. */
    static boolean below(long participants, long pupils, @Nullable BigDecimal target) {
        if (target == null || pupils <= 0) {
            return false;
        }
        return !share(participants, pupils).reaches(target);
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

        public Share share() {
            return Coverage.share(participants, pupils);
        }

        /** The coverage shown: never at or above the target when below it. */
        public @Nullable BigDecimal coverage() {
            return percent(participants, pupils, target);
        }

        /** «95,0 %», «—» without pupils. */
        public String coverageText() {
            return Share.percentText(coverage());
        }

        /** «19 из 20 обучающихся», and for a school with a grade missing: whose coverage it is. */
        public String coverageTitle() {
            return share().title() + (withoutData() ? "; " + missingText() + " — охват только по классам с данными" : "");
        }

        public boolean withoutData() {
            return !missingGrades.isEmpty();
        }

        public boolean underTarget() {
            return target != null && (withoutData() || below(participants, pupils, target));
        }

        /**
         * Why the school is under the target: «охват 99,9 % ниже целевого 100 %», «нет данных: 7 класс», or both; «»
         * when it is not.
         */
        public String underTargetReason() {
            if (!underTarget()) {
                return "";
            }
            java.util.List<String> reasons = new java.util.ArrayList<>(2);
            if (pupils > 0 && below(participants, pupils, target)) {
                reasons.add("охват " + coverageText() + " ниже целевого " + text(target.stripTrailingZeros()));
            }
            if (withoutData()) {
                reasons.add(missingText());
            }
            return String.join("; ", reasons);
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

        public Share share() {
            return Coverage.share(participants, pupils);
        }

        public @Nullable BigDecimal coverage() {
            return share().percent();
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

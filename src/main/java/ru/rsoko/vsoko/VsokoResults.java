package ru.rsoko.vsoko;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.web.Share;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What other modules ask of ВСОКО results: which campaign a year's figure speaks of, and its results added up over
 * the caller's scope, exactly as the results pages compute them.
 */
public interface VsokoResults {

    /** The region's campaign of the year: the latest published one, else the latest; empty when there is none. */
    OptionalLong campaignOfYear(long regionId, int year);

    /** {@link #campaignOfYear} of every year the region has a campaign, in one query: year → campaign. */
    Map<Integer, Long> campaignOfEachYear(long regionId);

    /**
     * The campaign's results over the user's scope.
     *
     * @throws ru.rsoko.platform.web.NotFoundException when the user may not see them: outside the scope, or not yet
     *                                                published to a municipality or a school
     */
    Total total(CurrentUser user, long campaignId);

    /**
     * The campaign's results over the user's scope, or empty when the user may not see them — asked without an
     * exception, so that a caller's transaction is not marked for rollback (a year's figure of an unpublished campaign,
     * as a municipality's or school's page of the year's tasks asks for it).
     */
    java.util.Optional<Total> visibleTotal(CurrentUser user, long campaignId);
    /** What a level's share is a share of, as it follows «7 из 9 …». */
    String OF_WITH_RESULT = "ОО с результатом исследования (представивших самооценку)";

    /** Participating schools, those with a result, and how many of those are at each level. */
    record Total(long participants, long withResult, Map<Level, Long> counts) {

        public long count(Level level) {
            return counts.getOrDefault(level, 0L);
        }

        /**
         * The schools with a result at the level among those with a result (those that have not handed in their
         * self-assessment are not counted): the share the results pages show beside each level, and annual tasks
         * «сформированность ВСОКО» check.
         */
        public Share shareOf(Level level) {
            return Share.of(count(level), withResult, OF_WITH_RESULT);
        }

        /** {@link #shareOf} in per cent with one decimal; null without any result. */
        public @Nullable BigDecimal share(Level level) {
            return shareOf(level).percent();
        }
    }

    /**
     * Every participating school of the scope with its result in the campaign, computed as the results table
     * computes it; empty when the user may not see the campaign's results (a campaign not yet published, for
     * municipalities and schools). The scope may be wider than the user's only for figures added up above the
     * schools (a municipality set beside its region). {@code publishedOnly}: empty unless the campaign's results are
     * published (official figures that read the same for every role).
     */
    java.util.Optional<Scores> scores(CurrentUser user, ru.rsoko.access.Scope scope, long campaignId, boolean publishedOnly);

    /**
     * {@link #scores} of several campaigns in one query: campaign → its scores over the scope, for each campaign whose
     * results the user may see (and, with {@code publishedOnly}, that are published); the others are left out. For a
     * narrow scope over many campaigns: a school's profile reads its every year with it.
     */
    Map<Long, Scores> scores(CurrentUser user, ru.rsoko.access.Scope scope, java.util.Collection<Long> campaignIds,
                             boolean publishedOnly);

    /** A campaign's results: its directions in the framework's order and each school's score. */
    record Scores(long campaignId, String campaignName, int year, boolean preliminary, java.time.LocalDate closesOn,
                  boolean closed, List<Direction> directions, List<SchoolScore> schools) {
        /** How many schools are at the level; a null level counts the participants without a result. */
        public long count(@Nullable Level level) {
            return schools.stream().filter(s -> s.level() == level).count();
        }
    }

    record Direction(long id, String code, String name) {
    }

    /**
     * A school's result: null level and percent and no directions until its self-assessment is handed in;
     * {@code directions} in the order of {@link Scores#directions()}.
     */
    record SchoolScore(long schoolId, @Nullable Long municipalityId, SubmissionStatus status, @Nullable Level level,
                       @Nullable BigDecimal percent, List<DirectionScore> directions) {
    }

    /** Points earned in a direction of their maximum, and the share in per cent (1 decimal). */
    record DirectionScore(BigDecimal earned, BigDecimal max, BigDecimal percent) {
    }

    /**
     * Every participating school of the scope with its level only (null until handed in), decided exactly as
     * {@link #scores} decides it but from the sums the database keeps per submission: what figures above the schools
     * (dashboards, trends, risk) read. Empty when the user may not see the campaign's results, or, with
     * {@code publishedOnly}, when they are not published.
     */
    java.util.Optional<Levels> levels(CurrentUser user, ru.rsoko.access.Scope scope, long campaignId, boolean publishedOnly);

    record Levels(long campaignId, String campaignName, int year, boolean preliminary, boolean closed,
                  List<SchoolLevel> schools) {
        /** How many schools are at the level; a null level counts the participants without a result. */
        public long count(@Nullable Level level) {
            return schools.stream().filter(s -> s.level() == level).count();
        }

        public long withResult() {
            return schools.stream().filter(s -> s.level() != null).count();
        }
    }

    record SchoolLevel(long schoolId, @Nullable Long municipalityId, SubmissionStatus status, @Nullable Level level) {
    }
}

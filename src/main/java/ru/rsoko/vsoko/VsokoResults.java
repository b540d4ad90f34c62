package ru.rsoko.vsoko;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.web.Share;

import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What other modules ask of ВСОКО results: which campaign a year's figure speaks of, and its results added up over
 * the caller's scope, exactly as the results pages compute them.
 */
public interface VsokoResults {

    /** The region's campaign of the year: the latest published one, else the latest; empty when there is none. */
    OptionalLong campaignOfYear(long regionId, int year);

    /**
     * The campaign's results over the user's scope.
     *
     * @throws ru.rsoko.platform.web.NotFoundException when the user may not see them: outside the scope, or not yet
     *                                                published to a municipality or a school
     */
    Total total(CurrentUser user, long campaignId);

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
}

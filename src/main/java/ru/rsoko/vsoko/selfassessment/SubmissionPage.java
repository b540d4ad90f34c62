package ru.rsoko.vsoko.selfassessment;

import ru.rsoko.platform.audit.People;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkView;
import ru.rsoko.vsoko.framework.FrameworkView.DirectionView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A self-assessment read whole for its page and the API: the submission, its campaign and framework, the values by
 * indicator id, the progress per direction, the direction shown, what the user may do, and the history (empty where
 * it is not shown), and the names of the people (experts, who saved) whose logins the values carry.
 */
record SubmissionPage(SubmissionView submission, CampaignView campaign, FrameworkView framework,
                      Map<Long, ValueView> values, List<DirectionProgress> progress, DirectionView current,
                      boolean canFill, boolean canReview, boolean canReturn, List<HistoryLine> history,
                      People.Names names) {

    /** Indicators answered, of {@link #total()}. */
    int filled() {
        return progress.stream().mapToInt(DirectionProgress::filled).sum();
    }

    int total() {
        return framework.indicatorCount();
    }

    /** The region's expert may accept a self-assessment handed in and not yet accepted. */
    boolean canAccept() {
        return canReview && submission.status().canMoveTo(SubmissionStatus.ACCEPTED);
    }

    /** How many indicators of a direction have an answer (and the link where one is required). */
    record DirectionProgress(DirectionView direction, int filled, int total) {
        public int percent() {
            return total == 0 ? 100 : filled * 100 / total;
        }

        public boolean complete() {
            return filled == total;
        }
    }

    /**
     * One line of the history: who did what when (the person's name; the login as a hint), and for saves which values
     * changed from what to what.
     */
    record HistoryLine(Instant at, String username, String person, SubmissionEvent.Action action, String detail) {
    }
}

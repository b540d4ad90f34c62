package ru.rsoko.vsoko.selfassessment;

import org.jspecify.annotations.Nullable;
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
                      boolean canFill, boolean canReview, boolean canReturn, boolean canApprove, boolean canPrefill,
                      Map<Long, String> sources, List<HistoryLine> history, People.Names names) {

    /** Indicators answered, of {@link #total()}. */
    int filled() {
        return progress.stream().mapToInt(DirectionProgress::filled).sum();
    }

    int total() {
        return framework.indicatorCount();
    }

    /**
     * The region's expert may accept a self-assessment handed in and not yet accepted; where the campaign asks for it,
     * only once the municipality has approved it.
     */
    boolean canAccept() {
        return canReview && submission.status().canMoveTo(SubmissionStatus.ACCEPTED)
                && (!campaign.municipalApproval() || submission.status().isApproved());
    }

    /** Answers copied from an earlier year that the person has not confirmed yet. */
    int unconfirmed() {
        return progress.stream().mapToInt(DirectionProgress::unconfirmed).sum();
    }

    /** Indicators that keep the self-assessment from being handed in. */
    int missing() {
        return total() - filled();
    }

    /** The directions with something missing, for the list of what keeps the hand-in back. */
    List<DirectionProgress> incomplete() {
        return progress.stream().filter(p -> !p.complete()).toList();
    }

    /**
     * How far a direction is: answers that count ({@code filled}), answers saved without the link the indicator
     * requires, answers copied from an earlier year and not yet confirmed, and the first indicator still missing.
     */
    record DirectionProgress(DirectionView direction, int filled, int total, int withoutLink, int unconfirmed,
                             @Nullable Long firstMissing) {
        public int percent() {
            return total == 0 ? 100 : filled * 100 / total;
        }

        public boolean complete() {
            return filled == total;
        }

        /** Indicators without any answer. */
        public int unanswered() {
            return total - filled - withoutLink - unconfirmed;
        }

        /** What is missing, as the page lists it: «без ответа — 12, не подтверждено — 3, без ссылки — 1». */
        public String missingText() {
            List<String> parts = new java.util.ArrayList<>();
            if (unanswered() > 0) {
                parts.add("без ответа — " + unanswered());
            }
            if (unconfirmed > 0) {
                parts.add("не подтверждено — " + unconfirmed);
            }
            if (withoutLink > 0) {
                parts.add("без ссылки — " + withoutLink);
            }
            return String.join(", ", parts);
        }
    }

    /**
     * One line of the history: who did what when (the person's name; the login as a hint), and for saves which values
     * changed from what to what.
     */
    record HistoryLine(Instant at, String username, String person, SubmissionEvent.Action action, String detail) {
    }
}

package ru.rsoko.vsoko.selfassessment;

import org.jspecify.annotations.Nullable;
import ru.rsoko.vsoko.framework.FrameworkView.IndicatorView;

import java.math.BigDecimal;
import java.time.Instant;

/** A school's answer to one indicator with the expert's correction beside it, as pages and the API read it. */
record ValueView(long indicatorId, @Nullable BigDecimal value, @Nullable String evidenceUrl,
                 @Nullable BigDecimal expertValue, @Nullable String expertComment, @Nullable String expertBy,
                 @Nullable Instant expertAt, BigDecimal points, Instant updatedAt, String updatedBy,
                 @Nullable Long prefilledFrom, long version) {

    static ValueView of(IndicatorValue v) {
        return new ValueView(v.getIndicator().getId(), v.getValue(), v.getEvidenceUrl(), v.getExpertValue(),
                v.getExpertComment(), v.getExpertBy(), v.getExpertAt(), v.getPoints(), v.getUpdatedAt(),
                v.getUpdatedBy(), v.getPrefilledFrom(), v.getVersion());
    }

    /**
     * Whether this answers the indicator: a value, the link where the indicator requires one, and confirmed by the
     * person if it was copied from an earlier year.
     */
    boolean answers(IndicatorView indicator) {
        return SubmissionService.answered(indicator.evidenceRequired(), value, evidenceUrl) && prefilledFrom == null;
    }

    /** Copied from an earlier campaign and not yet confirmed or changed. */
    public boolean unconfirmed() {
        return prefilledFrom != null;
    }

    /** A value without the link its indicator requires: saved, but not counted as an answer. */
    boolean lacksLink(IndicatorView indicator) {
        return value != null && indicator.evidenceRequired() && evidenceUrl == null;
    }
}

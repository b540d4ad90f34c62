package ru.rsoko.vsoko.selfassessment;

import org.jspecify.annotations.Nullable;
import ru.rsoko.vsoko.framework.FrameworkView.IndicatorView;

import java.math.BigDecimal;
import java.time.Instant;

/** A school's answer to one indicator with the expert's correction beside it, as pages and the API read it. */
record ValueView(long indicatorId, @Nullable BigDecimal value, @Nullable String evidenceUrl,
                 @Nullable BigDecimal expertValue, @Nullable String expertComment, @Nullable String expertBy,
                 @Nullable Instant expertAt, BigDecimal points, Instant updatedAt, String updatedBy, long version) {

    static ValueView of(IndicatorValue v) {
        return new ValueView(v.getIndicator().getId(), v.getValue(), v.getEvidenceUrl(), v.getExpertValue(),
                v.getExpertComment(), v.getExpertBy(), v.getExpertAt(), v.getPoints(), v.getUpdatedAt(),
                v.getUpdatedBy(), v.getVersion());
    }

    /** Whether this answers the indicator: a value, and the link where the indicator requires one. */
    boolean answers(IndicatorView indicator) {
        return SubmissionService.answered(indicator.evidenceRequired(), value, evidenceUrl);
    }
}

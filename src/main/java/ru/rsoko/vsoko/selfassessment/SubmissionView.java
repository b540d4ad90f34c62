package ru.rsoko.vsoko.selfassessment;

import org.jspecify.annotations.Nullable;
import ru.rsoko.vsoko.SubmissionStatus;

import java.time.Instant;

/** A school's self-assessment as pages and the API read it; the school's name is the directory's. */
record SubmissionView(long id, long campaignId, School school, @Nullable Long municipalityId, SubmissionStatus status,
                      @Nullable Instant submittedAt, @Nullable String returnComment, @Nullable Instant approvedAt,
                      long version) {

    record School(long id, String name) {
    }

    static SubmissionView of(Submission s, String schoolName) {
        return new SubmissionView(s.getId(), s.getCampaign().getId(), new School(s.getSchoolId(), schoolName),
                s.getMunicipalityId(), s.getStatus(), s.getSubmittedAt(), s.getReturnComment(), s.getApprovedAt(),
                s.getVersion());
    }
}

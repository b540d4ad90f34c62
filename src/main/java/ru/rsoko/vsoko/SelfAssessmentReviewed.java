package ru.rsoko.vsoko;

import org.jspecify.annotations.Nullable;

/**
 * A school's self-assessment was reviewed: approved by its municipality, returned for revision (with the reviewer's
 * comment) or accepted. Published inside the reviewing transaction.
 */
public record SelfAssessmentReviewed(long campaignId, String campaignName, long regionId, long schoolId,
                                     SubmissionStatus outcome, @Nullable String comment, long reviewerAccountId) {
}

package ru.rsoko.execution;

/**
 * Someone commented on an execution record (a reviewer asking for more, or the executor answering). Published inside
 * the commenting transaction.
 *
 * @param orgUnitId the record's responsible organisation
 * @param authorOrgUnitId the organisation of the person who wrote the comment
 */
public record ExecutionCommented(long executionId, long regionId, long orgUnitId, long commentId, long authorAccountId,
                                 long authorOrgUnitId, String authorName, String authorOrgUnitName, String text) {
}

package ru.rsoko.meeting.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.platform.audit.HistoryEntry;

import java.util.List;
import java.util.Map;

/**
 * A meeting's card: the meeting, whether the user keeps it, its organiser, how each decision's parties read, the
 * execution figures once the protocol is signed, and the history.
 *
 * @param responsible by decision id: its parties as the directory names them («школы: Сонковский»)
 */
public record MeetingCard(MeetingView meeting, boolean canEdit, OrgUnit organiser, Map<Long, String> responsible,
                          ExecutionFigures.@Nullable Matrix matrix, List<HistoryEntry> history) {
}

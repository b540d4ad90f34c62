package ru.rsoko.meeting.domain;

import org.springframework.data.domain.Page;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.meeting.MeetingSummary;

import java.util.Map;

/** A page of meetings with the execution figures of each (meetings without records have none). */
public record MeetingListing(Page<MeetingSummary> meetings, Map<Long, ExecutionFigures.Counts> counts) {
}

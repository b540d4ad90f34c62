package ru.rsoko.execution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A record's decision as the meeting module publishes it (the view {@code meeting_decision}, V7): read only, so
 * that queries of this module search by the decision's text and find a meeting's decisions in one statement. What
 * pages show of a decision comes from {@link ru.rsoko.meeting.MeetingService#decisions}.
 */
@Entity
@Immutable
@Table(name = "meeting_decision")
class ExecutionDecision {

    @Id
    private Long id;

    @Column(name = "meeting_id")
    private Long meetingId;

    private String number;

    private String text;

    private String meetingTitle;

    protected ExecutionDecision() {
    }

    Long getId() {
        return id;
    }

    Long getMeetingId() {
        return meetingId;
    }

    String getNumber() {
        return number;
    }

    String getText() {
        return text;
    }

    String getMeetingTitle() {
        return meetingTitle;
    }
}

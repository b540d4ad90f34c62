package ru.rsoko.vsoko.selfassessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a submission's history: who did what when, and for saves which values changed from what to what. */
@Entity
@Table(name = "vsoko_submission_event")
class SubmissionEvent {

    public enum Action {
        SAVED("сохранены значения"),
        UPLOADED("загружены из Excel"),
        PREFILLED("заполнена из прошлых ответов"),
        CONFIRMED("подтверждены прошлые ответы"),
        SUBMITTED("представлена"),
        APPROVED("согласована муниципалитетом"),
        RETURNED("возвращена на доработку"),
        CORRECTED("исправлено экспертом"),
        ACCEPTED("принята");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long submissionId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String username;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    @Column(updatable = false)
    private String detail;

    protected SubmissionEvent() {
    }

    public SubmissionEvent(long submissionId, Instant at, String username, Action action, String detail) {
        this.submissionId = submissionId;
        this.at = at;
        this.username = username;
        this.action = action;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public Instant getAt() {
        return at;
    }

    public String getUsername() {
        return username;
    }

    public Action getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }
}

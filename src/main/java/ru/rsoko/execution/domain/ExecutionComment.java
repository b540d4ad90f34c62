package ru.rsoko.execution.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A remark on an execution record: a municipal officer about a school's report, regional staff about any. */
@Entity
@Table(name = "execution_comment")
class ExecutionComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "execution_id", updatable = false)
    private Execution execution;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(nullable = false, updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String orgUnitName;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected ExecutionComment() {
    }

    ExecutionComment(Execution execution, String text, String author, String authorName, String orgUnitName, Instant createdAt) {
        this.execution = execution;
        this.text = text;
        this.author = author;
        this.authorName = authorName;
        this.orgUnitName = orgUnitName;
        this.createdAt = createdAt;
    }

    CommentView toView() {
        return new CommentView(id, text, author, authorName, orgUnitName, createdAt);
    }

    Long getId() {
        return id;
    }

    String getText() {
        return text;
    }

    String getAuthor() {
        return author;
    }

    String getAuthorName() {
        return authorName;
    }

    String getOrgUnitName() {
        return orgUnitName;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}

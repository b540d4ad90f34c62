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
import ru.rsoko.platform.file.StoredFile;

import java.time.Instant;
import java.time.LocalDate;

/** A period's report on an ongoing decision. Submitted once per period, never edited: the next period gets its own. */
@Entity
@Table(name = "execution_report")
class ExecutionReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "execution_id", updatable = false)
    private Execution execution;

    @Column(nullable = false, updatable = false)
    private LocalDate periodStart;

    @Column(nullable = false, updatable = false)
    private LocalDate periodEnd;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(updatable = false)
    private String evidenceUrl;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "evidence_file_id", updatable = false)
    private StoredFile evidenceFile;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    protected ExecutionReport() {
    }

    ExecutionReport(Execution execution, Period period, String text, String evidenceUrl, StoredFile evidenceFile,
                    Instant createdAt, String createdBy) {
        this.execution = execution;
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.text = text;
        this.evidenceUrl = evidenceUrl;
        this.evidenceFile = evidenceFile;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long getId() {
        return id;
    }

    LocalDate getPeriodStart() {
        return periodStart;
    }

    ReportView toView() {
        return new ReportView(id, periodStart, periodEnd, text, evidenceUrl, Execution.attachment(evidenceFile), createdAt, createdBy);
    }

    LocalDate getPeriodEnd() {
        return periodEnd;
    }

    String getText() {
        return text;
    }

    String getEvidenceUrl() {
        return evidenceUrl;
    }

    StoredFile getEvidenceFile() {
        return evidenceFile;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }
}

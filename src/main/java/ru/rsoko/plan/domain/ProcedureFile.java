package ru.rsoko.plan.domain;

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

/** A file of a procedure's results: an analytical report, a presentation, a table of results. */
@Entity
@Table(name = "plan_procedure_file")
class ProcedureFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "procedure_id", updatable = false)
    private ProcedureEntity procedure;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "file_id", updatable = false)
    private StoredFile file;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    protected ProcedureFile() {
    }

    ProcedureFile(ProcedureEntity procedure, StoredFile file, Instant createdAt, String createdBy) {
        this.procedure = procedure;
        this.file = file;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long getId() {
        return id;
    }

    ProcedureEntity getProcedure() {
        return procedure;
    }

    StoredFile getFile() {
        return file;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    /** Read within the transaction that loaded it. */
    FileLine view() {
        return new FileLine(id, file.getId(), file.getName(), createdAt, createdBy);
    }
}

package ru.rsoko.meeting.domain;

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

/** A material of an agenda item: a presentation or document uploaded, or a link to one. */
@Entity
@Table(name = "agenda_material")
class AgendaMaterial {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agenda_item_id")
    private AgendaItem agendaItem;

    @Column(nullable = false)
    private String title;

    private String url;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "file_id")
    private StoredFile file;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    protected AgendaMaterial() {
    }

    AgendaMaterial(AgendaItem agendaItem, String title, String url, StoredFile file, Instant createdAt, String createdBy) {
        this.agendaItem = agendaItem;
        this.title = title;
        this.url = url;
        this.file = file;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long getId() {
        return id;
    }

    AgendaItem getAgendaItem() {
        return agendaItem;
    }

    String getTitle() {
        return title;
    }

    String getUrl() {
        return url;
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
}

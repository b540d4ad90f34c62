package ru.rsoko.platform.audit;

import jakarta.persistence.EntityManager;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the Envers history of one entity and turns it into per-field changes, newest first. */
@Service
public class AuditHistory {

    private final EntityManager entityManager;
    private final People people;

    public AuditHistory(EntityManager entityManager, People people) {
        this.entityManager = entityManager;
        this.people = people;
    }

    /** The entries with their people's names instead of logins, asked in one query for the whole history. */
    public List<HistoryEntry> named(List<HistoryEntry> entries) {
        People.Names names = people.of(entries.stream().map(HistoryEntry::username).toList());
        return entries.stream().map(e -> e.named(names)).toList();
    }

    @Transactional(readOnly = true)
    public <T> List<HistoryEntry> of(Class<T> type, Object id, HistoryFields<T> fields) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<HistoryEntry> entries = new ArrayList<>(rows.size());
        T previous = null;
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            T state = (T) row[0];
            Revision revision = (Revision) row[1];
            RevisionType revisionType = (RevisionType) row[2];
            HistoryEntry.Kind kind = switch (revisionType) {
                case ADD -> HistoryEntry.Kind.CREATED;
                case MOD -> HistoryEntry.Kind.CHANGED;
                case DEL -> HistoryEntry.Kind.DELETED;
            };
            List<FieldChange> changes = kind == HistoryEntry.Kind.DELETED ? List.of() : fields.changes(previous, state);
            if (kind != HistoryEntry.Kind.CHANGED || !changes.isEmpty()) {
                entries.add(new HistoryEntry(revision.getId(), revision.getTimestamp(), revision.getUsername(), kind, changes));
            }
            previous = state;
        }
        Collections.reverse(entries);
        return named(entries);
    }
}

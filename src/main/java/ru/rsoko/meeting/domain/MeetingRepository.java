package ru.rsoko.meeting.domain;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import ru.rsoko.meeting.MeetingStatus;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    /**
     * Meetings a user may open: all, a region's, a municipality's own, and the given ones (those that assigned the
     * user's municipality or school something, as the execution module tells; never empty, {@code -1} for none).
     * The dates go through coalesce so that PostgreSQL learns their type from the column: «:from is null» alone left
     * a date parameter untyped and answered 500 to a list filtered by year.
     */
    @Query("""
            select m from Meeting m
            where (:all = true
                   or (:regionId is not null and m.regionId = :regionId)
                   or (:municipalityId is not null and m.municipalityId = :municipalityId)
                   or m.id in :addressed)
              and (:status is null or m.status = :status)
              and m.date >= coalesce(:from, m.date)
              and m.date <= coalesce(:to, m.date)
              and (:q is null or rsoko_fold(m.title) like rsoko_fold(cast(:q as String)) escape '\\')
            order by m.date desc, m.id desc""")
    Page<Meeting> findVisible(boolean all, Long regionId, Long municipalityId, Collection<Long> addressed,
                              MeetingStatus status, LocalDate from, LocalDate to, String q, Pageable pageable);

    @Query("select m from Meeting m left join fetch m.agenda where m.id = :id")
    Optional<Meeting> findWithAgenda(long id);

    @Query("select d from Decision d join fetch d.meeting where d.id in :ids")
    List<Decision> findDecisionsWithMeetings(Collection<Long> ids);
}

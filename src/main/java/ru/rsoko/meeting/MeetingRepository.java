package ru.rsoko.meeting;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

interface MeetingRepository extends JpaRepository<Meeting, Long> {

    /**
     * Meetings a user may open: the region's for regional scope; for a municipality its own meetings and those
     * that assigned it or its schools something; for a school those that assigned it something.
     */
    @Query("""
            select m from Meeting m
            where (:all = true
                   or (:regionId is not null and :municipalityId is null and :orgUnitId is null and m.regionId = :regionId)
                   or (:municipalityId is not null and (m.municipalityId = :municipalityId or exists (
                        select 1 from Execution e where e.decision.meeting = m and e.municipalityId = :municipalityId)))
                   or (:orgUnitId is not null and exists (
                        select 1 from Execution e where e.decision.meeting = m and e.orgUnit.id = :orgUnitId)))
              and (:status is null or m.status = :status)
              and (:from is null or m.date >= :from)
              and (:to is null or m.date <= :to)
              and (:q is null or lower(m.title) like :q escape '\\')
            order by m.date desc, m.id desc""")
    Page<Meeting> findVisible(boolean all, Long regionId, Long municipalityId, Long orgUnitId, MeetingStatus status,
                              LocalDate from, LocalDate to, String q, Pageable pageable);

    @Query("""
            select count(m) > 0 from Meeting m where m.id = :id and (
              (:municipalityId is not null and (m.municipalityId = :municipalityId or exists (
                select 1 from Execution e where e.decision.meeting = m and e.municipalityId = :municipalityId)))
              or (:orgUnitId is not null and exists (
                select 1 from Execution e where e.decision.meeting = m and e.orgUnit.id = :orgUnitId)))""")
    boolean visibleBelowRegion(long id, Long municipalityId, Long orgUnitId);

    @Query("select m from Meeting m left join fetch m.agenda where m.id = :id")
    Optional<Meeting> findWithAgenda(long id);

    @Query("select d from Decision d where d.meeting.id = :meetingId order by d.position")
    List<Decision> findDecisions(long meetingId);
}

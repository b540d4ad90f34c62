package ru.rsoko.calendar.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;

interface CalendarFeedRepository extends JpaRepository<CalendarFeed, Long> {

    Optional<CalendarFeed> findByToken(String token);

    /** The account's first token, unless one exists already (two tabs opening the page at once make one, not an error). */
    @Modifying
    @Query(value = """
            insert into calendar_feed (account_id, token, created_at, version) values (:accountId, :token, :createdAt, 0)
            on conflict (account_id) do nothing""", nativeQuery = true)
    int insertIfAbsent(long accountId, String token, Instant createdAt);
}

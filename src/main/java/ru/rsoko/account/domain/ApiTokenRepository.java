package ru.rsoko.account.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    /** The one query that authenticates a call: the token with its owner and the owner's organisation. */
    @Query("select t from ApiToken t join fetch t.account a join fetch a.organisation where t.tokenHash = :hash")
    Optional<ApiToken> findWithAccountByTokenHash(String hash);

    List<ApiToken> findByAccountIdOrderByCreatedAtDescIdDesc(long accountId);

    Optional<ApiToken> findByIdAndAccountId(long id, long accountId);

    // around the entity on purpose, like login bookkeeping: no version bump, no history revision, and no row touched
    // when the token was used within the hour
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
    int recordUse(long id, Instant at, Instant before);
}

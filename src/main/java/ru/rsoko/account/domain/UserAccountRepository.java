package ru.rsoko.account.domain;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface UserAccountRepository extends JpaRepository<UserAccount, Long>, JpaSpecificationExecutor<UserAccount> {

    @EntityGraph(attributePaths = "organisation")
    Optional<UserAccount> findByUsername(String username);

    @EntityGraph(attributePaths = "organisation")
    Optional<UserAccount> findWithOrgUnitById(long id);

    boolean existsByUsername(String username);

    @Query("select a.id from UserAccount a where a.username = :username")
    Optional<Long> findIdByUsername(String username);

    @Override
    @EntityGraph(attributePaths = "organisation")
    Page<UserAccount> findAll(Specification<UserAccount> spec, Pageable pageable);

    @EntityGraph(attributePaths = "organisation")
    List<UserAccount> findAllByOrgUnitIdOrderByFullName(Long orgUnitId);

    @Query("select a.username, a.fullName from UserAccount a where a.username in :usernames")
    List<Object[]> fullNames(Collection<String> usernames);

    // login bookkeeping goes around the entity on purpose: no version bump, no history revision per login
    @Modifying
    @Transactional
    @Query("update UserAccount a set a.failedAttempts = 0, a.lockedUntil = null where a.username = :username and (a.failedAttempts > 0 or a.lockedUntil is not null)")
    int clearFailedLogins(String username);

    @Modifying
    @Query("update UserAccount a set a.lastLoginAt = :at where a.username = :username")
    int recordLogin(String username, Instant at);
}

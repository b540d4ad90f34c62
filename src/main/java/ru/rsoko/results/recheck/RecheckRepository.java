package ru.rsoko.results.recheck;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface RecheckRepository extends JpaRepository<Recheck, Long> {
}

interface RecheckExpertRepository extends JpaRepository<RecheckExpert, Long> {
    List<RecheckExpert> findByRecheckIdOrderById(long recheckId);
}

interface RecheckWorkRepository extends JpaRepository<RecheckWork, Long> {
    List<RecheckWork> findByRecheckIdOrderByCode(long recheckId);
}

package ru.rsoko.participation.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.plan.ProcedureRecords;

import java.util.Collection;
import java.util.Optional;

/** Tells the plan which of its procedures have participation entered: a draft with any is not thrown away. */
@Component
class ParticipationRecords implements ProcedureRecords {

    private final JdbcTemplate jdbc;

    ParticipationRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> recordedAgainst(Collection<Long> procedureIds) {
        boolean any = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from participation where procedure_id = any(?))", Boolean.class,
                (Object) procedureIds.toArray(Long[]::new)));
        return any ? Optional.of("участие") : Optional.empty();
    }
}

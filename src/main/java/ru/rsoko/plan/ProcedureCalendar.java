package ru.rsoko.plan;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * When the procedures of a region's approved plan-schedules end, for decisions due «по итогам процедур оценки
 * качества образования»: moved procedures on their new dates, cancelled ones not at all.
 */
@Component
public class ProcedureCalendar {

    /** The same days as {@link #ends} for SQL that joins on them; one parameter, the region. */
    public static final String ENDS_SQL = """
            select distinct coalesce(p.moved_end, p.period_end) as end_day
            from plan_procedure p join plan pl on pl.id = p.plan_id
            where p.region_id = ? and pl.status = 'APPROVED' and p.status <> 'CANCELLED'""";

    private final JdbcTemplate jdbc;

    ProcedureCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<LocalDate> ends(long regionId) {
        return jdbc.queryForList(ENDS_SQL + " order by end_day", LocalDate.class, regionId);
    }
}

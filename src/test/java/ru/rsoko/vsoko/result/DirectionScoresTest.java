package ru.rsoko.vsoko.result;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sums per submission and direction the database keeps (V9) are always the sums of the values: after the demo's
 * loading, and after values are changed, added, removed, and an indicator moves to another direction.
 */
@IntegrationTest
@Transactional
class DirectionScoresTest {

    /** Pairs (submission, direction) whose kept sum differs from the values' sum, either way. */
    static final String DIFFERENCES = """
            select count(*) from (
                select v.submission_id, i.direction_id, sum(v.points) as earned
                from vsoko_value v join vsoko_indicator i on i.id = v.indicator_id
                group by v.submission_id, i.direction_id) a
            full join vsoko_direction_score d on d.submission_id = a.submission_id and d.direction_id = a.direction_id
            where coalesce(a.earned, 0) <> coalesce(d.earned, 0)""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theKeptSumsAreTheSumsOfTheValues() {
        assertThat(jdbc.queryForObject("select count(*) from vsoko_direction_score", Long.class)).isPositive();
        assertThat(jdbc.queryForObject(DIFFERENCES, Long.class)).isZero();

        long submission = jdbc.queryForObject("select submission_id from vsoko_value order by id limit 1", Long.class);
        jdbc.update("update vsoko_value set points = points + 1 where submission_id = ?", submission);
        assertThat(jdbc.queryForObject(DIFFERENCES, Long.class)).isZero();

        jdbc.update("delete from vsoko_value where id in (select id from vsoko_value where submission_id = ? limit 3)", submission);
        assertThat(jdbc.queryForObject(DIFFERENCES, Long.class)).isZero();

        // an indicator of that submission's framework moves to another direction of the framework
        Long indicator = jdbc.queryForObject("""
                select i.id from vsoko_value v join vsoko_indicator i on i.id = v.indicator_id
                where v.submission_id = ? order by i.id limit 1""", Long.class, submission);
        Long other = jdbc.queryForObject("""
                select d.id from vsoko_direction d join vsoko_indicator i on i.framework_id = d.framework_id
                where i.id = ? and d.id <> i.direction_id order by d.id limit 1""", Long.class, indicator);
        jdbc.update("update vsoko_indicator set direction_id = ? where id = ?", other, indicator);
        assertThat(jdbc.queryForObject(DIFFERENCES, Long.class)).isZero();

        // the indicator removed with its values
        jdbc.update("delete from vsoko_indicator where id = ?", indicator);
        assertThat(jdbc.queryForObject(DIFFERENCES, Long.class)).isZero();
        // a submission removed takes its sums along
        jdbc.update("delete from vsoko_submission where id = ?", submission);
        assertThat(jdbc.queryForObject("select count(*) from vsoko_direction_score where submission_id = ?", Long.class,
                submission)).isZero();
        assertThat(jdbc.queryForObject(DIFFERENCES, Long.class)).isZero();
    }
}

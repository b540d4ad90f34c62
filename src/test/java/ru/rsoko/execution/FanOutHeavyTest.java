package ru.rsoko.execution;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region of 2,054 schools signs a protocol of ten decisions for every school: 20,540 records in the signing
 * transaction. The time is printed beside the raw statements that make the same records (not asserted: the machine is
 * shared).
 */
@Tag("heavy")
@IntegrationTest
class FanOutHeavyTest {

    static final int SCHOOLS = 2_054, DECISIONS = 10;

    @Autowired
    PlanFixtures planFixtures;
    @Autowired
    MeetingManagement meetings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aProtocolForEverySchoolOfABigRegionIsSignedAtTheDatabasesSpeed() {
        PlanFixtures.TestRegion t = planFixtures.freshRegion();
        long municipality = t.municipality().id(), region = t.region().id();
        int existing = jdbc.queryForObject("select count(*) from org_unit where region_id = ? and type = 'SCHOOL'",
                Integer.class, region);
        List<Object[]> units = new ArrayList<>();
        for (int s = existing; s < SCHOOLS; s++) {
            units.add(new Object[]{"МОУ «СОШ № " + s + "» (нагрузка)", municipality, region, municipality});
        }
        jdbc.batchUpdate("""
                insert into org_unit (id, type, name, parent_id, region_id, municipality_id)
                values (nextval('org_unit_id_seq'), 'SCHOOL', ?, ?, ?, ?)""", units);
        CurrentUser user = planFixtures.user(t.regionUser());
        List<DecisionForm> decisions = new ArrayList<>();
        for (int d = 1; d <= DECISIONS; d++) {
            decisions.add(decision(String.valueOf(d)));
        }
        MeetingView meeting = meetings.createWithContent(user, details(), List.of(), decisions);
        MeetingView unsigned = meetings.createWithContent(user, details(), List.of(), decisions);

        long started = System.nanoTime();
        meetings.sign(user, meeting.id(), null);
        long signMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(jdbc.queryForObject("select count(*) from execution where meeting_id = ?", Long.class, meeting.id()))
                .isEqualTo((long) SCHOOLS * DECISIONS);

        // the raw statements: the same records for the other meeting's decisions, rolled back
        List<Long> others = jdbc.queryForList("select id from decision where meeting_id = ? order by id", Long.class,
                unsigned.id());
        started = System.nanoTime();
        tx.executeWithoutResult(status -> {
            for (long decision : others) {
                jdbc.update("""
                        insert into execution (decision_id, meeting_id, org_unit_id, region_id, municipality_id, status,
                                               recurring, period_start, due_date, version)
                        select ?, ?, o.id, o.region_id, o.municipality_id, 'NOT_STARTED', true, current_date, null, 0
                        from org_unit o where o.active and o.region_id = ? and o.type = 'SCHOOL'""",
                        decision, unsigned.id(), region);
            }
            status.setRollbackOnly();
        });
        long rawMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("signing a protocol into %d records: %d ms; raw inserts %d ms%n", SCHOOLS * DECISIONS,
                signMillis, rawMillis);
    }

    private static MeetingForm details() {
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(Fixtures.unique("Совещание для всех школ"));
        form.setDate(LocalDate.now().minusDays(1));
        return form;
    }

    private static DecisionForm decision(String number) {
        DecisionForm form = new DecisionForm();
        form.setNumber(number);
        form.setText("Решение " + number);
        form.setResponsibleText("руководители ОО");
        form.setDeadlineText("постоянно");
        form.setDeadlineKind(DeadlineKind.ONGOING);
        return form;
    }
}

package ru.rsoko.participation.domain;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The set-based write of participation (one statement for the rows and their audit rows) leaves what Envers would
 * have left: one revision per write in the name of who wrote, one audit row per created or changed row with its
 * figures, none for a row sent unchanged, the pupils given to the directory with their own history — and nothing at all
 * when one row is wrong or one version is stale.
 */
@IntegrationTest
class ParticipationBulkWriteTest {

    @Autowired
    PlanFixtures planFixtures;
    @Autowired
    ParticipationService service;
    @Autowired
    ParticipationPages pages;
    @Autowired
    JdbcTemplate jdbc;

    ParticipationTestRegion t;
    long school, other;

    @BeforeEach
    void setUp() {
        t = new ParticipationTestRegion(planFixtures, service, jdbc);
        school = t.region.school().id();
        other = t.region.otherSchool().id();
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    long rows() {
        return count("select count(*) from participation where procedure_id = ?", t.vpr.id());
    }

    /** Audit rows of the procedure's participation: revtype → count. */
    Map<Integer, Long> audit() {
        Map<Integer, Long> byType = new java.util.TreeMap<>();
        jdbc.query("""
                select a.revtype, count(*) from participation_aud a join participation p on p.id = a.id
                where p.procedure_id = ? group by a.revtype""", rs -> {
            byType.put(rs.getInt(1), rs.getLong(2));
        }, t.vpr.id());
        return byType;
    }

    /** The revisions of the procedure's participation with their authors, oldest first. */
    List<String> revisions() {
        return jdbc.queryForList("""
                select distinct r.rev || ' ' || r.username from revinfo r join participation_aud a on a.rev = r.rev
                join participation p on p.id = a.id where p.procedure_id = ? order by 1""", String.class, t.vpr.id());
    }

    Map<String, Long> versions() {
        Map<String, Long> versions = new java.util.HashMap<>();
        jdbc.query("select school_id, grade, version from participation where procedure_id = ?",
                rs -> {
                    versions.put(rs.getLong(1) + "/" + rs.getInt(2), rs.getLong(3));
                }, t.vpr.id());
        return versions;
    }

    @Test
    void aWriteLeavesOneRevisionByItsAuthorAndOneAuditRowPerRowItCreatedOrChanged() {
        List<ParticipationService.RowInput> rows = new ArrayList<>();
        for (long s : List.of(school, other)) {
            for (int grade = 4; grade <= 8; grade++) {
                rows.add(new ParticipationService.RowInput(s, grade, 20, 19, true, null));
            }
        }
        Saved created = service.saveRows(t.regionUser(), t.vpr.id(), rows);
        assertThat(created).isEqualTo(new Saved(10, 0));
        assertThat(rows()).isEqualTo(10);
        assertThat(audit()).isEqualTo(Map.of(0, 10L));
        assertThat(revisions()).hasSize(1).allMatch(r -> r.endsWith(" " + t.region.regionUser()));
        assertThat(count("""
                select count(*) from directory_grade_pupils_aud a join revinfo r on r.rev = a.rev
                where a.school_id in (?, ?) and r.username = ? and a.revtype = 0""", school, other, t.region.regionUser()))
                .as("the pupils given to the directory, with their history").isEqualTo(10);

        // two rows changed, the rest sent again as they are: only the two are written and audited
        Map<String, Long> versions = versions();
        List<ParticipationService.RowInput> again = rows.stream().map(r -> new ParticipationService.RowInput(
                r.schoolId(), r.grade(), r.pupils(), r.schoolId() == school && r.grade() <= 5 ? 15 : r.participants(),
                r.observers(), versions.get(r.schoolId() + "/" + r.grade()))).toList();
        assertThat(service.saveRows(t.regionUser(), t.vpr.id(), again)).isEqualTo(new Saved(0, 2));
        assertThat(audit()).isEqualTo(Map.of(0, 10L, 1, 2L));
        assertThat(revisions()).hasSize(2);
        assertThat(count("select count(*) from participation where procedure_id = ? and version = 1", t.vpr.id())).isEqualTo(2);

        // the school's history: the change first, then the creation, both by the region's staff
        List<HistoryEntry> history = pages.history(t.regionUser(), t.vpr.id(), school);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).kind()).isEqualTo(HistoryEntry.Kind.CHANGED);
        assertThat(history.get(0).changes()).extracting(c -> c.field() + ": " + c.before() + " → " + c.after())
                .containsExactly("4 класс: участников: 19 → 15", "5 класс: участников: 19 → 15");
        assertThat(history.get(1).kind()).isEqualTo(HistoryEntry.Kind.CREATED);
        assertThat(history.get(1).changes()).hasSize(15);

        // nothing changed at all: no revision left behind
        Map<String, Long> now = versions();
        List<ParticipationService.RowInput> same = again.stream().map(r -> new ParticipationService.RowInput(
                r.schoolId(), r.grade(), r.pupils(), r.participants(), r.observers(),
                now.get(r.schoolId() + "/" + r.grade()))).toList();
        long revisionsBefore = count("select count(*) from revinfo");
        assertThat(service.saveRows(t.regionUser(), t.vpr.id(), same)).isEqualTo(new Saved(0, 0));
        assertThat(count("select count(*) from revinfo")).isEqualTo(revisionsBefore);
    }

    @Test
    void oneWrongRowOrOneStaleVersionWritesNothing() {
        service.saveRows(t.regionUser(), t.vpr.id(), List.of(new ParticipationService.RowInput(school, 4, 20, 20, true, null)));
        Map<String, Long> versions = versions();
        long revisions = count("select count(*) from revinfo");
        Map<Integer, Long> audit = audit();

        List<ParticipationService.RowInput> wrong = new ArrayList<>();
        wrong.add(new ParticipationService.RowInput(school, 4, 21, 20, true, versions.get(school + "/4")));
        wrong.add(new ParticipationService.RowInput(other, 4, 10, 11, true, null));
        assertThatThrownBy(() -> service.saveRows(t.regionUser(), t.vpr.id(), wrong))
                .isInstanceOf(ImportRejectedException.class);

        List<ParticipationService.RowInput> stale = new ArrayList<>();
        stale.add(new ParticipationService.RowInput(other, 5, 10, 9, true, null));
        stale.add(new ParticipationService.RowInput(school, 4, 21, 20, true, versions.get(school + "/4") + 7));
        assertThatThrownBy(() -> service.saveRows(t.regionUser(), t.vpr.id(), stale))
                .isInstanceOf(ConcurrentEditException.class);

        List<ParticipationService.RowInput> good = List.of(new ParticipationService.RowInput(other, 6, 10, 9, true, null));
        assertThat(rows()).isEqualTo(1);
        assertThat(audit()).isEqualTo(audit);
        assertThat(count("select count(*) from revinfo")).isEqualTo(revisions);
        assertThat(count("select pupils from participation where procedure_id = ? and school_id = ? and grade = 4",
                t.vpr.id(), school)).isEqualTo(20);
        // and a right write afterwards goes through
        assertThat(service.saveRows(t.regionUser(), t.vpr.id(), good)).isEqualTo(new Saved(1, 0));
    }
}

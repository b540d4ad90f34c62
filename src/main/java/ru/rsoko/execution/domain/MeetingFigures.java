package ru.rsoko.execution.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.meeting.MeetingSummary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The execution figures meeting pages show, answered from this module's own table: {@code execution} keeps the
 * meeting of each record ({@code meeting_id}, V7), so counting by meeting or decision reads no other module's
 * table.
 */
@Component
@Transactional(readOnly = true)
class MeetingFigures implements ExecutionFigures {

    private final JdbcTemplate jdbc;
    private final DirectoryService directory;
    private final RegionDays days;

    MeetingFigures(JdbcTemplate jdbc, DirectoryService directory, RegionDays days) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.days = days;
    }

    @Override
    public Matrix matrix(Scope scope, MeetingSummary meeting) {
        String column = meeting.municipal() ? "e.org_unit_id" : "coalesce(e.municipality_id, 0)";
        Map<Long, Map<Long, Counts>> cells = new HashMap<>();
        Map<Long, Counts> byDecision = new HashMap<>();
        Map<Long, Counts> byColumn = new HashMap<>();
        Counts total = Counts.NONE;
        for (CountRow row : countRows(scope, "e.decision_id", column, "e.meeting_id = ?", meeting.id())) {
            cells.computeIfAbsent(row.first(), k -> new HashMap<>()).put(row.second(), row.counts());
            byDecision.merge(row.first(), row.counts(), Counts::plus);
            byColumn.merge(row.second(), row.counts(), Counts::plus);
            total = total.plus(row.counts());
        }
        return new Matrix(columns(meeting, byColumn.keySet()), cells, byDecision, byColumn, total);
    }

    @Override
    public Map<Long, Counts> countsByMeeting(Scope scope, Collection<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Counts> counts = new HashMap<>();
        for (CountRow row : countRows(scope, "e.meeting_id", "0", "e.meeting_id = any(?)", (Object) meetingIds.toArray(Long[]::new))) {
            counts.put(row.first(), row.counts());
        }
        return counts;
    }

    @Override
    public Set<Long> meetingsAddressedTo(Scope scope) {
        List<Object> args = new ArrayList<>();
        String where = scopeSql(scope, args);
        return new HashSet<>(jdbc.queryForList("select distinct e.meeting_id from execution e where true" + where,
                Long.class, args.toArray()));
    }

    @Override
    public boolean isAddressedTo(Scope scope, long meetingId) {
        List<Object> args = new ArrayList<>();
        args.add(meetingId);
        String where = scopeSql(scope, args);
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from execution e where e.meeting_id = ?"
                + where + ")", Boolean.class, args.toArray()));
    }

    /**
     * Figures of the scope's records grouped by one column: {@code coalesce(e.municipality_id, 0)} or
     * {@code e.org_unit_id}; judged exactly as {@link ExecutionManagement#counts} judges them.
     */
    Map<Long, Counts> countsBy(Scope scope, String column) {
        Map<Long, Counts> counts = new HashMap<>();
        for (CountRow row : countRows(scope, column, "0", "true")) {
            counts.put(row.first(), row.counts());
        }
        return counts;
    }

    private record CountRow(long first, long second, Counts counts) {
    }

    /**
     * Counts records grouped by two expressions. Each record is judged against today of its own region, so the
     * figures are right for a deployment administrator looking across time zones too.
     */
    private List<CountRow> countRows(Scope scope, String first, String second, String where, Object... whereArgs) {
        Map<Long, LocalDate> today = days.byRegion(scope);
        StringBuilder sql = new StringBuilder("""
                select %s as first, %s as second,
                       count(*) as total,
                       count(*) filter (where e.status = 'DONE') as done,
                       count(*) filter (where e.status = 'NOT_DONE') as not_done,
                       count(*) filter (where e.due_date < t.today and (e.recurring or e.status in ('NOT_STARTED', 'IN_PROGRESS'))) as overdue,
                       count(*) filter (where e.status = 'IN_PROGRESS' and not coalesce(e.due_date < t.today, false)) as in_work
                from execution e
                join unnest(?::bigint[], ?::date[]) as t(region_id, today) on t.region_id = e.region_id
                where %s""".formatted(first, second, where));
        List<Object> args = new ArrayList<>();
        args.add(today.keySet().toArray(Long[]::new));
        args.add(today.values().stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new));
        args.addAll(java.util.Arrays.asList(whereArgs));
        sql.append(scopeSql(scope, args));
        sql.append(" group by 1, 2");
        return jdbc.query(sql.toString(), (rs, i) -> {
            long total = rs.getLong("total");
            long done = rs.getLong("done");
            long notDone = rs.getLong("not_done");
            long overdue = rs.getLong("overdue");
            long inWork = rs.getLong("in_work");
            return new CountRow(rs.getLong("first"), rs.getLong("second"),
                    new Counts(total, done, inWork, overdue, total - done - notDone - overdue - inWork, notDone));
        }, args.toArray());
    }

    /** The scope's rule on the records {@code e}, as SQL to append to a where clause; its argument goes into {@code args}. */
    private static String scopeSql(Scope scope, List<Object> args) {
        return " and " + scope.toSql("e.region_id", "e.municipality_id", "e.org_unit_id", args);
    }

    private List<Column> columns(MeetingSummary meeting, Set<Long> present) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (meeting.municipal()) {
            (present.isEmpty() ? Map.<Long, ru.rsoko.directory.OrgUnit>of() : directory.byIds(present)).forEach((id, unit) -> names.put(id, unit.displayName()));
        } else {
            directory.municipalitiesOf(Scope.all(), meeting.regionId()).stream()
                    .filter(m -> present.contains(m.id()))
                    .forEach(m -> names.put(m.id(), m.displayName()));
            if (present.contains(0L)) {
                names.put(0L, "Региональные организации");
            }
        }
        return names.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> new Column(e.getKey(), e.getValue())).toList();
    }
}

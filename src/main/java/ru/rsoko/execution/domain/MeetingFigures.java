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
        // a municipal meeting's columns are organisations: its few records are counted as they are
        Source source = meeting.municipal() ? Source.RECORDS : Source.forDecisions(scope);
        for (CountRow row : countRows(source, scope, "e.decision_id", column, "e.meeting_id = ?", meeting.id())) {
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
        for (CountRow row : countRows(Source.forDecisions(scope), scope, "e.meeting_id", "0", "e.meeting_id = any(?)",
                (Object) meetingIds.toArray(Long[]::new))) {
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
        Source source = column.contains("org_unit_id") || scope.level() == Scope.Level.ORG_UNIT
                ? Source.ORGANISATIONS : Source.MUNICIPALITIES;
        Map<Long, Counts> counts = new HashMap<>();
        for (CountRow row : countRows(source, scope, column, "0", "true")) {
            counts.put(row.first(), row.counts());
        }
        return counts;
    }

    /**
     * The figures of the records the filter picks, read from the tallies (V17) when the filter asks only for an
     * organisation, a municipality, a meeting or a decision; empty when it narrows by status, lateness or words, which
     * only the records themselves can answer.
     */
    java.util.Optional<Counts> total(Scope scope, ru.rsoko.execution.ExecutionFilter filter) {
        if (filter.status() != null || filter.overdue() != null || filter.q() != null && !filter.q().isBlank()) {
            return java.util.Optional.empty();
        }
        boolean byOrganisation = filter.orgUnitId() != null || scope.level() == Scope.Level.ORG_UNIT;
        boolean byDecision = filter.meetingId() != null || filter.decisionId() != null;
        Source source = byOrganisation ? (byDecision ? Source.RECORDS : Source.ORGANISATIONS)
                : byDecision ? Source.DECISIONS : Source.MUNICIPALITIES;
        StringBuilder where = new StringBuilder("true");
        List<Object> args = new ArrayList<>();
        if (filter.orgUnitId() != null) {
            where.append(" and e.org_unit_id = ?");
            args.add(filter.orgUnitId());
        }
        if (filter.meetingId() != null) {
            where.append(" and e.meeting_id = ?");
            args.add(filter.meetingId());
        }
        if (filter.decisionId() != null) {
            where.append(" and e.decision_id = ?");
            args.add(filter.decisionId());
        }
        if (filter.municipalityId() != null) {
            if (filter.municipalityId() == 0) {
                where.append(" and e.municipality_id is null");
            } else {
                where.append(" and e.municipality_id = ?");
                args.add(filter.municipalityId());
            }
        }
        Counts total = Counts.NONE;
        for (CountRow row : countRows(source, scope, "0", "0", where.toString(), args.toArray())) {
            total = total.plus(row.counts());
        }
        return java.util.Optional.of(total);
    }

    private record CountRow(long first, long second, Counts counts) {
    }

    /**
     * Where counts are read: the records themselves, or one of the tallies the database keeps of them (V17) — by
     * organisation, by decision and municipality, by municipality — each a row per status and due date.
     */
    private enum Source {
        RECORDS("execution", "1"),
        ORGANISATIONS("execution_tally_org", "e.n"),
        DECISIONS("execution_tally_decision", "e.n"),
        MUNICIPALITIES("execution_tally_municipality", "e.n");

        final String table;
        final String weight;

        Source(String table, String weight) {
            this.table = table;
            this.weight = weight;
        }

        /** The tally by decision has no organisation: a director's counts are read from the records. */
        static Source forDecisions(Scope scope) {
            return scope.level() == Scope.Level.ORG_UNIT ? RECORDS : DECISIONS;
        }
    }

    /**
     * Counts records grouped by two expressions. Each record is judged against today of its own region, so the
     * figures are right for a deployment administrator looking across time zones too.
     */
    private List<CountRow> countRows(Source source, Scope scope, String first, String second, String where,
                                     Object... whereArgs) {
        Map<Long, LocalDate> today = days.byRegion(scope);
        StringBuilder sql = new StringBuilder("""
                select %1$s as first, %2$s as second,
                       coalesce(sum(%5$s), 0) as total,
                       coalesce(sum(%5$s) filter (where e.status = 'DONE'), 0) as done,
                       coalesce(sum(%5$s) filter (where e.status = 'NOT_DONE'), 0) as not_done,
                       coalesce(sum(%5$s) filter (where e.due_date < t.today and (e.recurring or e.status in ('NOT_STARTED', 'IN_PROGRESS'))), 0) as overdue,
                       coalesce(sum(%5$s) filter (where e.status = 'IN_PROGRESS' and not coalesce(e.due_date < t.today, false)), 0) as in_work
                from %4$s e
                join unnest(?::bigint[], ?::date[]) as t(region_id, today) on t.region_id = e.region_id
                where %3$s""".formatted(first, second, where, source.table, source.weight));
        List<Object> args = new ArrayList<>();
        args.add(today.keySet().toArray(Long[]::new));
        args.add(today.values().stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new));
        args.addAll(java.util.Arrays.asList(whereArgs));
        sql.append(scopeSql(scope, args));
        sql.append(" group by 1, 2 having coalesce(sum(").append(source.weight).append("), 0) > 0");
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

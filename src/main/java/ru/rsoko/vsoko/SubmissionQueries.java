package ru.rsoko.vsoko;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read-only lists of submissions for pages: one query a page, counts of answers included. */
@Component
class SubmissionQueries {

    private final JdbcTemplate jdbc;

    SubmissionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long schoolId, String school, String municipality, SubmissionStatus status, long filled,
               Instant submittedAt, String returnComment) {
    }

    record SchoolOption(long id, String name, long municipalityId, String municipality) {
    }

    Page<Row> rows(CurrentUser user, Campaign campaign, Long municipalityId, SubmissionStatus status, String q,
                   Pageable pageable) {
        Scope scope = user.scope();
        StringBuilder where = new StringBuilder(" where s.campaign_id = ? and ")
                .append(CampaignService.scopeSql(scope, "s."));
        List<Object> args = new ArrayList<>(List.of(CampaignService.scopeArgs(campaign.getId(), scope)));
        if (municipalityId != null) {
            where.append(" and s.municipality_id = ?");
            args.add(municipalityId);
        }
        if (status != null) {
            where.append(" and s.status = ?");
            args.add(status.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and lower(o.name) like ?");
            args.add("%" + q.strip().toLowerCase() + "%");
        }
        String from = " from vsoko_submission s join org_unit o on o.id = s.school_id left join org_unit m on m.id = s.municipality_id";
        long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<Row> rows = jdbc.query("""
                        select s.school_id, o.name, coalesce(m.short_name, m.name), s.status, s.submitted_at, s.return_comment,
                               (select count(*) from vsoko_value v where v.submission_id = s.id and v.value is not null) as filled
                        """ + from + where + " order by coalesce(m.short_name, m.name), o.name, o.id limit ? offset ?",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), SubmissionStatus.valueOf(rs.getString(4)),
                        rs.getLong(7), instant(rs.getTimestamp(5)), rs.getString(6)),
                pageArgs.toArray());
        return new PageImpl<>(rows, pageable, total);
    }

    /** A school's status in each campaign it takes part in. */
    Map<Long, SubmissionStatus> ownStatuses(long schoolId) {
        Map<Long, SubmissionStatus> result = new HashMap<>();
        jdbc.query("select campaign_id, status from vsoko_submission where school_id = ?",
                rs -> {
                    result.put(rs.getLong(1), SubmissionStatus.valueOf(rs.getString(2)));
                }, schoolId);
        return result;
    }

    Set<Long> participantIds(long campaignId) {
        return new HashSet<>(jdbc.queryForList("select school_id from vsoko_submission where campaign_id = ?", Long.class, campaignId));
    }

    List<SchoolOption> schoolsOfRegion(Long regionId) {
        if (regionId == null) {
            return List.of();
        }
        return jdbc.query("""
                        select o.id, o.name, m.id, coalesce(m.short_name, m.name) from org_unit o
                        join org_unit m on m.id = o.municipality_id
                        where o.region_id = ? and o.type = 'SCHOOL' and o.active
                        order by coalesce(m.short_name, m.name), o.name""",
                (rs, i) -> new SchoolOption(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)), regionId);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

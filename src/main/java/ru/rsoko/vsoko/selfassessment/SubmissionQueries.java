package ru.rsoko.vsoko.selfassessment;

import ru.rsoko.platform.search.Search;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.campaign.SubmissionScope;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The schools' self-assessments of a campaign as a list: one query a page, counts of answers included, names and
 * search through the directory's view {@code directory_org_unit}.
 */
@Service
@Transactional(readOnly = true)
class SubmissionQueries {

    private final CampaignService campaigns;
    private final JdbcTemplate jdbc;

    SubmissionQueries(CampaignService campaigns, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    record Row(long schoolId, String school, String municipality, SubmissionStatus status, long filled,
               Instant submittedAt, String returnComment, long version) {
    }

    /** What the list shows: the campaign, and the page of rows found. */
    record Found(CampaignView campaign, Page<Row> rows) {
    }

    Found find(CurrentUser user, long campaignId, Long municipalityId, SubmissionStatus status, String q,
               Pageable pageable) {
        CampaignView campaign = campaigns.get(user, campaignId);
        Scope scope = user.scope();
        StringBuilder where = new StringBuilder(" where s.campaign_id = ? and ").append(SubmissionScope.where(scope, "s."));
        List<Object> args = new ArrayList<>(List.of(SubmissionScope.args(campaign.id(), scope)));
        if (municipalityId != null) {
            where.append(" and s.municipality_id = ?");
            args.add(municipalityId);
        }
        if (status != null) {
            where.append(" and s.status = ?");
            args.add(status.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and rsoko_fold(o.name) like rsoko_fold(?) escape '\\'");
            args.add(Search.containsPattern(q));
        }
        String from = " from vsoko_submission s join directory_org_unit o on o.id = s.school_id"
                + " left join directory_org_unit m on m.id = s.municipality_id";
        long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<Row> rows = jdbc.query("""
                        select s.school_id, o.name, coalesce(m.short_name, m.name), s.status, s.submitted_at, s.return_comment,
                               (select count(*) from vsoko_value v join vsoko_indicator i on i.id = v.indicator_id
                                where v.submission_id = s.id and v.value is not null and v.prefilled_from is null
                                  and (v.evidence_url is not null or not i.evidence_required)) as filled, s.version
                        """ + from + where + " order by coalesce(m.short_name, m.name), o.name, o.id limit ? offset ?",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), SubmissionStatus.valueOf(rs.getString(4)),
                        rs.getLong(7), instant(rs.getTimestamp(5)), rs.getString(6), rs.getLong(8)),
                pageArgs.toArray());
        return new Found(campaign, new PageImpl<>(rows, pageable, total));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

package ru.rsoko.vsoko.selfassessment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.vsoko.campaign.Campaign;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.Indicator;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The template of a campaign's indicator values for what the caller may fill in now: a school its own
 * self-assessment, a municipality its schools', regional staff all of the region's. The rows come from one
 * query read with a cursor and go straight into the streamed workbook.
 */
@Service
class ValuesWorkbookService {

    private static final Logger log = LoggerFactory.getLogger(ValuesWorkbookService.class);

    private final CampaignService campaigns;
    private final SubmissionRepository submissions;
    private final SubmissionService submissionService;
    private final JdbcTemplate cursor;

    ValuesWorkbookService(CampaignService campaigns, SubmissionRepository submissions, SubmissionService submissionService,
                          DataSource dataSource) {
        this.campaigns = campaigns;
        this.submissions = submissions;
        this.submissionService = submissionService;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(2_000);
    }

    /** The campaign for the pages of the workbook; a campaign outside the user's scope is not found. */
    @Transactional(readOnly = true)
    CampaignView campaign(CurrentUser user, long campaignId) {
        return campaigns.get(user, campaignId);
    }

    /** The campaign with its framework's indicators and options loaded, for the template and the upload. */
    Campaign load(CurrentUser user, long campaignId) {
        Campaign campaign = campaigns.load(user, campaignId);
        campaign.getFramework().indicators().forEach(i -> i.getOptions().size());
        return campaign;
    }

    /** The submissions of the campaign in the user's scope, by school id. */
    Map<Long, Submission> inScope(CurrentUser user, Campaign campaign) {
        return submissions.findAll((root, query, cb) -> cb.and(
                        cb.equal(root.get("campaign").get("id"), campaign.getId()),
                        user.scope().toPredicate(cb, root.get("regionId"), root.get("municipalityId"),
                                root.get("schoolId"))))
                .stream().collect(Collectors.toMap(Submission::getSchoolId, Function.identity(),
                        (a, b) -> a, LinkedHashMap::new));
    }

    /** Writes the template; a campaign outside the user's scope is not found. */
    @Transactional(readOnly = true)
    void template(CurrentUser user, long campaignId, OutputStream out) throws IOException {
        long started = System.nanoTime();
        Campaign campaign = load(user, campaignId);
        List<Submission> mine = inScope(user, campaign).values().stream()
                .filter(s -> submissionService.canFill(user, s)).toList();
        Long[] fillable = mine.stream().map(Submission::getId).toArray(Long[]::new);
        String requisites = mine.size() == 1 ? requisites(mine.get(0).getSchoolId()) : null;
        Map<Long, Indicator> indicators = campaign.getFramework().indicators().stream()
                .collect(Collectors.toMap(Indicator::getId, Function.identity()));
        ValuesWorkbook.write(out, campaign, requisites, sink -> {
            if (fillable.length == 0) {
                return;
            }
            // a school's name and municipality are read once, not with each of its 189 rows: the 189,000 rows the
            // database sorts stay narrow (they spilled 21 MB to disk with the names), and a name is one String for all its rows
            Map<Long, String[]> schools = new HashMap<>();
            cursor.query("""
                            select s.school_id, school.name, coalesce(m.short_name, m.name)
                            from vsoko_submission s
                            join directory_org_unit school on school.id = s.school_id
                            left join directory_org_unit m on m.id = s.municipality_id
                            where s.id = any(?)""",
                    rs -> {
                        schools.put(rs.getLong(1), new String[]{rs.getString(2), rs.getString(3)});
                    }, (Object) fillable);
            // the schools and the indicators are put in order apart (1,000 and 189 rows), so that the 189,000 rows of a
            // region are sorted by two numbers, not by the names of their municipality and school compared as Russian text
            cursor.query("""
                            with school as (
                                select s.id, s.school_id,
                                       row_number() over (order by coalesce(m.short_name, m.name), school.name, s.id) as place
                                from vsoko_submission s
                                join directory_org_unit school on school.id = s.school_id
                                left join directory_org_unit m on m.id = s.municipality_id
                                where s.id = any(?)),
                            indicator as (
                                select i.id, row_number() over (order by d.position, i.position) as place
                                from vsoko_indicator i
                                join vsoko_direction d on d.id = i.direction_id
                                where i.framework_id = ?)
                            select s.school_id, i.id, v.value, v.evidence_url
                            from school s
                            cross join indicator i
                            left join vsoko_value v on v.submission_id = s.id and v.indicator_id = i.id
                            order by s.place, i.place""",
                    rs -> {
                        long schoolId = rs.getLong(1);
                        String[] school = schools.get(schoolId);
                        sink.accept(new ValuesWorkbook.Line(schoolId, school[0], school[1], indicators.get(rs.getLong(2)),
                                rs.getBigDecimal(3), rs.getString(4)));
                    }, fillable, campaign.getFramework().getId());
        });
        log.info("Шаблон значений ВСОКО, кампания {}: самооценок {}, {} мс", campaignId, fillable.length,
                (System.nanoTime() - started) / 1_000_000);
    }
    private ru.rsoko.directory.DirectoryService directory;

    @org.springframework.beans.factory.annotation.Autowired
    void setDirectory(ru.rsoko.directory.DirectoryService directory) {
        this.directory = directory;
    }

    /** «Школа: …; руководитель: …; адрес: …; телефон: …; e-mail: …» from the directory, so that nobody types them. */
    String requisites(long schoolId) {
        ru.rsoko.directory.OrgUnit school = directory.byIds(List.of(schoolId)).get(schoolId);
        if (school == null) {
            return null;
        }
        List<String> parts = new java.util.ArrayList<>();
        parts.add("Школа: " + school.name());
        if (school.headName() != null) {
            parts.add("руководитель: " + school.headName());
        }
        if (school.address() != null) {
            parts.add("адрес: " + school.address());
        }
        if (school.phone() != null) {
            parts.add("телефон: " + school.phone());
        }
        if (school.email() != null) {
            parts.add("e-mail: " + school.email());
        }
        return String.join("; ", parts);
    }
}

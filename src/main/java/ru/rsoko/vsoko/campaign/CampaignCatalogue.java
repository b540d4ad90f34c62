package ru.rsoko.vsoko.campaign;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.VsokoCampaigns;

import java.time.LocalDate;
import java.util.List;

/** The campaigns as other modules ask for them. */
@Service
@Transactional(readOnly = true)
class CampaignCatalogue implements VsokoCampaigns {

    private final CampaignRepository campaigns;
    private final CampaignService service;
    private final JdbcTemplate jdbc;

    CampaignCatalogue(CampaignRepository campaigns, CampaignService service, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.service = service;
        this.jdbc = jdbc;
    }

    @Override
    public List<CampaignRef> ofRegion(long regionId) {
        return campaigns.refsOfRegion(regionId);
    }

    @Override
    public List<OpenCampaign> openFor(CurrentUser user) {
        return service.openFor(user);
    }

    @Override
    public List<PendingSelfAssessment> notHandedIn(long regionId, LocalDate closesOn) {
        return jdbc.query("""
                        select c.id, c.name, c.closes_on, s.school_id, s.status
                        from vsoko_campaign c join vsoko_submission s on s.campaign_id = c.id
                        where c.region_id = ? and c.status = 'OPEN' and c.closes_on = ?
                          and s.status in ('NOT_STARTED', 'IN_PROGRESS', 'RETURNED')
                        order by c.id, s.school_id""",
                (rs, i) -> new PendingSelfAssessment(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), SubmissionStatus.valueOf(rs.getString(5))), regionId, closesOn);
    }

    @Override
    public List<Long> participantSchools(long campaignId) {
        return jdbc.queryForList("select school_id from vsoko_submission where campaign_id = ? order by school_id",
                Long.class, campaignId);
    }
}

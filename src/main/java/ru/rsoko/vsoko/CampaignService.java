package ru.rsoko.vsoko;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Campaigns of the ВСОКО study: regional staff prepare, open, close and publish them; schools and municipalities
 * see those that concern them once opened.
 */
@Service
@Transactional
public class CampaignService {

    private final CampaignRepository campaigns;
    private final FrameworkService frameworks;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, FrameworkService frameworks, JdbcTemplate jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.frameworks = frameworks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record CampaignForm(String name, Integer year, Long frameworkId, LocalDate opensOn, LocalDate closesOn,
                               Boolean allSchools, Collection<Long> schoolIds, Long version) {
    }

    @Transactional(readOnly = true)
    public List<Campaign> list(CurrentUser user) {
        Scope scope = user.scope();
        List<Campaign> all = scope.isAll() ? campaigns.findAllByOrderByYearDescIdDesc()
                : scope.regionId() == null ? List.of() : campaigns.findByRegionIdOrderByYearDescIdDesc(scope.regionId());
        if (user.is(Role.SCHOOL)) {
            // one query for the school's campaigns rather than one a campaign
            java.util.Set<Long> own = new java.util.HashSet<>(jdbc.queryForList(
                    "select campaign_id from vsoko_submission where school_id = ?", Long.class, user.orgUnitId()));
            return all.stream().filter(c -> c.getStatus() != CampaignStatus.DRAFT && own.contains(c.getId())).toList();
        }
        return all.stream().filter(c -> visible(user, c)).toList();
    }

    @Transactional(readOnly = true)
    public Campaign get(CurrentUser user, long id) {
        return campaigns.findById(id).filter(c -> visible(user, c))
                .orElseThrow(() -> NotFoundException.of("Кампания", id));
    }

    /**
     * Regional staff see their region's campaigns; others see opened ones, and a school only those it takes part
     * in.
     */
    private boolean visible(CurrentUser user, Campaign c) {
        Scope scope = user.scope();
        if (!scope.isAll() && !c.getRegionId().equals(scope.regionId())) {
            return false;
        }
        if (user.is(Role.REGION) || user.is(Role.ADMIN)) {
            return true;
        }
        if (c.getStatus() == CampaignStatus.DRAFT) {
            return false;
        }
        if (user.is(Role.SCHOOL)) {
            return Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists(select 1 from vsoko_submission where campaign_id = ? and school_id = ?)",
                    Boolean.class, c.getId(), user.orgUnitId()));
        }
        return true;
    }

    public Campaign create(CurrentUser user, CampaignForm form) {
        Framework framework = form.frameworkId() == null ? null : frameworks.get(user.scope(), form.frameworkId());
        requireRegion(user);
        required(framework, "frameworkId", "Выберите набор показателей");
        Campaign campaign = new Campaign(framework.getRegionId(), name(form), year(form), framework,
                required(form.opensOn(), "opensOn", "Укажите дату начала"), required(form.closesOn(), "closesOn", "Укажите дату окончания"));
        checkDates(campaign);
        campaign.setAllSchools(form.allSchools() == null || form.allSchools());
        campaigns.findFirstByRegionIdAndYearLessThanOrderByYearDescIdDesc(campaign.getRegionId(), campaign.getYear())
                .ifPresent(previous -> campaign.setPreviousId(previous.getId()));
        campaigns.saveAndFlush(campaign);
        setParticipants(campaign, campaign.isAllSchools(), form.schoolIds());
        return campaign;
    }

    public Campaign update(CurrentUser user, long id, CampaignForm form) {
        Campaign campaign = keeperGet(user, id);
        ConcurrentEditException.check(form.version(), campaign.getVersion());
        campaign.setName(name(form));
        campaign.setOpensOn(required(form.opensOn(), "opensOn", "Укажите дату начала"));
        campaign.setClosesOn(required(form.closesOn(), "closesOn", "Укажите дату окончания"));
        checkDates(campaign);
        if (campaign.getStatus() == CampaignStatus.DRAFT) {
            campaign.setYear(year(form));
            if (form.frameworkId() != null && !form.frameworkId().equals(campaign.getFramework().getId())) {
                campaign.setFramework(frameworks.get(user.scope(), form.frameworkId()));
            }
            boolean all = form.allSchools() == null || form.allSchools();
            campaign.setAllSchools(all);
            setParticipants(campaign, all, form.schoolIds());
        } else if (form.schoolIds() != null && !form.schoolIds().isEmpty()) {
            // once open, schools can be added (a new school, one forgotten) but none removed
            addParticipants(campaign, form.schoolIds());
        }
        return campaign;
    }

    public Campaign changeStatus(CurrentUser user, long id, CampaignStatus to, Long version) {
        Campaign campaign = keeperGet(user, id);
        ConcurrentEditException.check(version, campaign.getVersion());
        CampaignStatus from = campaign.getStatus();
        boolean allowed = switch (to) {
            case OPEN -> from == CampaignStatus.DRAFT || from == CampaignStatus.CLOSED;
            case CLOSED -> from == CampaignStatus.OPEN || from == CampaignStatus.PUBLISHED;
            case PUBLISHED -> from == CampaignStatus.CLOSED;
            case DRAFT -> false;
        };
        if (!allowed) {
            throw RuleViolationException.conflict("Кампания в состоянии «" + from.label() + "» не может перейти в «"
                    + to.label() + "»");
        }
        if (to == CampaignStatus.OPEN && participants(campaign.getId()) == 0) {
            throw RuleViolationException.conflict("В кампании нет ни одной школы: выберите участников");
        }
        if (to == CampaignStatus.OPEN && campaign.getFramework().indicatorCount() == 0) {
            throw RuleViolationException.conflict("В наборе показателей кампании нет ни одного показателя");
        }
        campaign.setStatus(to);
        campaign.setPublishedAt(to == CampaignStatus.PUBLISHED ? clock.instant() : null);
        return campaign;
    }

    /** An open campaign as a home page lists it: what is handed in within the user's scope, and the school's own part. */
    public record OpenCampaign(long id, String name, LocalDate closesOn, long participants, long submitted,
                               SubmissionStatus own, long ownFilled, int indicators) {
    }

    /** The open campaigns that concern the user, for their home page. */
    @Transactional(readOnly = true)
    public List<OpenCampaign> openFor(CurrentUser user) {
        return list(user).stream().filter(c -> c.getStatus() == CampaignStatus.OPEN).map(c -> {
            Map<SubmissionStatus, Long> progress = progress(user, c);
            long total = progress.values().stream().mapToLong(Long::longValue).sum();
            long submitted = progress.get(SubmissionStatus.SUBMITTED) + progress.get(SubmissionStatus.ACCEPTED);
            SubmissionStatus own = null;
            long filled = 0;
            if (user.is(Role.SCHOOL)) {
                own = progress.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).findFirst().orElse(null);
                filled = jdbc.queryForObject("""
                        select count(*) from vsoko_value v join vsoko_submission s on s.id = v.submission_id
                        where s.campaign_id = ? and s.school_id = ? and v.value is not null""",
                        Long.class, c.getId(), user.orgUnitId());
            }
            return new OpenCampaign(c.getId(), c.getName(), c.getClosesOn(), total, submitted, own, filled,
                    c.getFramework().indicatorCount());
        }).toList();
    }

    public long participants(long campaignId) {
        return jdbc.queryForObject("select count(*) from vsoko_submission where campaign_id = ?", Long.class, campaignId);
    }

    /** Submissions of the campaign by status, within the user's scope. */
    @Transactional(readOnly = true)
    public Map<SubmissionStatus, Long> progress(CurrentUser user, Campaign campaign) {
        Map<SubmissionStatus, Long> counts = new EnumMap<>(SubmissionStatus.class);
        for (SubmissionStatus s : SubmissionStatus.values()) {
            counts.put(s, 0L);
        }
        Scope scope = user.scope();
        jdbc.query("select status, count(*) from vsoko_submission where campaign_id = ? and " + scopeSql(scope)
                        + " group by status",
                rs -> {
                    counts.put(SubmissionStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, scopeArgs(campaign.getId(), scope));
        return counts;
    }

    public record MunicipalityProgress(long municipalityId, String name, Map<SubmissionStatus, Long> counts, long total) {
        public long count(SubmissionStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    /** Per municipality of the user's scope: how many of its schools' submissions are at each status. */
    @Transactional(readOnly = true)
    public List<MunicipalityProgress> progressByMunicipality(CurrentUser user, Campaign campaign) {
        Scope scope = user.scope();
        Map<Long, MunicipalityProgress> rows = new LinkedHashMap<>();
        jdbc.query("""
                        select m.id, coalesce(m.short_name, m.name), s.status, count(*)
                        from vsoko_submission s join org_unit m on m.id = s.municipality_id
                        where s.campaign_id = ? and""" + scopeSql(scope, "s.") + """
                         group by m.id, m.short_name, m.name, s.status order by coalesce(m.short_name, m.name), m.id""",
                rs -> {
                    long id = rs.getLong(1);
                    MunicipalityProgress row = rows.computeIfAbsent(id, k -> {
                        try {
                            return new MunicipalityProgress(id, rs.getString(2), new EnumMap<>(SubmissionStatus.class), 0);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    row.counts().put(SubmissionStatus.valueOf(rs.getString(3)), rs.getLong(4));
                }, scopeArgs(campaign.getId(), scope));
        return rows.values().stream()
                .map(r -> new MunicipalityProgress(r.municipalityId(), r.name(), r.counts(),
                        r.counts().values().stream().mapToLong(Long::longValue).sum()))
                .toList();
    }

    /** The SQL form of the scope for rows of {@code vsoko_submission}, without a table alias. */
    static String scopeSql(Scope scope) {
        return scopeSql(scope, "");
    }

    /** The same for {@code vsoko_submission} under an alias, e.g. "s." */
    static String scopeSql(Scope scope, String alias) {
        return " " + switch (scope.level()) {
            case ALL -> "true";
            case REGION -> alias + "region_id = ?";
            case MUNICIPALITY -> alias + "municipality_id = ?";
            case ORG_UNIT -> alias + "school_id = ?";
        } + " ";
    }

    static Object[] scopeArgs(long campaignId, Scope scope) {
        return switch (scope.level()) {
            case ALL -> new Object[]{campaignId};
            case REGION -> new Object[]{campaignId, scope.regionId()};
            case MUNICIPALITY -> new Object[]{campaignId, scope.municipalityId()};
            case ORG_UNIT -> new Object[]{campaignId, scope.orgUnitId()};
        };
    }

    private Campaign keeperGet(CurrentUser user, long id) {
        Campaign campaign = get(user, id);
        requireRegion(user);
        return campaign;
    }

    private void setParticipants(Campaign campaign, boolean all, Collection<Long> schoolIds) {
        if (!all && (schoolIds == null || schoolIds.isEmpty())) {
            throw RuleViolationException.field("schoolIds", "Выберите школы-участницы или отметьте «все школы региона»");
        }
        jdbc.update("delete from vsoko_submission where campaign_id = ?", campaign.getId());
        if (all) {
            jdbc.update("""
                    insert into vsoko_submission (campaign_id, school_id, region_id, municipality_id, status)
                    select ?, o.id, o.region_id, o.municipality_id, 'NOT_STARTED' from org_unit o
                    where o.region_id = ? and o.type = 'SCHOOL' and o.active""", campaign.getId(), campaign.getRegionId());
        } else {
            addParticipants(campaign, schoolIds);
        }
    }

    private void addParticipants(Campaign campaign, Collection<Long> schoolIds) {
        Long[] ids = schoolIds.toArray(Long[]::new);
        Integer known = jdbc.queryForObject("""
                select count(*) from org_unit where id = any(?) and region_id = ? and type = 'SCHOOL' and active""",
                Integer.class, ids, campaign.getRegionId());
        if (known == null || known != schoolIds.stream().distinct().count()) {
            throw RuleViolationException.field("schoolIds", "Среди выбранных есть не школы региона или закрытые школы");
        }
        jdbc.update("""
                insert into vsoko_submission (campaign_id, school_id, region_id, municipality_id, status)
                select ?, o.id, o.region_id, o.municipality_id, 'NOT_STARTED' from org_unit o
                where o.id = any(?) on conflict (campaign_id, school_id) do nothing""", campaign.getId(), ids);
    }

    private static void requireRegion(CurrentUser user) {
        if (!user.is(Role.REGION)) {
            throw RuleViolationException.forbidden("Кампании ведут сотрудники региона");
        }
    }

    private static void checkDates(Campaign campaign) {
        if (campaign.getClosesOn().isBefore(campaign.getOpensOn())) {
            throw RuleViolationException.field("closesOn", "Дата окончания раньше даты начала");
        }
    }

    private static String name(CampaignForm form) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            throw RuleViolationException.field("name", "Укажите название кампании");
        }
        if (name.length() > 500) {
            throw RuleViolationException.field("name", "Название длиннее 500 знаков");
        }
        return name;
    }

    private static int year(CampaignForm form) {
        if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
            throw RuleViolationException.field("year", "Укажите год кампании (например, 2022)");
        }
        return form.year();
    }

    private static <T> T required(T value, String field, String message) {
        if (value == null) {
            throw RuleViolationException.field(field, message);
        }
        return value;
    }
}

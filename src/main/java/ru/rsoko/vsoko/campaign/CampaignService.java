package ru.rsoko.vsoko.campaign;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.CampaignStatusChanged;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.VsokoCampaigns.OpenCampaign;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rsoko.platform.web.TextLimits;

/**
 * Campaigns of the ВСОКО study: regional staff prepare, open, close and publish them; schools and municipalities
 * see those that concern them once opened. Pages and the API get {@link CampaignView}s; the other parts of the study
 * get the entity through {@link #load}, inside their own transaction.
 */
@Service
@Transactional
public class CampaignService {

    private final CampaignRepository campaigns;
    private final FrameworkService frameworks;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CampaignService(CampaignRepository campaigns, FrameworkService frameworks, JdbcTemplate jdbc, Clock clock,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.campaigns = campaigns;
        this.frameworks = frameworks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record CampaignForm(String name, Integer year, Long frameworkId, LocalDate opensOn, LocalDate closesOn,
                               Boolean allSchools, Collection<Long> schoolIds, Boolean municipalApproval, Long version) {
    }

    /** Participants and those who handed in, for a line of a list. */
    public record Totals(long total, long submitted) {
        static Totals of(Map<SubmissionStatus, Long> progress) {
            return new Totals(progress.values().stream().mapToLong(Long::longValue).sum(),
                    progress.entrySet().stream().filter(e -> e.getKey().counted()).mapToLong(Map.Entry::getValue).sum());
        }
    }

    /** The campaigns list: each campaign's totals in the user's scope, and a school's own status in each. */
    public record CampaignList(List<CampaignView> campaigns, Map<Long, Totals> progress,
                               @Nullable Map<Long, SubmissionStatus> own) {
    }

    /** A campaign's card: the campaign, its submissions by status and by municipality within the user's scope. */
    public record CampaignCard(CampaignView campaign, Map<SubmissionStatus, Long> progress,
                               List<MunicipalityProgress> byMunicipality) {
    }

    public record MunicipalityProgress(long municipalityId, String name, Map<SubmissionStatus, Long> counts, long total) {
        public long count(SubmissionStatus status) {
            return counts.getOrDefault(status, 0L);
        }

        /**
         * Where the municipality's schools stand, stage by stage: filling in, the municipality's approval (where the
         * campaign asks for it), the region's acceptance.
         */
        public String stage(boolean municipalApproval) {
            long filling = count(SubmissionStatus.NOT_STARTED) + count(SubmissionStatus.IN_PROGRESS)
                    + count(SubmissionStatus.RETURNED);
            long submitted = count(SubmissionStatus.SUBMITTED);
            long approved = count(SubmissionStatus.APPROVED);
            if (total > 0 && count(SubmissionStatus.ACCEPTED) == total) {
                return "все приняты регионом";
            }
            List<String> parts = new ArrayList<>();
            if (municipalApproval && submitted > 0) {
                parts.add("ждут согласования муниципалитета — " + submitted);
            }
            long waitingRegion = municipalApproval ? approved : submitted + approved;
            if (waitingRegion > 0) {
                parts.add("ждут приёма регионом — " + waitingRegion);
            }
            if (filling > 0) {
                parts.add("заполняют школы — " + filling);
            }
            return String.join("; ", parts);
        }
    }

    /** A school to choose as a participant. */
    public record SchoolOption(long id, String name, long municipalityId, String municipality) {
    }

    @Transactional(readOnly = true)
    public List<CampaignView> list(CurrentUser user) {
        return views(visible(user));
    }

    /** The region's campaigns with their frameworks, newest year first, whoever asks: for figures computed within a page. */
    @Transactional(readOnly = true)
    public List<Campaign> ofRegion(long regionId) {
        return campaigns.findByRegionIdOrderByYearDescIdDesc(regionId);
    }

    @Transactional(readOnly = true)
    public CampaignList listPage(CurrentUser user) {
        List<CampaignView> list = list(user);
        Map<Long, Map<SubmissionStatus, Long>> progress = progress(user, list.stream().map(CampaignView::id).toList());
        Map<Long, Totals> totals = new HashMap<>();
        progress.forEach((id, counts) -> totals.put(id, Totals.of(counts)));
        return new CampaignList(list, totals, user.is(Role.SCHOOL) ? ownStatuses(user.orgUnitId()) : null);
    }

    @Transactional(readOnly = true)
    public CampaignView get(CurrentUser user, long id) {
        return view(load(user, id));
    }

    /** The campaign if the user may see it, for the other parts of the study inside their transaction; 404 otherwise. */
    @Transactional(readOnly = true)
    /** The campaign if the user may see it; never throws, so that a caller's transaction is not marked for rollback. */
    public java.util.Optional<Campaign> find(CurrentUser user, long id) {
        return campaigns.findById(id).filter(c -> visible(user, c));
    }

    public Campaign load(CurrentUser user, long id) {
        return campaigns.findById(id).filter(c -> visible(user, c))
                .orElseThrow(() -> NotFoundException.of("Кампания", id));
    }

    @Transactional(readOnly = true)
    public CampaignCard card(CurrentUser user, long id) {
        CampaignView campaign = get(user, id);
        return new CampaignCard(campaign, progress(user, id), progressByMunicipality(user, id));
    }

    private List<Campaign> visible(CurrentUser user) {
        Scope scope = user.scope();
        List<Campaign> all = scope.isAll() ? campaigns.findAllByOrderByYearDescIdDesc()
                : scope.regionId() == null ? List.of() : campaigns.findByRegionIdOrderByYearDescIdDesc(scope.regionId());
        if (user.is(Role.SCHOOL)) {
            // one query for the school's campaigns rather than one a campaign
            Set<Long> own = new HashSet<>(jdbc.queryForList(
                    "select campaign_id from vsoko_submission where school_id = ?", Long.class, user.orgUnitId()));
            return all.stream().filter(c -> c.getStatus() != CampaignStatus.DRAFT && own.contains(c.getId())).toList();
        }
        return all.stream().filter(c -> visible(user, c)).toList();
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

    public CampaignView create(CurrentUser user, CampaignForm form) {
        Framework framework = form.frameworkId() == null ? null : frameworks.get(user.scope(), form.frameworkId());
        requireRegion(user);
        required(framework, "frameworkId", "Выберите набор показателей");
        Campaign campaign = new Campaign(framework.getRegionId(), name(form), year(form), framework,
                required(form.opensOn(), "opensOn", "Укажите дату начала"), required(form.closesOn(), "closesOn", "Укажите дату окончания"));
        checkDates(campaign);
        campaign.setAllSchools(form.allSchools() == null || form.allSchools());
        campaign.setMunicipalApproval(Boolean.TRUE.equals(form.municipalApproval()));
        campaigns.findFirstByRegionIdAndYearLessThanOrderByYearDescIdDesc(campaign.getRegionId(), campaign.getYear())
                .ifPresent(previous -> campaign.setPreviousId(previous.getId()));
        campaigns.saveAndFlush(campaign);
        setParticipants(campaign, campaign.isAllSchools(), form.schoolIds());
        return view(campaign);
    }

    public CampaignView update(CurrentUser user, long id, CampaignForm form) {
        Campaign campaign = keeperGet(user, id);
        ConcurrentEditException.check(form.version(), campaign.getVersion());
        campaign.setName(name(form));
        campaign.setOpensOn(required(form.opensOn(), "opensOn", "Укажите дату начала"));
        campaign.setClosesOn(required(form.closesOn(), "closesOn", "Укажите дату окончания"));
        checkDates(campaign);
        if (form.municipalApproval() != null && !campaign.getStatus().isPublished()) {
            // switched off, approved self-assessments stay approved and the region accepts them as it does handed-in ones
            campaign.setMunicipalApproval(form.municipalApproval());
        }
        if (campaign.getStatus().isDraft()) {
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
        campaigns.flush();
        return view(campaign);
    }

    public CampaignView changeStatus(CurrentUser user, long id, CampaignStatus to, Long version) {
        Campaign campaign = keeperGet(user, id);
        ConcurrentEditException.check(version, campaign.getVersion());
        CampaignStatus from = campaign.getStatus();
        if (!from.canMoveTo(to)) {
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
        campaigns.flush();
        events.publishEvent(new CampaignStatusChanged(campaign.getId(), campaign.getRegionId(), campaign.getName(),
                campaign.getYear(), switch (to) {
                    case OPEN -> CampaignStatusChanged.Status.OPENED;
                    case CLOSED -> CampaignStatusChanged.Status.CLOSED;
                    case PUBLISHED -> CampaignStatusChanged.Status.PUBLISHED;
                    case DRAFT -> throw new IllegalStateException("no move back to preparation");
                }, campaign.getClosesOn()));
        return view(campaign);
    }

    /** The open campaigns that concern the user, for their home page. */
    @Transactional(readOnly = true)
    List<OpenCampaign> openFor(CurrentUser user) {
        if (user.is(Role.SCHOOL)) {
            return openForSchool(user);
        }
        List<CampaignView> open = list(user).stream().filter(c -> c.status().isOpen()).toList();
        Map<Long, Map<SubmissionStatus, Long>> progress = progress(user, open.stream().map(CampaignView::id).toList());
        return open.stream().map(c -> {
            Map<SubmissionStatus, Long> counts = progress.get(c.id());
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            long submitted = counts.entrySet().stream().filter(e -> e.getKey().counted()).mapToLong(Map.Entry::getValue).sum();
            return new OpenCampaign(c.id(), c.name(), c.closesOn(), total, submitted, null, 0,
                    c.framework().indicatorCount());
        }).toList();
    }

    /**
     * A director's open campaigns in one query: the region's open campaigns the school takes part in, its own
     * self-assessment's status, the answers that count so far and the framework's number of indicators. Within a
     * school's scope the progress is that one self-assessment.
     */
    private List<OpenCampaign> openForSchool(CurrentUser user) {
        return jdbc.query("""
                select c.id, c.name, c.closes_on, s.status,
                       (select count(*) from vsoko_value v join vsoko_indicator i on i.id = v.indicator_id
                        where v.submission_id = s.id and v.value is not null and v.prefilled_from is null
                          and (v.evidence_url is not null or not i.evidence_required)) as filled,
                       (select count(*) from vsoko_indicator i where i.framework_id = c.framework_id) as indicators
                from vsoko_campaign c join vsoko_submission s on s.campaign_id = c.id and s.school_id = ?
                where c.region_id = ? and c.status = 'OPEN'
                order by c.year desc, c.id desc""", (rs, n) -> {
            SubmissionStatus own = SubmissionStatus.valueOf(rs.getString(4));
            return new OpenCampaign(rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class), 1,
                    own.counted() ? 1 : 0, own, rs.getLong(5), rs.getInt(6));
        }, user.orgUnitId(), user.regionId());
    }

    @Transactional(readOnly = true)
    public long participants(long campaignId) {
        return jdbc.queryForObject("select count(*) from vsoko_submission where campaign_id = ?", Long.class, campaignId);
    }

    /** Submissions of the campaign by status, within the user's scope. */
    @Transactional(readOnly = true)
    public Map<SubmissionStatus, Long> progress(CurrentUser user, long campaignId) {
        return progress(user, List.of(campaignId)).get(campaignId);
    }

    private static Map<SubmissionStatus, Long> zeroCounts() {
        Map<SubmissionStatus, Long> counts = new EnumMap<>(SubmissionStatus.class);
        for (SubmissionStatus s : SubmissionStatus.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }

    /** Submissions of each campaign by status, within the user's scope: one query for them all; every status present. */
    @Transactional(readOnly = true)
    public Map<Long, Map<SubmissionStatus, Long>> progress(CurrentUser user, Collection<Long> campaignIds) {
        Map<Long, Map<SubmissionStatus, Long>> result = new LinkedHashMap<>();
        for (Long id : campaignIds) {
            result.put(id, zeroCounts());
        }
        if (campaignIds.isEmpty()) {
            return result;
        }
        Scope scope = user.scope();
        jdbc.query("select campaign_id, status, count(*) from vsoko_submission where campaign_id = any(?) and"
                        + SubmissionScope.where(scope, "") + " group by campaign_id, status",
                rs -> {
                    result.get(rs.getLong(1)).put(SubmissionStatus.valueOf(rs.getString(2)), rs.getLong(3));
                }, SubmissionScope.args(campaignIds.toArray(Long[]::new), scope));
        return result;
    }

    /** Per municipality of the user's scope: how many of its schools' submissions are at each status. */
    @Transactional(readOnly = true)
    public List<MunicipalityProgress> progressByMunicipality(CurrentUser user, long campaignId) {
        Scope scope = user.scope();
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Map<SubmissionStatus, Long>> counts = new HashMap<>();
        jdbc.query("""
                        select m.id, coalesce(m.short_name, m.name), s.status, count(*)
                        from vsoko_submission s join directory_org_unit m on m.id = s.municipality_id
                        where s.campaign_id = ? and""" + SubmissionScope.where(scope, "s.") + """
                         group by m.id, m.short_name, m.name, s.status order by coalesce(m.short_name, m.name), m.id""",
                rs -> {
                    long id = rs.getLong(1);
                    names.putIfAbsent(id, rs.getString(2));
                    counts.computeIfAbsent(id, k -> new EnumMap<>(SubmissionStatus.class))
                            .put(SubmissionStatus.valueOf(rs.getString(3)), rs.getLong(4));
                }, SubmissionScope.args(campaignId, scope));
        List<MunicipalityProgress> rows = new ArrayList<>();
        names.forEach((id, name) -> rows.add(new MunicipalityProgress(id, name, counts.get(id),
                counts.get(id).values().stream().mapToLong(Long::longValue).sum())));
        return rows;
    }

    /** A school's status in each campaign it takes part in. */
    @Transactional(readOnly = true)
    public Map<Long, SubmissionStatus> ownStatuses(long schoolId) {
        Map<Long, SubmissionStatus> result = new HashMap<>();
        jdbc.query("select campaign_id, status from vsoko_submission where school_id = ?",
                rs -> {
                    result.put(rs.getLong(1), SubmissionStatus.valueOf(rs.getString(2)));
                }, schoolId);
        return result;
    }

    @Transactional(readOnly = true)
    public Set<Long> participantIds(long campaignId) {
        return new HashSet<>(jdbc.queryForList("select school_id from vsoko_submission where campaign_id = ?", Long.class, campaignId));
    }

    /** The active schools of a region to choose participants from, by municipality. */
    @Transactional(readOnly = true)
    public List<SchoolOption> schoolsOfRegion(@Nullable Long regionId) {
        if (regionId == null) {
            return List.of();
        }
        return jdbc.query("""
                        select o.id, o.name, m.id, coalesce(m.short_name, m.name) from directory_org_unit o
                        join directory_org_unit m on m.id = o.municipality_id
                        where o.region_id = ? and o.type = 'SCHOOL' and o.active
                        order by coalesce(m.short_name, m.name), o.name""",
                (rs, i) -> new SchoolOption(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)), regionId);
    }

    private CampaignView view(Campaign campaign) {
        return views(List.of(campaign)).getFirst();
    }

    /** Campaigns as pages read them; the indicators of their frameworks counted in one query. */
    private List<CampaignView> views(List<Campaign> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> indicators = new HashMap<>();
        jdbc.query("select framework_id, count(*) from vsoko_indicator where framework_id = any(?) group by framework_id",
                rs -> {
                    indicators.put(rs.getLong(1), rs.getInt(2));
                }, (Object) list.stream().map(c -> c.getFramework().getId()).distinct().toArray(Long[]::new));
        return list.stream().map(c -> CampaignView.of(c, indicators.getOrDefault(c.getFramework().getId(), 0))).toList();
    }

    private Campaign keeperGet(CurrentUser user, long id) {
        Campaign campaign = load(user, id);
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
                    select ?, o.id, o.region_id, o.municipality_id, 'NOT_STARTED' from directory_org_unit o
                    where o.region_id = ? and o.type = 'SCHOOL' and o.active""", campaign.getId(), campaign.getRegionId());
        } else {
            addParticipants(campaign, schoolIds);
        }
    }

    private void addParticipants(Campaign campaign, Collection<Long> schoolIds) {
        Long[] ids = schoolIds.toArray(Long[]::new);
        Integer known = jdbc.queryForObject("""
                select count(*) from directory_org_unit where id = any(?) and region_id = ? and type = 'SCHOOL' and active""",
                Integer.class, ids, campaign.getRegionId());
        if (known == null || known != schoolIds.stream().distinct().count()) {
            throw RuleViolationException.field("schoolIds", "Среди выбранных есть не школы региона или закрытые школы");
        }
        jdbc.update("""
                insert into vsoko_submission (campaign_id, school_id, region_id, municipality_id, status)
                select ?, o.id, o.region_id, o.municipality_id, 'NOT_STARTED' from directory_org_unit o
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
        TextLimits.check("name", "Название", name, TextLimits.NAME);
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

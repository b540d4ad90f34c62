package ru.rsoko.vsoko.selfassessment;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.audit.People;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.Plurals;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.SelfAssessmentReviewed;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.Answers;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkView;
import ru.rsoko.vsoko.framework.FrameworkView.DirectionView;
import ru.rsoko.vsoko.framework.FrameworkView.IndicatorView;
import ru.rsoko.vsoko.framework.Indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import ru.rsoko.platform.web.TextLimits;

/**
 * A school's self-assessment: values saved as they are typed, submission, return with a comment, an expert's
 * corrections and acceptance. Every change is written to the submission's history. Pages and the API get a
 * {@link SubmissionPage} read inside the transaction.
 */
@Service
@Transactional
class SubmissionService {

    private final SubmissionRepository submissions;
    private final IndicatorValueRepository values;
    private final SubmissionEventRepository events;
    private final CampaignService campaigns;
    private final DirectoryService directory;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final JdbcTemplate jdbc;

    SubmissionService(SubmissionRepository submissions, IndicatorValueRepository values, SubmissionEventRepository events,
                      CampaignService campaigns, DirectoryService directory, Clock clock, ApplicationEventPublisher publisher,
                      JdbcTemplate jdbc, People people) {
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.people = people;
        this.submissions = submissions;
        this.values = values;
        this.events = events;
        this.campaigns = campaigns;
        this.directory = directory;
        this.clock = clock;
    }

    private final People people;

    /** One answer as given: the indicator's code, the answer as written and the evidence link. */
    record Answer(String code, String value, String evidenceUrl) {
    }

    /** The school's self-assessment in the campaign, if the user may see both; 404 otherwise. */
    @Transactional(readOnly = true)
    Submission get(CurrentUser user, long campaignId, long schoolId) {
        long campaign = campaigns.load(user, campaignId).getId();
        return submissions.findByCampaignIdAndSchoolId(campaign, schoolId)
                .filter(s -> user.scope().covers(s.getRegionId(), s.getMunicipalityId(), s.getSchoolId()))
                .orElseThrow(() -> NotFoundException.of("Самооценка школы", schoolId));
    }

    /**
     * The self-assessment for its page: the direction of this code shown (the first one when there is none such),
     * with the history.
     */
    @Transactional(readOnly = true)
    SubmissionPage page(CurrentUser user, long campaignId, long schoolId, String direction) {
        Submission submission = get(user, campaignId, schoolId);
        FrameworkView framework = FrameworkView.of(submission.getCampaign().getFramework());
        return page(user, submission, framework, framework.directionOrFirst(direction).orElse(null),
                history(submission.getId()));
    }

    /** The self-assessment for the API and the workbook: values and progress, no history. */
    @Transactional(readOnly = true)
    SubmissionPage read(CurrentUser user, long campaignId, long schoolId) {
        return read(user, get(user, campaignId, schoolId));
    }

    /** What the answer to one autosave shows: the indicator with its value now, and the progress. */
    record SavedRow(SubmissionPage page, IndicatorView indicator) {
    }

    @Transactional(readOnly = true)
    SavedRow savedRow(CurrentUser user, long campaignId, long schoolId, long indicatorId) {
        Submission submission = get(user, campaignId, schoolId);
        FrameworkView framework = FrameworkView.of(submission.getCampaign().getFramework());
        IndicatorView indicator = framework.indicator(indicatorId);
        return new SavedRow(page(user, submission, framework, framework.direction(indicator.directionId()), List.of()),
                indicator);
    }

    @Transactional(readOnly = true)
    List<SubmissionPage.HistoryLine> history(CurrentUser user, long campaignId, long schoolId) {
        return history(get(user, campaignId, schoolId).getId());
    }

    private List<SubmissionPage.HistoryLine> history(long submissionId) {
        List<SubmissionEvent> found = events.findBySubmissionIdOrderByAtDescIdDesc(submissionId);
        People.Names names = people.of(found.stream().map(SubmissionEvent::getUsername).toList());
        return found.stream()
                .map(e -> new SubmissionPage.HistoryLine(e.getAt(), e.getUsername(), names.of(e.getUsername()), e.getAction(),
                        e.getDetail()))
                .toList();
    }

    private SubmissionPage page(CurrentUser user, Submission submission, FrameworkView framework, DirectionView current,
                                List<SubmissionPage.HistoryLine> history) {
        Map<Long, ValueView> byIndicator = new HashMap<>();
        for (IndicatorValue v : values.findBySubmissionId(submission.getId())) {
            byIndicator.put(v.getIndicator().getId(), ValueView.of(v));
        }
        List<SubmissionPage.DirectionProgress> progress = new ArrayList<>();
        for (DirectionView d : framework.directions()) {
            int filled = 0;
            int withoutLink = 0;
            int unconfirmed = 0;
            Long firstMissing = null;
            for (IndicatorView i : d.indicators()) {
                ValueView v = byIndicator.get(i.id());
                if (v != null && v.answers(i)) {
                    filled++;
                    continue;
                }
                if (firstMissing == null) {
                    firstMissing = i.id();
                }
                if (v != null && v.value() != null) {
                    if (v.unconfirmed()) {
                        unconfirmed++;
                    } else {
                        withoutLink++;
                    }
                }
            }
            progress.add(new SubmissionPage.DirectionProgress(d, filled, d.indicators().size(), withoutLink, unconfirmed,
                    firstMissing));
        }
        String school = Optional.ofNullable(directory.byIds(List.of(submission.getSchoolId())).get(submission.getSchoolId()))
                .map(OrgUnit::name).orElse("");
        CampaignView campaign = CampaignView.of(submission.getCampaign(), framework.indicatorCount());
        Long[] sourceIds = byIndicator.values().stream().map(ValueView::prefilledFrom).filter(Objects::nonNull)
                .distinct().toArray(Long[]::new);
        Map<Long, String> sources = new HashMap<>();
        if (sourceIds.length > 0) {
            jdbc.query("select id, year from vsoko_campaign where id = any(?)",
                    rs -> {
                        sources.put(rs.getLong(1), "ответ " + rs.getInt(2) + " года");
                    }, (Object) sourceIds);
        }
        // the experts of the values, and who saved each (named by a conflicting save), in one query
        People.Names experts = people.of(byIndicator.values().stream()
                .flatMap(v -> java.util.stream.Stream.of(v.expertBy(), v.updatedBy())).toList());
        return new SubmissionPage(SubmissionView.of(submission, school), campaign, framework, byIndicator, progress,
                current, canFill(user, submission), canReview(user, submission), canReturn(user, submission),
                canApprove(user, submission), canPrefill(user, submission), sources, history, experts);
    }

    /** The submission's values by indicator id. */
    private Map<Long, IndicatorValue> values(Submission submission) {
        return values.findBySubmissionId(submission.getId()).stream()
                .collect(Collectors.toMap(v -> v.getIndicator().getId(), Function.identity()));
    }

    /** Whether an indicator has an answer that counts: a value, and the link where the indicator requires one. */
    static boolean answered(boolean evidenceRequired, BigDecimal value, String evidenceUrl) {
        return value != null && (!evidenceRequired || evidenceUrl != null);
    }

    /** Whether the user may change the school's values now. */
    boolean canFill(CurrentUser user, Submission submission) {
        boolean role = user.is(Role.SCHOOL) || user.is(Role.MUNICIPALITY) || user.is(Role.REGION);
        CampaignStatus campaign = submission.getCampaign().getStatus();
        return role && submission.getStatus().editable()
                && (campaign == CampaignStatus.OPEN || submission.getStatus() == SubmissionStatus.RETURNED
                && campaign == CampaignStatus.CLOSED);
    }

    private boolean canReview(CurrentUser user, Submission submission) {
        return user.is(Role.REGION) && submission.getStatus().counted();
    }

    /** The region returns any handed-in self-assessment; the municipality only one the region has not accepted. */
    private boolean canReturn(CurrentUser user, Submission submission) {
        SubmissionStatus status = submission.getStatus();
        return user.is(Role.REGION) && status.canMoveTo(SubmissionStatus.RETURNED)
                || user.is(Role.MUNICIPALITY) && status.awaitingReview();
    }

    /** The municipality approves a handed-in self-assessment of its school where the campaign asks for it. */
    private boolean canApprove(CurrentUser user, Submission submission) {
        return user.is(Role.MUNICIPALITY) && submission.getCampaign().isMunicipalApproval()
                && submission.getStatus().canMoveTo(SubmissionStatus.APPROVED);
    }

    /** The school (or its municipality) may copy earlier answers into a self-assessment it is filling in. */
    private boolean canPrefill(CurrentUser user, Submission submission) {
        return (user.is(Role.SCHOOL) || user.is(Role.MUNICIPALITY)) && canFill(user, submission);
    }

    /**
     * Saves one answer, as the form does on every change. {@code version} is the value's as the person saw it
     * (null for a value not there before): if someone changed it since, nothing is saved.
     */
    void save(CurrentUser user, long campaignId, long schoolId, long indicatorId, String answer, String evidenceUrl,
              Long version) {
        Submission submission = get(user, campaignId, schoolId);
        long submissionId = submission.getId();
        requireFill(user, submission);
        Indicator indicator = indicator(submission, indicatorId);
        BigDecimal value = read(indicator, answer, "value");
        String link = link(evidenceUrl, "evidenceUrl");
        IndicatorValue stored = values.findBySubmissionIdAndIndicatorId(submissionId, indicatorId).orElse(null);
        Long storedVersion = stored == null ? null : stored.getVersion();
        if (!Objects.equals(version, storedVersion)) {
            throw new ConcurrentEditException();
        }
        Instant now = clock.instant();
        String change = apply(submission, indicator, stored, value, link, user.getUsername(), now);
        if (change != null) {
            started(submission, user, now);
            events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.SAVED, change));
        }
    }

    /**
     * Saves many answers at once (the API): all or nothing, every wrong answer named; {@code version} is the
     * submission's as the caller read it.
     */
    SubmissionPage saveAll(CurrentUser user, long campaignId, long schoolId, Long version, List<Answer> answers) {
        Submission submission = get(user, campaignId, schoolId);
        requireFill(user, submission);
        ConcurrentEditException.check(version, submission.getVersion());
        Framework framework = submission.getCampaign().getFramework();
        Map<String, Indicator> byCode = framework.indicators().stream()
                .collect(Collectors.toMap(i -> i.getCode().toLowerCase(), Function.identity()));
        List<ImportError> errors = new ArrayList<>();
        Map<Indicator, BigDecimal> parsed = new LinkedHashMap<>();
        Map<Indicator, String> links = new HashMap<>();
        int n = 0;
        for (Answer answer : answers == null ? List.<Answer>of() : answers) {
            n++;
            Indicator indicator = answer.code() == null ? null : byCode.get(answer.code().strip().toLowerCase());
            if (indicator == null) {
                errors.add(new ImportError(n, "code", "нет показателя с кодом «" + answer.code() + "» в наборе кампании"));
                continue;
            }
            try {
                parsed.put(indicator, Answers.read(indicator, answer.value()));
            } catch (Answers.Invalid e) {
                errors.add(new ImportError(n, indicator.getCode(), e.getMessage()));
            }
            try {
                links.put(indicator, Answers.link(answer.evidenceUrl()));
            } catch (Answers.Invalid e) {
                errors.add(new ImportError(n, indicator.getCode(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException("Значения не сохранены: ошибок — " + errors.size() + ". Ничего не изменено.", errors);
        }
        Map<Long, IndicatorValue> stored = values(submission);
        Instant now = clock.instant();
        List<String> changes = new ArrayList<>();
        for (Map.Entry<Indicator, BigDecimal> e : parsed.entrySet()) {
            String change = apply(submission, e.getKey(), stored.get(e.getKey().getId()), e.getValue(), links.get(e.getKey()),
                    user.getUsername(), now);
            if (change != null) {
                changes.add(change);
            }
        }
        if (!changes.isEmpty()) {
            started(submission, user, now);
            submission.touched(now, user.getUsername());
            events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.SAVED,
                    String.join("\n", changes)));
        }
        submissions.flush();
        return read(user, submission);
    }

    /** Hands the self-assessment in: every indicator answered, every required link given; then it is locked. */
    SubmissionPage submit(CurrentUser user, long campaignId, long schoolId, Long version) {
        Submission submission = get(user, campaignId, schoolId);
        requireFill(user, submission);
        ConcurrentEditException.check(version, submission.getVersion());
        Map<Long, IndicatorValue> stored = values(submission);
        List<ImportError> missing = new ArrayList<>();
        int unanswered = 0;
        int withoutLink = 0;
        int unconfirmed = 0;
        for (Indicator indicator : submission.getCampaign().getFramework().indicators()) {
            IndicatorValue value = stored.get(indicator.getId());
            if (value == null || value.getValue() == null) {
                unanswered++;
                missing.add(new ImportError(0, indicator.getCode(), "нет ответа"));
            } else if (value.getPrefilledFrom() != null) {
                unconfirmed++;
                missing.add(new ImportError(0, indicator.getCode(), "ответ прошлого года не подтверждён"));
            } else if (indicator.isEvidenceRequired() && value.getEvidenceUrl() == null) {
                withoutLink++;
                missing.add(new ImportError(0, indicator.getCode(), "нужна ссылка на документ на сайте школы"));
            }
        }
        if (!missing.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (unanswered > 0) {
                parts.add("без ответа — " + unanswered);
            }
            if (unconfirmed > 0) {
                parts.add("не подтверждено — " + unconfirmed);
            }
            if (withoutLink > 0) {
                parts.add("без обязательной ссылки — " + withoutLink);
            }
            throw new ImportRejectedException("Самооценку нельзя представить: " + String.join(", ", parts)
                    + " (всего " + Plurals.indicators(missing.size()) + ")", missing);
        }
        Instant now = clock.instant();
        submission.setStatus(SubmissionStatus.SUBMITTED);
        submission.setSubmittedAt(now);
        submission.touched(now, user.getUsername());
        events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.SUBMITTED, null));
        submissions.flush();
        return read(user, submission);
    }

    void returnForRevision(CurrentUser user, long campaignId, long schoolId, String comment, Long version) {
        Submission submission = get(user, campaignId, schoolId);
        if (!(user.is(Role.REGION) || user.is(Role.MUNICIPALITY))) {
            throw RuleViolationException.forbidden("Вернуть самооценку может муниципалитет или эксперт региона");
        }
        ConcurrentEditException.check(version, submission.getVersion());
        if (!canReturn(user, submission)) {
            throw RuleViolationException.conflict(user.is(Role.MUNICIPALITY) && submission.getStatus() == SubmissionStatus.ACCEPTED
                    ? "Самооценка уже принята регионом: вернуть её может только эксперт региона"
                    : "Вернуть можно только представленную самооценку");
        }
        if (comment == null || comment.isBlank()) {
            throw RuleViolationException.field("comment", "Напишите, что нужно доработать");
        }
        TextLimits.check("comment", "Комментарий", comment.strip(), TextLimits.TEXT);
        Instant now = clock.instant();
        submission.setStatus(SubmissionStatus.RETURNED);
        submission.setReturnComment(comment.strip());
        submission.setAcceptedAt(null);
        submission.approved(null, null);
        submission.touched(now, user.getUsername());
        events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.RETURNED,
                comment.strip()));
        submissions.flush();
        reviewed(user, submission, comment.strip());
    }

    void accept(CurrentUser user, long campaignId, long schoolId, Long version) {
        Submission submission = get(user, campaignId, schoolId);
        if (!user.is(Role.REGION)) {
            throw RuleViolationException.forbidden("Принимает самооценку эксперт региона");
        }
        ConcurrentEditException.check(version, submission.getVersion());
        if (!submission.getStatus().canMoveTo(SubmissionStatus.ACCEPTED)) {
            throw RuleViolationException.conflict("Принять можно только представленную самооценку (это делает эксперт региона)");
        }
        if (submission.getCampaign().isMunicipalApproval() && !submission.getStatus().isApproved()) {
            throw RuleViolationException.conflict("Сначала самооценку должен согласовать муниципалитет: так задано в кампании");
        }
        Instant now = clock.instant();
        submission.setStatus(SubmissionStatus.ACCEPTED);
        submission.setAcceptedAt(now);
        submission.touched(now, user.getUsername());
        events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.ACCEPTED, null));
        submissions.flush();
        reviewed(user, submission, null);
    }

    /** The municipality approves its school's handed-in self-assessment, where the campaign asks for that. */
    void approve(CurrentUser user, long campaignId, long schoolId, Long version) {
        Submission submission = get(user, campaignId, schoolId);
        if (!user.is(Role.MUNICIPALITY)) {
            throw RuleViolationException.forbidden("Согласует самооценку школы муниципалитет");
        }
        ConcurrentEditException.check(version, submission.getVersion());
        if (!submission.getCampaign().isMunicipalApproval()) {
            throw RuleViolationException.conflict("Кампания не требует согласования муниципалитета: самооценку принимает регион");
        }
        if (!submission.getStatus().canMoveTo(SubmissionStatus.APPROVED)) {
            throw RuleViolationException.conflict("Согласовать можно только представленную самооценку (сейчас: "
                    + submission.getStatus().label() + ")");
        }
        Instant now = clock.instant();
        submission.setStatus(SubmissionStatus.APPROVED);
        submission.approved(now, user.getUsername());
        submission.touched(now, user.getUsername());
        events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.APPROVED, null));
        submissions.flush();
        reviewed(user, submission, null);
    }

    /** What a reviewer does to several self-assessments at once. */
    enum Review {
        APPROVE("Согласовать отмеченные", "btn-success", "согласовано"),
        ACCEPT("Принять отмеченные", "btn-success", "принято"),
        RETURN("Вернуть отмеченные на доработку", "btn-outline-warning", "возвращено на доработку");

        private final String label;
        private final String buttonClass;
        private final String done;

        Review(String label, String buttonClass, String done) {
            this.label = label;
            this.buttonClass = buttonClass;
            this.done = done;
        }

        public String label() {
            return label;
        }

        public String buttonClass() {
            return buttonClass;
        }

        String done() {
            return done;
        }
    }

    /** One self-assessment of a batch: the school and the submission's version as the reviewer saw it. */
    record Item(Long schoolId, Long version) {
    }

    static final int MAX_BATCH = 2_000;

    /**
     * Approves, accepts or returns several self-assessments at once, each checked as if it were alone: all or
     * nothing, every refusal named by school. Returns how many were reviewed.
     */
    int review(CurrentUser user, long campaignId, @Nullable Review action, @Nullable List<Item> items, @Nullable String comment) {
        campaigns.load(user, campaignId);
        if (!(user.is(Role.REGION) || user.is(Role.MUNICIPALITY))) {
            throw RuleViolationException.forbidden("Самооценки согласует муниципалитет, принимает эксперт региона");
        }
        if (action == null) {
            throw RuleViolationException.field("action", "Выберите действие: согласовать, принять или вернуть");
        }
        if (items == null || items.isEmpty()) {
            throw RuleViolationException.field("items", "Отметьте хотя бы одну самооценку");
        }
        if (items.size() > MAX_BATCH) {
            throw RuleViolationException.field("items", "За один раз можно обработать не больше " + MAX_BATCH
                    + " самооценок, отмечено " + items.size());
        }
        if (action == Review.RETURN && (comment == null || comment.isBlank())) {
            throw RuleViolationException.field("comment", "Напишите, что нужно доработать");
        }
        Map<Long, OrgUnit> schools = directory.byIds(items.stream().map(Item::schoolId).filter(Objects::nonNull).toList());
        List<ImportError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int n = 0;
        for (Item item : items) {
            n++;
            String school = item.schoolId() == null ? "—" : Optional.ofNullable(schools.get(item.schoolId()))
                    .map(OrgUnit::name).orElse("школа " + item.schoolId());
            if (item.schoolId() == null || !seen.add(item.schoolId())) {
                errors.add(new ImportError(n, school, item.schoolId() == null ? "не указана школа" : "школа отмечена дважды"));
                continue;
            }
            try {
                switch (action) {
                    case APPROVE -> approve(user, campaignId, item.schoolId(), item.version());
                    case ACCEPT -> accept(user, campaignId, item.schoolId(), item.version());
                    case RETURN -> returnForRevision(user, campaignId, item.schoolId(), comment, item.version());
                }
            } catch (NotFoundException e) {
                errors.add(new ImportError(n, school, "самооценка этой школы в кампании не найдена"));
            } catch (RuleViolationException e) {
                if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                    throw e;
                }
                errors.add(new ImportError(n, school, e.getMessage()));
            } catch (ConcurrentEditException | ObjectOptimisticLockingFailureException e) {
                errors.add(new ImportError(n, school, "самооценку тем временем изменили: обновите страницу и проверьте её"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException("Ничего не изменено: " + Plurals.of(errors.size(), "самооценку", "самооценки",
                    "самооценок") + " из " + items.size() + " нельзя обработать", errors);
        }
        return n;
    }

    /** What prefilling did: how many answers were copied and from which campaigns. */
    record Prefill(int filled, List<String> sources) {
    }

    /** An earlier answer of the school to an indicator code: the answer that counted, its link, where it came from. */
    private record Earlier(String code, BigDecimal value, @Nullable String link, long campaignId, String campaignName,
                           String valueType, @Nullable String optionLabel) {
    }

    /**
     * Fills every unanswered indicator of the self-assessment with the school's latest earlier answer to the indicator
     * of the same code (the one that counted: the expert's correction where there is one) and its link. Each copied
     * answer stays marked with its campaign until the person confirms or changes it; nothing is handed in.
     */
    Prefill prefill(CurrentUser user, long campaignId, long schoolId, @Nullable Long version) {
        Submission submission = get(user, campaignId, schoolId);
        if (!(user.is(Role.SCHOOL) || user.is(Role.MUNICIPALITY))) {
            throw RuleViolationException.forbidden("Заполнить самооценку прошлыми ответами может школа или её муниципалитет");
        }
        requireFill(user, submission);
        if (version != null) {
            ConcurrentEditException.check(version, submission.getVersion());
        }
        var campaign = submission.getCampaign();
        Map<String, Indicator> byCode = campaign.getFramework().indicators().stream()
                .collect(Collectors.toMap(i -> i.getCode().strip().toLowerCase(), Function.identity(), (a, b) -> a));
        List<Earlier> earlier = jdbc.query("""
                        select distinct on (lower(i.code)) lower(i.code), coalesce(v.expert_value, v.value), v.evidence_url,
                               c.id, c.name, i.value_type, o.label
                        from vsoko_submission s
                        join vsoko_campaign c on c.id = s.campaign_id
                        join vsoko_value v on v.submission_id = s.id
                        join vsoko_indicator i on i.id = v.indicator_id
                        left join vsoko_indicator_option o on o.indicator_id = i.id and i.value_type = 'CHOICE'
                             and o.position = coalesce(v.expert_value, v.value)::int
                        where s.school_id = ? and c.region_id = ? and c.id <> ?
                          and (c.year < ? or c.year = ? and c.opens_on < ?)
                          and coalesce(v.expert_value, v.value) is not null and v.prefilled_from is null
                        order by lower(i.code), c.year desc, c.opens_on desc, c.id desc""",
                (rs, i) -> new Earlier(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)),
                submission.getSchoolId(), submission.getRegionId(), campaign.getId(), campaign.getYear(),
                campaign.getYear(), campaign.getOpensOn());
        Map<Long, IndicatorValue> stored = values(submission);
        Instant now = clock.instant();
        Map<String, Integer> bySource = new LinkedHashMap<>();
        int filled = 0;
        for (Earlier e : earlier) {
            Indicator indicator = byCode.get(e.code());
            if (indicator == null) {
                continue;
            }
            IndicatorValue value = stored.get(indicator.getId());
            if (value != null && value.getValue() != null) {
                continue;
            }
            BigDecimal answer = carriedOver(indicator, e);
            if (answer == null) {
                continue;
            }
            if (value == null) {
                value = new IndicatorValue(submission, indicator);
            }
            value.setValue(answer);
            if (value.getEvidenceUrl() == null) {
                value.setEvidenceUrl(e.link());
            }
            value.setPrefilledFrom(e.campaignId());
            value.recomputePoints();
            value.touched(now, user.getUsername());
            values.save(value);
            bySource.merge(e.campaignName(), 1, Integer::sum);
            filled++;
        }
        if (filled > 0) {
            started(submission, user, now);
            List<String> sources = new ArrayList<>();
            bySource.forEach((name, count) -> sources.add("«" + name + "» — " + count));
            events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.PREFILLED,
                    "Заполнено из прошлых ответов: " + Plurals.indicators(filled) + " (" + String.join("; ", sources)
                            + "); ждут подтверждения"));
        }
        submissions.flush();
        return new Prefill(filled, List.copyOf(bySource.keySet()));
    }

    /** The earlier answer as an answer to this year's indicator, or null when its kind or options changed since. */
    private static @Nullable BigDecimal carriedOver(Indicator indicator, Earlier e) {
        if (!indicator.getValueType().name().equals(e.valueType())) {
            return null;
        }
        String text = switch (indicator.getValueType()) {
            case YES_NO -> e.value().signum() > 0 ? "да" : "нет";
            case CHOICE -> e.optionLabel();
            case NUMBER, PERCENT -> e.value().toPlainString();
        };
        try {
            return Answers.read(indicator, text);
        } catch (Answers.Invalid invalid) {
            return null;
        }
    }

    /** Confirms one copied answer as it is; {@code valueVersion} is the answer's as the person saw it. */
    int confirmOne(CurrentUser user, long campaignId, long schoolId, long indicatorId, @Nullable Long valueVersion) {
        Submission submission = get(user, campaignId, schoolId);
        requireFill(user, submission);
        IndicatorValue one = values.findBySubmissionIdAndIndicatorId(submission.getId(), indicatorId).orElse(null);
        if (one == null || !Objects.equals(valueVersion, one.getVersion())) {
            throw new ConcurrentEditException();
        }
        return confirm(user, submission, i -> i.getId() == indicatorId);
    }

    /** Confirms the copied answers of one direction (every direction without a code) as they are. */
    int confirmDirection(CurrentUser user, long campaignId, long schoolId, @Nullable String direction, @Nullable Long version) {
        Submission submission = get(user, campaignId, schoolId);
        requireFill(user, submission);
        ConcurrentEditException.check(version, submission.getVersion());
        return confirm(user, submission, i -> direction == null || i.getDirection().getCode().equals(direction));
    }

    /** Confirms the copied answers of the indicators of these codes (all of them without codes), as they are. */
    int confirmCodes(CurrentUser user, long campaignId, long schoolId, @Nullable List<String> codes, @Nullable Long version) {
        Submission submission = get(user, campaignId, schoolId);
        requireFill(user, submission);
        ConcurrentEditException.check(version, submission.getVersion());
        if (codes == null) {
            return confirm(user, submission, i -> true);
        }
        Set<String> known = submission.getCampaign().getFramework().indicators().stream()
                .map(i -> i.getCode().toLowerCase()).collect(Collectors.toSet());
        Set<String> wanted = new HashSet<>();
        for (String code : codes) {
            String c = code == null ? "" : code.strip().toLowerCase();
            if (!known.contains(c)) {
                throw RuleViolationException.field("codes", "нет показателя с кодом «" + code + "» в наборе кампании");
            }
            wanted.add(c);
        }
        return confirm(user, submission, i -> wanted.contains(i.getCode().toLowerCase()));
    }

    /** Confirms the copied answers of the indicators chosen, as they are; how many were confirmed. */
    private int confirm(CurrentUser user, Submission submission, Predicate<Indicator> which) {
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        for (IndicatorValue value : values(submission).values()) {
            if (value.getPrefilledFrom() == null || value.getValue() == null || !which.test(value.getIndicator())) {
                continue;
            }
            value.setPrefilledFrom(null);
            value.touched(now, user.getUsername());
            values.save(value);
            lines.add(value.getIndicator().getCode() + ": «" + Answers.show(value.getIndicator(), value.getValue()) + "»");
        }
        if (!lines.isEmpty()) {
            lines.sort(null);
            submission.touched(now, user.getUsername());
            events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.CONFIRMED,
                    "Подтверждено: " + Plurals.answers(lines.size()) + "\n" + String.join("\n", lines)));
        }
        submissions.flush();
        return lines.size();
    }

    /** Tells the school (through whoever listens) how its self-assessment was reviewed, inside this transaction. */
    private void reviewed(CurrentUser user, Submission submission, @Nullable String comment) {
        publisher.publishEvent(new SelfAssessmentReviewed(submission.getCampaign().getId(), submission.getCampaign().getName(),
                submission.getRegionId(), submission.getSchoolId(), submission.getStatus(), comment, user.accountId()));
    }

    /**
     * An expert's correction of a submitted value, with a comment; the school's value stays and both are shown.
     * An empty answer removes the correction.
     */
    void correct(CurrentUser user, long campaignId, long schoolId, long indicatorId, String answer, String comment,
                 Long version) {
        Submission submission = get(user, campaignId, schoolId);
        long submissionId = submission.getId();
        if (!user.is(Role.REGION)) {
            throw RuleViolationException.forbidden("Исправлять значения может эксперт региона");
        }
        if (!canReview(user, submission)) {
            throw RuleViolationException.conflict("Исправлять значения может эксперт региона в представленной самооценке");
        }
        Indicator indicator = indicator(submission, indicatorId);
        BigDecimal value = read(indicator, answer, "expertValue");
        if (value != null && (comment == null || comment.isBlank())) {
            throw RuleViolationException.field("expertComment", "Объясните исправление в комментарии");
        }
        TextLimits.check("expertComment", "Комментарий", comment == null ? null : comment.strip(), TextLimits.TEXT);
        IndicatorValue stored = values.findBySubmissionIdAndIndicatorId(submissionId, indicatorId)
                .orElseGet(() -> new IndicatorValue(submission, indicator));
        if (!Objects.equals(version, stored.getVersion())) {
            throw new ConcurrentEditException();
        }
        Instant now = clock.instant();
        String before = Answers.show(indicator, stored.getExpertValue());
        stored.setExpertValue(value);
        stored.setExpertComment(value == null ? null : comment.strip());
        stored.setExpertBy(value == null ? null : user.getUsername());
        stored.setExpertAt(value == null ? null : now);
        stored.recomputePoints();
        if (stored.getUpdatedAt() == null) {
            stored.touched(now, user.getUsername());
        }
        values.saveAndFlush(stored);
        events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.CORRECTED,
                indicator.getCode() + ": эксперт «" + before + "» → «" + Answers.show(indicator, value) + "»"
                        + (value == null ? "" : " (" + comment.strip() + ")")));
    }

    /** The submission as the API answers after a change: values and progress. */
    private SubmissionPage read(CurrentUser user, Submission submission) {
        FrameworkView framework = FrameworkView.of(submission.getCampaign().getFramework());
        return page(user, submission, framework, framework.directionOrFirst(null).orElse(null), List.of());
    }

    /** Writes one answer; the change as a line of history, or null when nothing changed. */
    private String apply(Submission submission, Indicator indicator, IndicatorValue stored, BigDecimal value, String link,
                         String username, Instant now) {
        if (stored == null) {
            if (value == null && link == null) {
                return null;
            }
            stored = new IndicatorValue(submission, indicator);
        } else if (same(stored.getValue(), value) && Objects.equals(stored.getEvidenceUrl(), link)) {
            if (stored.getPrefilledFrom() == null || value == null) {
                return null;
            }
            // the same answer written again confirms the one copied from an earlier year
            stored.setPrefilledFrom(null);
            stored.touched(now, username);
            values.save(stored);
            return indicator.getCode() + ": подтверждён ответ «" + Answers.show(indicator, value) + "»";
        }
        String before = Answers.show(indicator, stored.getValue());
        String beforeLink = stored.getEvidenceUrl();
        stored.setPrefilledFrom(null);
        stored.setValue(value);
        stored.setEvidenceUrl(link);
        stored.recomputePoints();
        stored.touched(now, username);
        values.save(stored);
        StringBuilder change = new StringBuilder(indicator.getCode()).append(": «").append(before).append("» → «")
                .append(Answers.show(indicator, value)).append('»');
        if (!Objects.equals(beforeLink, link)) {
            change.append("; ссылка: ").append(link == null ? "удалена" : link);
        }
        return change.toString();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void started(Submission submission, CurrentUser user, Instant now) {
        if (submission.getStatus() == SubmissionStatus.NOT_STARTED) {
            submission.setStatus(SubmissionStatus.IN_PROGRESS);
        }
        submission.touched(now, user.getUsername());
    }

    private void requireFill(CurrentUser user, Submission submission) {
        if (!canFill(user, submission)) {
            if (!(user.is(Role.SCHOOL) || user.is(Role.MUNICIPALITY) || user.is(Role.REGION))) {
                throw RuleViolationException.forbidden("Самооценку заполняет школа");
            }
            if (!submission.getStatus().editable()) {
                throw RuleViolationException.conflict("Самооценка уже представлена и закрыта для изменений");
            }
            throw RuleViolationException.conflict("Приём самооценки сейчас закрыт: кампания в состоянии «"
                    + submission.getCampaign().getStatus().label() + "»");
        }
    }

    private static Indicator indicator(Submission submission, long indicatorId) {
        return submission.getCampaign().getFramework().indicators().stream()
                .filter(i -> i.getId() == indicatorId).findFirst()
                .orElseThrow(() -> NotFoundException.of("Показатель", indicatorId));
    }

    private static BigDecimal read(Indicator indicator, String answer, String field) {
        try {
            return Answers.read(indicator, answer);
        } catch (Answers.Invalid e) {
            throw RuleViolationException.field(field, indicator.getCode() + ": " + e.getMessage());
        }
    }

    private static String link(String url, String field) {
        try {
            return Answers.link(url);
        } catch (Answers.Invalid e) {
            throw RuleViolationException.field(field, e.getMessage());
        }
    }
}

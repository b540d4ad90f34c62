package ru.rsoko.vsoko.selfassessment;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    SubmissionService(SubmissionRepository submissions, IndicatorValueRepository values, SubmissionEventRepository events,
                      CampaignService campaigns, DirectoryService directory, Clock clock, ApplicationEventPublisher publisher,
                      People people) {
        this.publisher = publisher;
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
            int filled = (int) d.indicators().stream()
                    .filter(i -> byIndicator.containsKey(i.id()) && byIndicator.get(i.id()).answers(i)).count();
            progress.add(new SubmissionPage.DirectionProgress(d, filled, d.indicators().size()));
        }
        String school = Optional.ofNullable(directory.byIds(List.of(submission.getSchoolId())).get(submission.getSchoolId()))
                .map(OrgUnit::name).orElse("");
        CampaignView campaign = CampaignView.of(submission.getCampaign(), framework.indicatorCount());
        // the experts of the values, and who saved each (named by a conflicting save), in one query
        People.Names experts = people.of(byIndicator.values().stream()
                .flatMap(v -> java.util.stream.Stream.of(v.expertBy(), v.updatedBy())).toList());
        return new SubmissionPage(SubmissionView.of(submission, school), campaign, framework, byIndicator, progress,
                current, canFill(user, submission), canReview(user, submission), canReturn(user, submission), history,
                experts);
    }

    /** The submission's values by indicator id. */
    private Map<Long, IndicatorValue> values(Submission submission) {
        return values.findBySubmissionId(submission.getId()).stream()
                .collect(Collectors.toMap(v -> v.getIndicator().getId(), Function.identity()));
    }

    /** Whether an indicator is answered: a value, and the link where the indicator requires one. */
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

    private boolean canReturn(CurrentUser user, Submission submission) {
        return (user.is(Role.REGION) || user.is(Role.MUNICIPALITY))
                && submission.getStatus().canMoveTo(SubmissionStatus.RETURNED);
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
        if (version == null) {
            throw RuleViolationException.field("version", "Передайте version — версию самооценки, которую вы прочитали");
        }
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
        for (Indicator indicator : submission.getCampaign().getFramework().indicators()) {
            IndicatorValue value = stored.get(indicator.getId());
            if (value == null || value.getValue() == null) {
                missing.add(new ImportError(0, indicator.getCode(), "нет ответа"));
            } else if (indicator.isEvidenceRequired() && value.getEvidenceUrl() == null) {
                missing.add(new ImportError(0, indicator.getCode(), "нужна ссылка на документ на сайте школы"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportRejectedException("Самооценку нельзя представить: заполнены не все показатели ("
                    + missing.size() + ")", missing);
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
            throw RuleViolationException.conflict("Вернуть можно только представленную самооценку");
        }
        if (comment == null || comment.isBlank()) {
            throw RuleViolationException.field("comment", "Напишите, что нужно доработать");
        }
        Instant now = clock.instant();
        submission.setStatus(SubmissionStatus.RETURNED);
        submission.setReturnComment(comment.strip());
        submission.setAcceptedAt(null);
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
        Instant now = clock.instant();
        submission.setStatus(SubmissionStatus.ACCEPTED);
        submission.setAcceptedAt(now);
        submission.touched(now, user.getUsername());
        events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.ACCEPTED, null));
        submissions.flush();
        reviewed(user, submission, null);
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
            return null;
        }
        String before = Answers.show(indicator, stored.getValue());
        String beforeLink = stored.getEvidenceUrl();
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

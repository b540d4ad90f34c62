package ru.rsoko.vsoko;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A school's self-assessment: values saved as they are typed, submission, return with a comment, an expert's
 * corrections and acceptance. Every change is written to the submission's history.
 */
@Service
@Transactional
public class SubmissionService {

    private final SubmissionRepository submissions;
    private final IndicatorValueRepository values;
    private final SubmissionEventRepository events;
    private final CampaignService campaigns;
    private final Clock clock;

    SubmissionService(SubmissionRepository submissions, IndicatorValueRepository values, SubmissionEventRepository events,
                      CampaignService campaigns, Clock clock) {
        this.submissions = submissions;
        this.values = values;
        this.events = events;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** One answer as given: the indicator's code, the answer as written and the evidence link. */
    public record Answer(String code, String value, String evidenceUrl) {
    }

    @Transactional(readOnly = true)
    public Submission get(CurrentUser user, long campaignId, long schoolId) {
        Campaign campaign = campaigns.get(user, campaignId);
        return submissions.findByCampaignIdAndSchoolId(campaign.getId(), schoolId)
                .filter(s -> user.scope().covers(s.getRegionId(), s.getMunicipalityId(), s.getSchool().getId()))
                .orElseThrow(() -> NotFoundException.of("Самооценка школы", schoolId));
    }

    @Transactional(readOnly = true)
    public Submission get(CurrentUser user, long submissionId) {
        Submission submission = submissions.findById(submissionId)
                .filter(s -> user.scope().covers(s.getRegionId(), s.getMunicipalityId(), s.getSchool().getId()))
                .orElseThrow(() -> NotFoundException.of("Самооценка", submissionId));
        campaigns.get(user, submission.getCampaign().getId());
        return submission;
    }

    /** The submission's values by indicator id. */
    @Transactional(readOnly = true)
    public Map<Long, IndicatorValue> values(Submission submission) {
        return values.findBySubmissionId(submission.getId()).stream()
                .collect(Collectors.toMap(v -> v.getIndicator().getId(), Function.identity()));
    }

    public record DirectionProgress(Direction direction, int filled, int total) {
        public int percent() {
            return total == 0 ? 100 : filled * 100 / total;
        }

        public boolean complete() {
            return filled == total;
        }
    }

    /** How many indicators of each direction have an answer (and the link where one is required). */
    @Transactional(readOnly = true)
    public List<DirectionProgress> progress(Submission submission, Map<Long, IndicatorValue> byIndicator) {
        List<DirectionProgress> result = new ArrayList<>();
        for (Direction d : submission.getCampaign().getFramework().getDirections()) {
            int filled = (int) d.getIndicators().stream().filter(i -> answered(i, byIndicator.get(i.getId()))).count();
            result.add(new DirectionProgress(d, filled, d.getIndicators().size()));
        }
        return result;
    }

    static boolean answered(Indicator indicator, IndicatorValue value) {
        return value != null && value.getValue() != null
                && (!indicator.isEvidenceRequired() || value.getEvidenceUrl() != null);
    }

    /** Whether the user may change the school's values now. */
    public boolean canFill(CurrentUser user, Submission submission) {
        boolean role = user.is(Role.SCHOOL) || user.is(Role.MUNICIPALITY) || user.is(Role.REGION);
        CampaignStatus campaign = submission.getCampaign().getStatus();
        return role && submission.getStatus().editable()
                && (campaign == CampaignStatus.OPEN || submission.getStatus() == SubmissionStatus.RETURNED
                && campaign == CampaignStatus.CLOSED);
    }

    public boolean canReview(CurrentUser user, Submission submission) {
        return user.is(Role.REGION) && submission.getStatus().counted();
    }

    public boolean canReturn(CurrentUser user, Submission submission) {
        return (user.is(Role.REGION) || user.is(Role.MUNICIPALITY)) && submission.getStatus().counted();
    }

    /**
     * Saves one answer, as the form does on every change. {@code version} is the value's as the person saw it
     * (null for a value not there before): if someone changed it since, nothing is saved.
     */
    public IndicatorValue save(CurrentUser user, long submissionId, long indicatorId, String answer, String evidenceUrl,
                               Long version) {
        Submission submission = get(user, submissionId);
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
        return values.findBySubmissionIdAndIndicatorId(submissionId, indicatorId).orElseThrow();
    }

    /**
     * Saves many answers at once (the API): all or nothing, every wrong answer named; {@code version} is the
     * submission's as the caller read it.
     */
    public Submission saveAll(CurrentUser user, long submissionId, Long version, List<Answer> answers) {
        Submission submission = get(user, submissionId);
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
        return submission;
    }

    /** Hands the self-assessment in: every indicator answered, every required link given; then it is locked. */
    public Submission submit(CurrentUser user, long submissionId, Long version) {
        Submission submission = get(user, submissionId);
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
        return submission;
    }

    public Submission returnForRevision(CurrentUser user, long submissionId, String comment, Long version) {
        Submission submission = get(user, submissionId);
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
        return submission;
    }

    public Submission accept(CurrentUser user, long submissionId, Long version) {
        Submission submission = get(user, submissionId);
        if (!user.is(Role.REGION)) {
            throw RuleViolationException.forbidden("Принимает самооценку эксперт региона");
        }
        ConcurrentEditException.check(version, submission.getVersion());
        if (submission.getStatus() != SubmissionStatus.SUBMITTED) {
            throw RuleViolationException.conflict("Принять можно только представленную самооценку (это делает эксперт региона)");
        }
        Instant now = clock.instant();
        submission.setStatus(SubmissionStatus.ACCEPTED);
        submission.setAcceptedAt(now);
        submission.touched(now, user.getUsername());
        events.save(new SubmissionEvent(submission.getId(), now, user.getUsername(), SubmissionEvent.Action.ACCEPTED, null));
        submissions.flush();
        return submission;
    }

    /**
     * An expert's correction of a submitted value, with a comment; the school's value stays and both are shown.
     * An empty answer removes the correction.
     */
    public IndicatorValue correct(CurrentUser user, long submissionId, long indicatorId, String answer, String comment,
                                  Long version) {
        Submission submission = get(user, submissionId);
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
        return stored;
    }

    @Transactional(readOnly = true)
    public List<SubmissionEvent> history(CurrentUser user, long submissionId) {
        Submission submission = get(user, submissionId);
        return events.findBySubmissionIdOrderByAtDescIdDesc(submission.getId());
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

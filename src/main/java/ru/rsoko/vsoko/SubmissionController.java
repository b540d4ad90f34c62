package ru.rsoko.vsoko;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * A school's self-assessment page: direction by direction, each answer saved as it is typed (htmx), progress per
 * direction, submission; for reviewers the same page with return, corrections and acceptance.
 */
@Controller
class SubmissionController {

    private final SubmissionService submissions;
    private final TransactionTemplate readOnly;

    SubmissionController(SubmissionService submissions, PlatformTransactionManager transactions) {
        this.submissions = submissions;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/vsoko/campaigns/{id}/submissions/{schoolId}")
    @Transactional(readOnly = true)
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                @RequestParam(required = false) String direction, Model model) {
        Submission submission = submissions.get(user, id, schoolId);
        Map<Long, IndicatorValue> values = submissions.values(submission);
        List<SubmissionService.DirectionProgress> progress = submissions.progress(submission, values);
        Framework framework = submission.getCampaign().getFramework();
        FrameworkService.loadForPage(framework);
        submission.getSchool().getName();
        Direction current = framework.getDirections().stream()
                .filter(d -> d.getCode().equals(direction)).findFirst()
                .orElse(framework.getDirections().isEmpty() ? null : framework.getDirections().getFirst());
        model.addAttribute("submission", submission);
        model.addAttribute("campaign", submission.getCampaign());
        model.addAttribute("framework", framework);
        model.addAttribute("values", values);
        model.addAttribute("progress", progress);
        model.addAttribute("current", current);
        model.addAttribute("filled", progress.stream().mapToInt(SubmissionService.DirectionProgress::filled).sum());
        model.addAttribute("total", framework.indicatorCount());
        model.addAttribute("canFill", submissions.canFill(user, submission));
        model.addAttribute("canReview", submissions.canReview(user, submission));
        model.addAttribute("canReturn", submissions.canReturn(user, submission));
        model.addAttribute("history", submissions.history(user, submission.getId()));
        model.addAttribute("answers", new AnswerView());
        return "vsoko/submission";
    }

    /** The form's autosave: one answer; answers with the row again (its new version, or the error). */
    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/values/{indicatorId}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                @PathVariable long indicatorId, @RequestParam(required = false) String value,
                @RequestParam(required = false) String evidenceUrl, @RequestParam(required = false) Long version,
                Model model) {
        long submissionId = submissions.get(user, id, schoolId).getId();
        String error = null;
        boolean conflict = false;
        try {
            submissions.save(user, submissionId, indicatorId, value, evidenceUrl, version);
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            error = e.getMessage();
        } catch (ConcurrentEditException e) {
            conflict = true;
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException e) {
            // someone saved another answer of the same self-assessment at the same moment
            error = "Самооценку в этот момент сохранял другой пользователь: ваше «" + (value == null ? "" : value)
                    + "» не сохранено. Измените поле ещё раз, чтобы сохранить его.";
        }
        String failure = error;
        boolean conflicted = conflict;
        readOnly.executeWithoutResult(tx -> savedRow(user, id, schoolId, indicatorId, failure, conflicted, value, evidenceUrl, model));
        return "vsoko/submission :: saved";
    }

    private void savedRow(CurrentUser user, long id, long schoolId, long indicatorId, String error, boolean conflict,
                          String value, String evidenceUrl, Model model) {
        Submission submission = submissions.get(user, id, schoolId);
        FrameworkService.loadForPage(submission.getCampaign().getFramework());
        Map<Long, IndicatorValue> values = submissions.values(submission);
        Indicator indicator = submission.getCampaign().getFramework().indicators().stream()
                .filter(i -> i.getId() == indicatorId).findFirst()
                .orElseThrow(() -> ru.rsoko.platform.web.NotFoundException.of("Показатель", indicatorId));
        if (conflict) {
            IndicatorValue stored = values.get(indicatorId);
            error = "Этот показатель тем временем изменил(а) " + (stored == null ? "другой пользователь" : stored.getUpdatedBy())
                    + ": сохранено «" + (stored == null ? "" : Answers.show(indicator, stored.getValue())) + "»"
                    + (stored != null && stored.getEvidenceUrl() != null ? ", ссылка " + stored.getEvidenceUrl() : "")
                    + ". Ваше «" + (value == null ? "" : value) + "» не сохранено: проверьте и измените поле ещё раз, чтобы сохранить его.";
        }
        model.addAttribute("submission", submission);
        model.addAttribute("campaign", submission.getCampaign());
        model.addAttribute("i", indicator);
        model.addAttribute("v", values.get(indicatorId));
        model.addAttribute("rowError", error);
        model.addAttribute("typed", error == null ? null : value);
        model.addAttribute("typedUrl", error == null ? null : evidenceUrl);
        model.addAttribute("canFill", submissions.canFill(user, submission));
        model.addAttribute("canReview", submissions.canReview(user, submission));
        List<SubmissionService.DirectionProgress> progress = submissions.progress(submission, values);
        model.addAttribute("progress", progress);
        model.addAttribute("current", indicator.getDirection());
        model.addAttribute("filled", progress.stream().mapToInt(SubmissionService.DirectionProgress::filled).sum());
        model.addAttribute("total", submission.getCampaign().getFramework().indicatorCount());
        model.addAttribute("answers", new AnswerView());
    }

    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/submit")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        Submission submission = submissions.get(user, id, schoolId);
        try {
            submissions.submit(user, submission.getId(), version);
            redirect.addFlashAttribute("message", "Самооценка представлена");
        } catch (ImportRejectedException e) {
            CampaignController.rejectedToFlash(e, redirect);
        } catch (RuleViolationException | ConcurrentEditException e) {
            forbiddenStays(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(id, schoolId);
    }

    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/return")
    String returnForRevision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                             @RequestParam(required = false) String comment, @RequestParam(required = false) Long version,
                             RedirectAttributes redirect) {
        Submission submission = submissions.get(user, id, schoolId);
        try {
            submissions.returnForRevision(user, submission.getId(), comment, version);
            redirect.addFlashAttribute("message", "Самооценка возвращена школе на доработку");
        } catch (RuleViolationException | ConcurrentEditException e) {
            forbiddenStays(e);
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("draftComment", comment);
        }
        return back(id, schoolId);
    }

    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/accept")
    String accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        Submission submission = submissions.get(user, id, schoolId);
        try {
            submissions.accept(user, submission.getId(), version);
            redirect.addFlashAttribute("message", "Самооценка принята");
        } catch (RuleViolationException | ConcurrentEditException e) {
            forbiddenStays(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(id, schoolId);
    }

    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/values/{indicatorId}/expert")
    String correct(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                   @PathVariable long indicatorId, @RequestParam(required = false) String expertValue,
                   @RequestParam(required = false) String expertComment, @RequestParam(required = false) Long version,
                   @RequestParam(required = false) String direction, RedirectAttributes redirect) {
        Submission submission = submissions.get(user, id, schoolId);
        try {
            submissions.correct(user, submission.getId(), indicatorId, expertValue, expertComment, version);
            redirect.addFlashAttribute("message", "Исправление эксперта сохранено");
        } catch (RuleViolationException | ConcurrentEditException e) {
            forbiddenStays(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(id, schoolId) + (direction != null && direction.matches("[\\w.-]{1,20}") ? "?direction=" + direction : "")
                + "#indicator-" + indicatorId;
    }

    @GetMapping("/vsoko/campaigns/{id}/submissions/{schoolId}.xlsx")
    @Transactional(readOnly = true)
    void valuesXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                    HttpServletResponse response) throws IOException {
        Submission submission = submissions.get(user, id, schoolId);
        Map<Long, IndicatorValue> values = submissions.values(submission);
        XlsxTable<Indicator> table = XlsxTable.of("Самооценка", Indicator.class)
                .column("Направление", 10, i -> i.getDirection().getCode())
                .column("Код", 10, Indicator::getCode)
                .column("Показатель", 70, Indicator::getWording)
                .column("Ответ школы", 20, i -> values.containsKey(i.getId()) ? Answers.show(i, values.get(i.getId()).getValue()) : "")
                .column("Ссылка", 40, i -> values.containsKey(i.getId()) ? values.get(i.getId()).getEvidenceUrl() : null)
                .column("Исправление эксперта", 20, i -> values.containsKey(i.getId()) ? Answers.show(i, values.get(i.getId()).getExpertValue()) : "")
                .column("Комментарий эксперта", 40, i -> values.containsKey(i.getId()) ? values.get(i.getId()).getExpertComment() : null)
                .column("Баллы", 10, i -> values.containsKey(i.getId()) ? values.get(i.getId()).getPoints() : null)
                .column("Максимум", 10, Indicator::maxPoints);
        try (OutputStream out = XlsxDownload.start(response, "vsoko-" + id + "-school-" + schoolId + ".xlsx")) {
            table.zone(user.zone()).write(out, submission.getCampaign().getFramework().indicators());
        }
    }

    @GetMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/history.xlsx")
    @Transactional(readOnly = true)
    void historyXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                     HttpServletResponse response) throws IOException {
        Submission submission = submissions.get(user, id, schoolId);
        XlsxTable<SubmissionEvent> table = XlsxTable.of("История", SubmissionEvent.class)
                .column("Когда", 20, SubmissionEvent::getAt)
                .column("Кто", 20, SubmissionEvent::getUsername)
                .column("Что", 24, e -> e.getAction().label())
                .column("Подробно", 80, SubmissionEvent::getDetail);
        try (OutputStream out = XlsxDownload.start(response, "vsoko-" + id + "-school-" + schoolId + "-history.xlsx")) {
            table.zone(user.zone()).write(out, submissions.history(user, submission.getId()));
        }
    }

    private static String back(long id, long schoolId) {
        return "redirect:/vsoko/campaigns/" + id + "/submissions/" + schoolId;
    }

    private static void forbiddenStays(RuntimeException e) {
        if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
            throw r;
        }
    }

    /** What templates need to show and fill answers. */
    public static class AnswerView {
        public String show(Indicator indicator, IndicatorValue value) {
            return value == null ? "" : Answers.show(indicator, value.getValue());
        }

        public String expert(Indicator indicator, IndicatorValue value) {
            return value == null || value.getExpertValue() == null ? "" : Answers.show(indicator, value.getExpertValue());
        }

        public String input(Indicator indicator, IndicatorValue value) {
            return value == null ? "" : Answers.input(indicator, value.getValue());
        }

        /** Points as Russian papers write numbers: «3,4». */
        public String points(java.math.BigDecimal points) {
            return points == null ? "" : points.stripTrailingZeros().toPlainString().replace('.', ',');
        }

        public boolean answered(Indicator indicator, IndicatorValue value) {
            return SubmissionService.answered(indicator, value);
        }
    }
}

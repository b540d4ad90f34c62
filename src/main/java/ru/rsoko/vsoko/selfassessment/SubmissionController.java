package ru.rsoko.vsoko.selfassessment;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
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
import ru.rsoko.platform.web.Plurals;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.framework.Answers;
import ru.rsoko.vsoko.framework.FrameworkView.IndicatorView;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A school's self-assessment page: direction by direction, each answer saved as it is typed (htmx), progress per
 * direction, submission; for reviewers the same page with return, corrections and acceptance.
 */
@Controller
class SubmissionController {

    private final SubmissionService submissions;

    SubmissionController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @GetMapping("/vsoko/campaigns/{id}/submissions/{schoolId}")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                @RequestParam(required = false) String direction, Model model) {
        SubmissionPage page = submissions.page(user, id, schoolId, direction);
        show(page, model);
        model.addAttribute("canReturn", page.canReturn());
        model.addAttribute("canAccept", page.canAccept());
        model.addAttribute("history", page.history());
        // a director's template holds their own school only; the region's and municipality's hold all their schools
        model.addAttribute("ownTemplate", user.is(Role.SCHOOL));
        return "vsoko/submission";
    }

    /** The form's autosave: one answer; answers with the row again (its new version, or the error). */
    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/values/{indicatorId}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                @PathVariable long indicatorId, @RequestParam(required = false) String value,
                @RequestParam(required = false) String evidenceUrl, @RequestParam(required = false) Long version,
                Model model) {
        String error = null;
        boolean conflict = false;
        try {
            submissions.save(user, id, schoolId, indicatorId, value, evidenceUrl, version);
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            error = e.getMessage();
        } catch (ConcurrentEditException e) {
            conflict = true;
        } catch (ObjectOptimisticLockingFailureException e) {
            // someone saved another answer of the same self-assessment at the same moment
            error = "Самооценку в этот момент сохранял другой пользователь: ваше «" + (value == null ? "" : value)
                    + "» не сохранено. Измените поле ещё раз, чтобы сохранить его.";
        }
        SubmissionService.SavedRow row = submissions.savedRow(user, id, schoolId, indicatorId);
        IndicatorView indicator = row.indicator();
        ValueView stored = row.page().values().get(indicatorId);
        if (conflict) {
            error = "Этот показатель тем временем изменил(а) " + (stored == null ? "другой пользователь" : row.page().names().of(stored.updatedBy()))
                    + ": сохранено «" + (stored == null ? "" : Answers.show(indicator, stored.value())) + "»"
                    + (stored != null && stored.evidenceUrl() != null ? ", ссылка " + stored.evidenceUrl() : "")
                    + ". Ваше «" + (value == null ? "" : value) + "» не сохранено: проверьте и измените поле ещё раз, чтобы сохранить его.";
        }
        show(row.page(), model);
        model.addAttribute("i", indicator);
        model.addAttribute("v", stored);
        model.addAttribute("rowError", error);
        model.addAttribute("typed", error == null ? null : value);
        model.addAttribute("typedUrl", error == null ? null : evidenceUrl);
        return "vsoko/submission :: saved";
    }

    /** What the page and the answer to an autosave both show. */
    private static void show(SubmissionPage page, Model model) {
        model.addAttribute("submission", page.submission());
        model.addAttribute("campaign", page.campaign());
        model.addAttribute("framework", page.framework());
        model.addAttribute("values", page.values());
        model.addAttribute("progress", page.progress());
        model.addAttribute("current", page.current());
        model.addAttribute("filled", page.filled());
        model.addAttribute("total", page.total());
        model.addAttribute("canFill", page.canFill());
        model.addAttribute("canReview", page.canReview());
        model.addAttribute("canApprove", page.canApprove());
        model.addAttribute("canPrefill", page.canPrefill());
        model.addAttribute("unconfirmed", page.unconfirmed());
        model.addAttribute("missing", page.missing());
        model.addAttribute("incomplete", page.incomplete());
        model.addAttribute("sources", page.sources());
        model.addAttribute("currentProgress", page.current() == null ? null : page.progress().stream()
                .filter(p -> p.direction().id() == page.current().id()).findFirst().orElse(null));
        model.addAttribute("answers", new AnswerView());
        model.addAttribute("names", page.names());
    }

    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/submit")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            submissions.submit(user, id, schoolId, version);
            redirect.addFlashAttribute("message", "Самооценка представлена");
        } catch (ImportRejectedException e) {
            // what is missing is listed by direction beside the form; the indicators themselves are marked
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (RuleViolationException | ConcurrentEditException e) {
            forbiddenStays(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(id, schoolId);
    }

    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/prefill")
    String prefill(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                   @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            SubmissionService.Prefill done = submissions.prefill(user, id, schoolId, version);
            if (done.filled() == 0) {
                redirect.addFlashAttribute("message", "Нечего заполнить: у школы нет прежних ответов на показатели, оставшиеся без ответа");
            } else {
                redirect.addFlashAttribute("message", "Заполнено из прошлых ответов: " + Plurals.indicators(done.filled())
                        + " (" + String.join(", ", done.sources()) + "). Проверьте каждый ответ и подтвердите его "
                        + "или исправьте; сама самооценка не представлена.");
            }
        } catch (RuleViolationException | ConcurrentEditException e) {
            forbiddenStays(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(id, schoolId);
    }

    /** Confirms one copied answer as it is (htmx): answers with the row's status, like an autosave. */
    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/values/{indicatorId}/confirm")
    String confirmOne(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                      @PathVariable long indicatorId, @RequestParam(required = false) Long version, Model model) {
        String error = null;
        try {
            submissions.confirmOne(user, id, schoolId, indicatorId, version);
        } catch (RuleViolationException e) {
            forbiddenStays(e);
            error = e.getMessage();
        } catch (ConcurrentEditException | ObjectOptimisticLockingFailureException e) {
            error = "Этот показатель тем временем изменили: обновите страницу и проверьте ответ.";
        }
        SubmissionService.SavedRow row = submissions.savedRow(user, id, schoolId, indicatorId);
        show(row.page(), model);
        model.addAttribute("i", row.indicator());
        model.addAttribute("v", row.page().values().get(indicatorId));
        model.addAttribute("rowError", error);
        return "vsoko/submission :: saved";
    }

    /** Confirms every copied answer of a direction as it is. */
    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/confirm")
    String confirmDirection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                            @RequestParam(required = false) String direction, @RequestParam(required = false) Long version,
                            RedirectAttributes redirect) {
        String code = direction != null && direction.matches("[\\w.-]{1,20}") ? direction : null;
        try {
            int n = submissions.confirmDirection(user, id, schoolId, code, version);
            redirect.addFlashAttribute("message", n == 0 ? "Неподтверждённых ответов нет" : "Подтверждено: " + Plurals.answers(n));
        } catch (RuleViolationException | ConcurrentEditException e) {
            forbiddenStays(e);
            redirect.addFlashAttribute("error", e instanceof ConcurrentEditException
                    ? "Самооценку тем временем изменили: проверьте ответы и подтвердите ещё раз" : e.getMessage());
        }
        return back(id, schoolId) + (code == null ? "" : "?direction=" + code);
    }

    @PostMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                   @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            submissions.approve(user, id, schoolId, version);
            redirect.addFlashAttribute("message", "Самооценка согласована и передана эксперту региона");
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
        try {
            submissions.returnForRevision(user, id, schoolId, comment, version);
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
        try {
            submissions.accept(user, id, schoolId, version);
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
        try {
            submissions.correct(user, id, schoolId, indicatorId, expertValue, expertComment, version);
            redirect.addFlashAttribute("message", "Исправление эксперта сохранено");
        } catch (RuleViolationException | ConcurrentEditException e) {
            forbiddenStays(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back(id, schoolId) + (direction != null && direction.matches("[\\w.-]{1,20}") ? "?direction=" + direction : "")
                + "#indicator-" + indicatorId;
    }

    @GetMapping("/vsoko/campaigns/{id}/submissions/{schoolId}.xlsx")
    void valuesXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                    HttpServletResponse response) throws IOException {
        SubmissionPage page = submissions.read(user, id, schoolId);
        Map<Long, ValueView> values = page.values();
        XlsxTable<IndicatorView> table = XlsxTable.of("Самооценка", IndicatorView.class)
                .column("Направление", 10, IndicatorView::directionCode)
                .column("Код", 10, IndicatorView::code)
                .column("Показатель", 70, IndicatorView::wording)
                .column("Ответ школы", 20, i -> values.containsKey(i.id()) ? Answers.show(i, values.get(i.id()).value()) : "")
                .column("Ссылка", 40, i -> values.containsKey(i.id()) ? values.get(i.id()).evidenceUrl() : null)
                .column("Исправление эксперта", 20, i -> values.containsKey(i.id()) ? Answers.show(i, values.get(i.id()).expertValue()) : "")
                .column("Комментарий эксперта", 40, i -> values.containsKey(i.id()) ? values.get(i.id()).expertComment() : null)
                .column("Баллы", 10, i -> values.containsKey(i.id()) ? values.get(i.id()).points() : null)
                .column("Максимум", 10, IndicatorView::maxPoints);
        try (OutputStream out = XlsxDownload.start(response, "vsoko-" + id + "-school-" + schoolId + ".xlsx")) {
            table.zone(user.zone()).write(out, page.framework().indicators());
        }
    }

    @GetMapping("/vsoko/campaigns/{id}/submissions/{schoolId}/history.xlsx")
    void historyXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long schoolId,
                     HttpServletResponse response) throws IOException {
        XlsxTable<SubmissionPage.HistoryLine> table = XlsxTable.of("История", SubmissionPage.HistoryLine.class)
                .column("Когда", 20, SubmissionPage.HistoryLine::at)
                .column("Кто", 30, SubmissionPage.HistoryLine::person)
                .column("Логин", 16, SubmissionPage.HistoryLine::username)
                .column("Что", 24, e -> e.action().label())
                .column("Подробно", 80, SubmissionPage.HistoryLine::detail);
        var history = submissions.history(user, id, schoolId);
        try (OutputStream out = XlsxDownload.start(response, "vsoko-" + id + "-school-" + schoolId + "-history.xlsx")) {
            table.zone(user.zone()).write(out, history);
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
        public String show(IndicatorView indicator, ValueView value) {
            return value == null ? "" : Answers.show(indicator, value.value());
        }

        public String expert(IndicatorView indicator, ValueView value) {
            return value == null || value.expertValue() == null ? "" : Answers.show(indicator, value.expertValue());
        }

        public String input(IndicatorView indicator, ValueView value) {
            return value == null ? "" : Answers.input(indicator.valueType(), value.value());
        }

        /** Points as Russian papers write numbers: «3,4». */
        public String points(BigDecimal points) {
            return points == null ? "" : points.stripTrailingZeros().toPlainString().replace('.', ',');
        }

        /** A value saved without the link its indicator requires: not counted, and said so at the field. */
        public boolean lacksLink(IndicatorView indicator, ValueView value) {
            return value != null && value.lacksLink(indicator);
        }

        public boolean answered(IndicatorView indicator, ValueView value) {
            return value != null && value.answers(indicator);
        }
    }
}

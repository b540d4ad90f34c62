package ru.rsoko.execution.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.ExecutionStatus;
import ru.rsoko.execution.domain.ExecutionCard;
import ru.rsoko.execution.domain.ExecutionManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ru.rsoko.execution.domain.PeriodRow;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.audit.People;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Partials;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.time.LocalDate;

/** Execution records as people work with them: lists (with «просрочено»), one record's card, reports, comments. */
@Controller
class ExecutionController {

    private static final int PAGE_SIZE = 50;

    private final ExecutionManagement executions;
    private final DirectoryService directory;
    private final FileStore files;
    private final Formats formats;
    private final People people;

    ExecutionController(ExecutionManagement executions, DirectoryService directory, FileStore files, Formats formats,
                        People people) {
        this.people = people;
        this.executions = executions;
        this.directory = directory;
        this.files = files;
        this.formats = formats;
    }

    @ModelAttribute("statuses")
    ExecutionStatus[] statuses() {
        return ExecutionStatus.values();
    }

    @GetMapping("/executions")
    String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ListFilter filter,
                @RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
        ExecutionFilter f = filter.toFilter(user);
        Page<ExecutionRecord> found = executions.find(user.scope(), f, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("executions", found);
        model.addAttribute("today", today(user));
        if (Partials.isSwap(htmx)) {
            return "execution/list :: results";
        }
        if (user.regionId() != null && (user.is(Role.REGION) || user.is(Role.ADMIN))) {
            model.addAttribute("municipalities", directory.municipalitiesOf(user.scope(), user.regionId()));
        }
        return "execution/list";
    }

    @GetMapping("/executions.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ListFilter filter,
                HttpServletResponse response) throws IOException {
        LocalDate today = today(user);
        XlsxTable.of("Поручения", ExecutionRecord.class).zone(formats.zone())
                .column("Организация", 40, e -> e.orgUnit().name())
                .column("Мероприятие", 40, e -> e.decision().meeting().title())
                .column("Дата мероприятия", 12, e -> e.decision().meeting().date())
                .column("№ решения", 8, e -> e.decision().number())
                .column("Решение", 60, e -> e.decision().text())
                .column("Срок по протоколу", 30, e -> e.decision().deadline().originalText())
                .column("Срок", 12, ExecutionRecord::dueDate)
                .column("Статус", 14, e -> e.status().label())
                .column("Просрочено", 10, e -> e.isOverdue(today))
                .column("Отчёт", 60, ExecutionRecord::report)
                .column("Причина невыполнения", 30, ExecutionRecord::reason)
                .column("Ссылка", 30, ExecutionRecord::evidenceUrl)
                .column("Обновлено", 18, ExecutionRecord::updatedAt)
                .write(XlsxDownload.start(response, "Поручения.xlsx"),
                        sink -> executions.forEach(user.scope(), filter.toFilter(user), sink));
    }

    @GetMapping("/executions/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ExecutionCard card = executions.card(user, id);
        model.addAttribute("execution", card.execution());
        model.addAttribute("today", card.today());
        model.addAttribute("canReport", card.canReport());
        model.addAttribute("periods", card.periods());
        model.addAttribute("nextPeriod", card.nextPeriod());
        model.addAttribute("comments", card.comments());
        model.addAttribute("history", card.history());
        model.addAttribute("path", card.path());
        // who last updated the record and who wrote each period's report, by name: one query for the card
        List<String> logins = new ArrayList<>();
        logins.add(card.execution().updatedBy());
        card.periods().stream().map(PeriodRow::report).filter(Objects::nonNull).forEach(r -> logins.add(r.createdBy()));
        model.addAttribute("names", people.of(logins));
        return "execution/card";
    }

    @GetMapping("/executions/{id}/history.xlsx")
    void exportHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        var history = executions.history(user.scope(), id);
        HistoryTable.write(XlsxDownload.start(response, "История поручения " + id + ".xlsx"), history, formats);
    }

    @PostMapping("/executions/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) ExecutionStatus status, @RequestParam(required = false) String report,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String evidenceUrl,
                  @RequestParam(required = false) MultipartFile evidenceFile, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        try {
            executions.update(user, id, new ExecutionManagement.Update(status, report, reason, evidenceUrl, evidenceFile, version));
            redirect.addFlashAttribute("message", "Сохранено");
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            keep(redirect, e.getMessage(), status, report, reason, evidenceUrl);
        } catch (ConcurrentEditException e) {
            keep(redirect, e.getMessage(), status, report, reason, evidenceUrl);
        }
        return "redirect:/executions/" + id;
    }

    @PostMapping("/executions/{id}/reports")
    String addReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String text,
                     @RequestParam(required = false) String evidenceUrl, @RequestParam(required = false) MultipartFile evidenceFile,
                     @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            executions.addReport(user, id, text, evidenceUrl, evidenceFile, version);
            redirect.addFlashAttribute("message", "Отчёт за период принят");
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            keep(redirect, e.getMessage(), null, text, null, evidenceUrl);
        } catch (ConcurrentEditException e) {
            keep(redirect, e.getMessage(), null, text, null, evidenceUrl);
        }
        return "redirect:/executions/" + id;
    }

    @PostMapping("/executions/{id}/comments")
    String comment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String text,
                   RedirectAttributes redirect) {
        try {
            executions.comment(user, id, text);
            redirect.addFlashAttribute("message", "Комментарий добавлен");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/executions/" + id + "#comments";
    }

    @GetMapping("/executions/{id}/evidence")
    void evidence(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
        files.download(executions.evidence(user.scope(), id, null).id(), response);
    }

    @GetMapping("/executions/{id}/reports/{reportId}/evidence")
    void reportEvidence(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
                        HttpServletResponse response) throws IOException {
        files.download(executions.evidence(user.scope(), id, reportId).id(), response);
    }

    /** The error goes back with what the person typed, so that nothing they wrote is lost. */
    private static void keep(RedirectAttributes redirect, String error, ExecutionStatus status, String report, String reason,
                             String url) {
        redirect.addFlashAttribute("error", error);
        if (status != null) {
            redirect.addFlashAttribute("draftStatus", status);
        }
        redirect.addFlashAttribute("draftReport", report);
        redirect.addFlashAttribute("draftReason", reason);
        redirect.addFlashAttribute("draftUrl", url);
    }

    private LocalDate today(CurrentUser user) {
        return user.regionId() == null ? LocalDate.now(formats.zone()) : executions.today(user.regionId());
    }

    static class ListFilter {
        private ExecutionStatus status;
        private Boolean overdue;
        private Long orgUnitId;
        private Long meetingId;
        private Long decisionId;
        private Long municipalityId;
        private String q;
        private boolean mine;

        ExecutionFilter toFilter(CurrentUser user) {
            return new ExecutionFilter(status, Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null,
                    mine ? Long.valueOf(user.orgUnitId()) : orgUnitId, meetingId, decisionId, municipalityId, q);
        }

        public ExecutionStatus getStatus() { return status; }
        public void setStatus(ExecutionStatus status) { this.status = status; }
        public Boolean getOverdue() { return overdue; }
        public void setOverdue(Boolean overdue) { this.overdue = overdue; }
        public Long getOrgUnitId() { return orgUnitId; }
        public void setOrgUnitId(Long orgUnitId) { this.orgUnitId = orgUnitId; }
        public Long getMeetingId() { return meetingId; }
        public void setMeetingId(Long meetingId) { this.meetingId = meetingId; }
        public Long getDecisionId() { return decisionId; }
        public void setDecisionId(Long decisionId) { this.decisionId = decisionId; }
        public Long getMunicipalityId() { return municipalityId; }
        public void setMunicipalityId(Long municipalityId) { this.municipalityId = municipalityId; }
        public String getQ() { return q; }
        public void setQ(String q) { this.q = q; }
        public boolean isMine() { return mine; }
        public void setMine(boolean mine) { this.mine = mine; }
    }
}

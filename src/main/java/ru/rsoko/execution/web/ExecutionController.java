package ru.rsoko.execution.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.execution.ExecutionFilter;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.ExecutionStatus;
import ru.rsoko.execution.domain.BatchRejectedException;
import ru.rsoko.execution.domain.ExecutionCard;
import ru.rsoko.execution.domain.ExecutionManagement;
import ru.rsoko.execution.domain.PeriodRow;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.audit.People;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Partials;
import ru.rsoko.platform.web.Plurals;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
                @RequestParam(defaultValue = "0") int page, HtmxRequest htmx, HttpServletRequest request, Model model) {
        ExecutionFilter f = filter.toFilter(user);
        Page<ExecutionRecord> found = executions.find(user.scope(), f, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("executions", found);
        model.addAttribute("today", today(user));
        // the records of the page this person reports on: only they get a box for a status set at once
        model.addAttribute("reportable", found.getContent().stream().filter(e -> executions.canReport(user, e))
                .map(ExecutionRecord::id).collect(Collectors.toSet()));
        model.addAttribute("back", request.getQueryString() == null ? "" : request.getQueryString());
        if (!model.containsAttribute("bulkChosen")) {
            model.addAttribute("bulkChosen", Set.of());
        }
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
        model.addAttribute("owedPeriods", card.owed());
        if (!model.containsAttribute("draftPeriods")) {
            model.addAttribute("draftPeriods", card.preselected());
        }
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
            keep(redirect, ConcurrentEditException.FORM_MESSAGE, status, report, reason, evidenceUrl);
        }
        return "redirect:/executions/" + id;
    }

    /**
     * A report for the periods ticked on the card ({@code periodStart}, ISO dates), or, from a form that offers no
     * choice, for the earliest period without one.
     */
    @PostMapping("/executions/{id}/reports")
    String addReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) String text,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> periodStart,
                     @RequestParam(defaultValue = "false") boolean choosing,
                     @RequestParam(required = false) String evidenceUrl, @RequestParam(required = false) MultipartFile evidenceFile,
                     @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        List<LocalDate> chosen = periodStart == null ? List.of() : periodStart;
        try {
            if (choosing && chosen.isEmpty()) {
                throw RuleViolationException.field("periodStart", "Отметьте периоды, за которые подаёте отчёт");
            }
            int reported = executions.addReports(user, id,
                    new ExecutionManagement.PeriodReport(chosen, text, evidenceUrl, evidenceFile, version)).size();
            redirect.addFlashAttribute("message", reported == 1 ? "Отчёт за период принят"
                    : "Отчёт принят за " + Plurals.of(reported, "период", "периода", "периодов"));
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            keep(redirect, e.getMessage(), null, text, null, evidenceUrl);
            redirect.addFlashAttribute("draftPeriods", new ArrayList<>(chosen));
        } catch (ConcurrentEditException e) {
            keep(redirect, ConcurrentEditException.FORM_MESSAGE, null, text, null, evidenceUrl);
            redirect.addFlashAttribute("draftPeriods", new ArrayList<>(chosen));
        } catch (BatchRejectedException e) {
            keep(redirect, e.getMessage(), null, text, null, evidenceUrl);
            redirect.addFlashAttribute("periodErrors", new ArrayList<>(e.problems()));
            redirect.addFlashAttribute("draftPeriods", new ArrayList<>(chosen));
        }
        return "redirect:/executions/" + id;
    }

    /**
     * One status (with one report and link) for the records ticked on the list ({@code ids}), each with the version
     * the page showed ({@code versions}, «id:version»). All or nothing: the refused records are listed above the
     * list, which comes back with its filters ({@code back}, the list's query) and the same records ticked.
     */
    @PostMapping("/executions/bulk")
    String bulk(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) List<Long> ids,
                @RequestParam(required = false) List<String> versions, @RequestParam(required = false) ExecutionStatus status,
                @RequestParam(required = false) String report, @RequestParam(required = false) String reason,
                @RequestParam(required = false) String evidenceUrl, @RequestParam(required = false) String back,
                RedirectAttributes redirect) {
        List<Long> chosen = ids == null ? List.of() : ids;
        Map<Long, Long> shown = new HashMap<>();
        for (String pair : versions == null ? List.<String>of() : versions) {
            String[] parts = pair.split(":");
            if (parts.length == 2 && parts[0].matches("\\d{1,18}") && parts[1].matches("\\d{1,18}")) {
                shown.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        }
        List<ExecutionManagement.BulkItem> items = chosen.stream()
                .map(id -> new ExecutionManagement.BulkItem(id, shown.get(id))).toList();
        try {
            int updated = executions.updateAll(user, new ExecutionManagement.BulkUpdate(items, status, report, reason, evidenceUrl)).size();
            redirect.addFlashAttribute("message", "Установлен статус «" + status.label() + "» для "
                    + Plurals.of(updated, "поручения", "поручений", "поручений"));
        } catch (RuleViolationException e) {
            keepBulk(redirect, e.getMessage(), List.of(), chosen, status, report, reason, evidenceUrl);
        } catch (BatchRejectedException e) {
            keepBulk(redirect, e.getMessage(), e.problems(), chosen, status, report, reason, evidenceUrl);
        }
        return "redirect:/executions" + listQuery(back);
    }

    private static void keepBulk(RedirectAttributes redirect, String error, List<BatchRejectedException.Problem> problems,
                                 List<Long> chosen, ExecutionStatus status, String report, String reason, String url) {
        redirect.addFlashAttribute("bulkError", error);
        redirect.addFlashAttribute("bulkErrors", new ArrayList<>(problems));
        redirect.addFlashAttribute("bulkChosen", new HashSet<>(chosen));
        if (status != null) {
            redirect.addFlashAttribute("bulkStatus", status);
        }
        redirect.addFlashAttribute("bulkReport", report);
        redirect.addFlashAttribute("bulkReason", reason);
        redirect.addFlashAttribute("bulkUrl", url);
    }

    /** The list's filters from the query the page was shown with: only the list's own parameters, so never elsewhere. */
    static String listQuery(String back) {
        if (back == null || back.isBlank()) {
            return "";
        }
        MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString("/executions?" + back).build().getQueryParams();
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("");
        for (String name : LIST_PARAMETERS) {
            for (String value : params.getOrDefault(name, List.of())) {
                // as the browser sent it, percent-encoded; anything else is not a value of this list's filters
                if (value != null && value.matches("[\\w%+.~-]{0,500}")) {
                    query.queryParam(name, value);
                }
            }
        }
        String built = query.build(true).toUriString();
        return built.isEmpty() ? "" : built;
    }

    private static final List<String> LIST_PARAMETERS = List.of("q", "status", "municipalityId", "overdue", "mine",
            "orgUnitId", "meetingId", "decisionId", "page");

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

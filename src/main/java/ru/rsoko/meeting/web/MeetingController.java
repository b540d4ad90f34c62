package ru.rsoko.meeting.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.MeetingService;
import ru.rsoko.meeting.MeetingStatus;
import ru.rsoko.meeting.MeetingSummary;
import ru.rsoko.meeting.ReportPeriod;
import ru.rsoko.meeting.document.LetterDocx;
import ru.rsoko.meeting.document.ProtocolDocx;
import ru.rsoko.meeting.domain.AgendaItemForm;
import ru.rsoko.meeting.domain.AgendaItemView;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.DecisionView;
import ru.rsoko.meeting.domain.MaterialView;
import ru.rsoko.meeting.domain.MeetingCard;
import ru.rsoko.meeting.domain.MeetingDocuments;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingListing;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.file.FileStore;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.FormErrors;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Partials;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Meetings as people keep them: the list, a meeting's card with its agenda and decisions, forms, documents. */
@Controller
class MeetingController {

    private static final int PAGE_SIZE = 30;
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final MeetingManagement meetings;
    private final MeetingDocuments documents;
    private final DirectoryService directory;
    private final FileStore files;
    private final Formats formats;

    MeetingController(MeetingManagement meetings, MeetingDocuments documents, DirectoryService directory, FileStore files,
                      Formats formats) {
        this.meetings = meetings;
        this.documents = documents;
        this.directory = directory;
        this.files = files;
        this.formats = formats;
    }

    @ModelAttribute("kinds")
    MeetingKind[] kinds() {
        return MeetingKind.values();
    }

    @ModelAttribute("statuses")
    MeetingStatus[] statuses() {
        return MeetingStatus.values();
    }

    // ---- list

    @GetMapping("/meetings")
    String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ListFilter filter,
                @RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
        MeetingListing listing = meetings.list(user.scope(), filter.toFilter(), PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("meetings", listing.meetings());
        model.addAttribute("counts", listing.counts());
        if (Partials.isSwap(htmx)) {
            return "meeting/list :: results";
        }
        model.addAttribute("canCreate", meetings.canCreate(user));
        return "meeting/list";
    }

    @GetMapping("/meetings.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ListFilter filter,
                HttpServletResponse response) throws IOException {
        MeetingListing all = meetings.list(user.scope(), filter.toFilter(), PageRequest.of(0, 5000));
        var counts = all.counts();
        XlsxTable.of("Мероприятия", MeetingSummary.class).zone(formats.zone())
                .column("Дата", 12, MeetingSummary::date)
                .column("Вид", 20, m -> m.kind().label())
                .column("Тема", 70, MeetingSummary::title)
                .column("Уровень", 16, m -> m.municipal() ? "муниципальный" : "региональный")
                .column("Состояние", 20, m -> m.status().label())
                .column("Поручений", 12, m -> counts.getOrDefault(m.id(), ExecutionFigures.Counts.NONE).total())
                .column("Выполнено", 12, m -> counts.getOrDefault(m.id(), ExecutionFigures.Counts.NONE).done())
                .column("Просрочено", 12, m -> counts.getOrDefault(m.id(), ExecutionFigures.Counts.NONE).overdue())
                .write(XlsxDownload.start(response, "Мероприятия.xlsx"), all.meetings().getContent());
    }

    // ---- one meeting

    @GetMapping("/meetings/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        MeetingCard card = meetings.card(user, id);
        model.addAttribute("meeting", card.meeting());
        model.addAttribute("canEdit", card.canEdit());
        model.addAttribute("organiser", card.organiser());
        model.addAttribute("responsible", card.responsible());
        model.addAttribute("matrix", card.matrix());
        model.addAttribute("history", card.history());
        return "meeting/card";
    }

    @GetMapping("/meetings/{id}/history.xlsx")
    void exportHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        var history = meetings.history(user.scope(), id);
        HistoryTable.write(XlsxDownload.start(response, "История мероприятия " + id + ".xlsx"), history, formats);
    }

    @GetMapping("/meetings/{id}/decisions.xlsx")
    void exportDecisions(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        MeetingView meeting = meetings.get(user.scope(), id);
        ExecutionFigures.Matrix matrix = meetings.matrix(user.scope(), meeting);
        XlsxTable.of("Решения", DecisionView.class)
                .column("№", 6, DecisionView::number)
                .column("Решение", 70, DecisionView::text)
                .column("Ответственные", 40, DecisionView::responsibleText)
                .column("Срок", 30, d -> d.deadline().originalText())
                .column("Вид срока", 20, d -> d.deadlineKind().label())
                .column("Дата срока", 12, d -> d.deadline().dueDate())
                .column("Поручений", 10, d -> matrix == null ? null : matrix.decision(d.id()).total())
                .column("Выполнено", 10, d -> matrix == null ? null : matrix.decision(d.id()).done())
                .column("В работе", 10, d -> matrix == null ? null : matrix.decision(d.id()).inWork())
                .column("Просрочено", 10, d -> matrix == null ? null : matrix.decision(d.id()).overdue())
                .write(XlsxDownload.start(response, "Решения — " + meeting.title() + ".xlsx"), meeting.decisions());
    }

    @GetMapping("/meetings/{id}/matrix.xlsx")
    void exportMatrix(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        MeetingView meeting = meetings.get(user.scope(), id);
        ExecutionFigures.Matrix found = meetings.matrix(user.scope(), meeting);
        ExecutionFigures.Matrix matrix = found == null ? ExecutionFigures.Matrix.EMPTY : found;
        XlsxTable<DecisionView> table = XlsxTable.of("Исполнение", DecisionView.class)
                .column("№", 6, DecisionView::number)
                .column("Решение", 60, DecisionView::text);
        // a cell reads as on the page: «2 из 5 выполнено · в работе 1 · просрочено 2»
        for (ExecutionFigures.Column column : matrix.columns()) {
            table.column(column.name(), 26, d -> cellText(matrix.cell(d.id(), column.id())));
        }
        table.column("Итого", 26, d -> cellText(matrix.decision(d.id())))
                .write(XlsxDownload.start(response, "Исполнение решений — " + meeting.title() + ".xlsx"), meeting.decisions());
    }

    /** A matrix cell in words; an empty one (the organisation has no record of the decision) reads «—» as on the page. */
    static String cellText(ExecutionFigures.Counts counts) {
        return counts.total() == 0 ? "—" : counts.text();
    }

    @GetMapping("/meetings/{id}/protocol.docx")
    void protocol(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
        MeetingView meeting = meetings.get(user.scope(), id);
        ProtocolDocx.write(documents.protocol(meeting), docx(response, "Протокол от " + Formats.DATE.format(meeting.date())));
    }

    @GetMapping("/meetings/{id}/cover-letter.docx")
    void coverLetter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
        MeetingView meeting = meetings.get(user.scope(), id);
        LetterDocx.write(documents.cover(meeting), docx(response, "Сопроводительное письмо к протоколу от "
                + Formats.DATE.format(meeting.date())));
    }

    @GetMapping("/meetings/{id}/announcement.docx")
    void announcement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
        MeetingView meeting = meetings.get(user.scope(), id);
        LetterDocx.write(documents.announcement(meeting), docx(response, "Письмо о проведении " + Formats.DATE.format(meeting.date())));
    }

    @GetMapping("/meetings/{id}/materials/{materialId}")
    void material(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long materialId,
                  HttpServletResponse response) throws IOException {
        MaterialView material = meetings.material(user.scope(), id, materialId);
        if (material.file() == null) {
            response.sendRedirect(material.url());
            return;
        }
        files.download(material.file().id(), response);
    }

    // ---- forms: the meeting

    @GetMapping("/meetings/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!meetings.canCreate(user)) {
            throw RuleViolationException.forbidden("Мероприятия создают региональные специалисты и специалисты МОУО");
        }
        MeetingForm form = new MeetingForm();
        form.setDate(LocalDate.now(formats.zone()));
        if (user.municipalityId() != null) {
            form.setKind(MeetingKind.MEETING);
        }
        model.addAttribute("form", form);
        return "meeting/form";
    }

    @PostMapping("/meetings")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") MeetingForm form,
                  BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                MeetingView meeting = meetings.create(user, form);
                redirect.addFlashAttribute("message", "Мероприятие создано: добавьте повестку и решения");
                return "redirect:/meetings/" + meeting.id();
            } catch (RuleViolationException e) {
                if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                    throw e;
                }
                FormErrors.reject(errors, e);
            }
        }
        return "meeting/form";
    }

    @GetMapping("/meetings/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        MeetingView meeting = meetings.getForEdit(user, id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("form", MeetingForm.of(meeting));
        return "meeting/form";
    }

    @PostMapping("/meetings/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @ModelAttribute("form") MeetingForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        MeetingView meeting = meetings.getForEdit(user, id);
        if (!errors.hasErrors()) {
            try {
                meetings.update(user, id, form);
                redirect.addFlashAttribute("message", "Изменения сохранены");
                return "redirect:/meetings/" + id;
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            } catch (ConcurrentEditException e) {
                errors.reject("conflict", e.getMessage());
            }
        }
        model.addAttribute("meeting", meeting);
        return "meeting/form";
    }

    @PostMapping("/meetings/{id}/held")
    String held(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam Long version, RedirectAttributes redirect) {
        return transition(redirect, id, "Мероприятие отмечено проведённым", () -> meetings.markHeld(user, id, version));
    }

    @PostMapping("/meetings/{id}/sign")
    String sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam Long version, RedirectAttributes redirect) {
        return transition(redirect, id, "Протокол подписан: решения направлены ответственным", () -> meetings.sign(user, id, version));
    }

    @PostMapping("/meetings/{id}/send")
    String send(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam Long version, RedirectAttributes redirect) {
        return transition(redirect, id, "Протокол направлен: каждая ответственная организация получила уведомление с адресованными ей решениями и сроками (по e-mail — с сопроводительным письмом)", () -> meetings.send(user, id, version));
    }

    @PostMapping("/meetings/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            meetings.delete(user, id);
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/meetings/" + id;
        }
        redirect.addFlashAttribute("message", "Мероприятие удалено");
        return "redirect:/meetings";
    }

    private String transition(RedirectAttributes redirect, long id, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (ConcurrentEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/meetings/" + id;
    }

    // ---- forms: agenda

    @GetMapping("/meetings/{id}/agenda/new")
    String newAgendaItem(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        MeetingView meeting = meetings.getForEdit(user, id);
        AgendaItemForm form = new AgendaItemForm();
        form.setNumber(String.valueOf(meeting.agenda().size() + 1));
        model.addAttribute("meeting", meeting);
        model.addAttribute("form", form);
        return "meeting/agenda-form";
    }

    @PostMapping("/meetings/{id}/agenda")
    String addAgendaItem(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @Valid @ModelAttribute("form") AgendaItemForm form, BindingResult errors, Model model,
                         RedirectAttributes redirect) {
        MeetingView meeting = meetings.getForEdit(user, id);
        if (!errors.hasErrors()) {
            try {
                meetings.addAgendaItem(user, id, form);
                redirect.addFlashAttribute("message", "Пункт повестки добавлен");
                return "redirect:/meetings/" + id + "#agenda";
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            }
        }
        model.addAttribute("meeting", meeting);
        return "meeting/agenda-form";
    }

    @GetMapping("/meetings/{id}/agenda/{itemId}/edit")
    String editAgendaItem(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long itemId, Model model) {
        MeetingView meeting = meetings.getForEdit(user, id);
        AgendaItemView item = meeting.agendaItem(itemId);
        model.addAttribute("meeting", meeting);
        model.addAttribute("item", item);
        model.addAttribute("form", AgendaItemForm.of(item));
        return "meeting/agenda-form";
    }

    @PostMapping("/meetings/{id}/agenda/{itemId}")
    String updateAgendaItem(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long itemId,
                            @Valid @ModelAttribute("form") AgendaItemForm form, BindingResult errors, Model model,
                            RedirectAttributes redirect) {
        MeetingView meeting = meetings.getForEdit(user, id);
        if (!errors.hasErrors()) {
            try {
                meetings.updateAgendaItem(user, id, itemId, form);
                redirect.addFlashAttribute("message", "Пункт повестки сохранён");
                return "redirect:/meetings/" + id + "#agenda";
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            } catch (ConcurrentEditException e) {
                errors.reject("conflict", e.getMessage());
            }
        }
        model.addAttribute("meeting", meeting);
        model.addAttribute("item", meeting.agenda().stream().filter(i -> i.id() == itemId).findFirst().orElse(null));
        return "meeting/agenda-form";
    }

    @PostMapping("/meetings/{id}/agenda/{itemId}/delete")
    String removeAgendaItem(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long itemId,
                            RedirectAttributes redirect) {
        return transition(redirect, id, "Пункт повестки удалён", () -> meetings.removeAgendaItem(user, id, itemId));
    }

    @PostMapping("/meetings/{id}/agenda/{itemId}/materials")
    String addMaterial(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long itemId,
                       @RequestParam(required = false) String title, @RequestParam(required = false) String url,
                       @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return transition(redirect, id, "Материал добавлен", () -> meetings.addMaterial(user, id, itemId, title, url, file));
    }

    @PostMapping("/meetings/{id}/materials/{materialId}/delete")
    String removeMaterial(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long materialId,
                          RedirectAttributes redirect) {
        return transition(redirect, id, "Материал удалён", () -> meetings.removeMaterial(user, id, materialId));
    }

    // ---- forms: decisions

    @GetMapping("/meetings/{id}/decisions/new")
    String newDecision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        MeetingView meeting = meetings.getForEdit(user, id);
        DecisionForm form = new DecisionForm();
        form.setNumber(String.valueOf(meeting.decisions().size() + 1));
        return decisionForm(meeting, null, form, model);
    }

    @PostMapping("/meetings/{id}/decisions")
    String addDecision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @Valid @ModelAttribute("form") DecisionForm form, BindingResult errors, Model model,
                       RedirectAttributes redirect) {
        MeetingView meeting = meetings.getForEdit(user, id);
        if (!errors.hasErrors()) {
            try {
                meetings.addDecision(user, id, form);
                redirect.addFlashAttribute("message", "Решение добавлено");
                return "redirect:/meetings/" + id + "#decisions";
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            }
        }
        return decisionForm(meeting, null, form, model);
    }

    @GetMapping("/meetings/{id}/decisions/{decisionId}/edit")
    String editDecision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long decisionId, Model model) {
        MeetingView meeting = meetings.getForEdit(user, id);
        DecisionView decision = meeting.decision(decisionId);
        return decisionForm(meeting, decision, DecisionForm.of(decision), model);
    }

    @PostMapping("/meetings/{id}/decisions/{decisionId}")
    String updateDecision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long decisionId,
                          @Valid @ModelAttribute("form") DecisionForm form, BindingResult errors, Model model,
                          RedirectAttributes redirect) {
        MeetingView meeting = meetings.getForEdit(user, id);
        if (!errors.hasErrors()) {
            try {
                meetings.updateDecision(user, id, decisionId, form);
                redirect.addFlashAttribute("message", "Решение сохранено");
                return "redirect:/meetings/" + id + "#decisions";
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            } catch (ConcurrentEditException e) {
                errors.reject("conflict", e.getMessage());
            }
        }
        return decisionForm(meeting, meeting.decision(decisionId), form, model);
    }

    @PostMapping("/meetings/{id}/decisions/{decisionId}/delete")
    String removeDecision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long decisionId,
                          RedirectAttributes redirect) {
        return transition(redirect, id, "Решение удалено", () -> meetings.removeDecision(user, id, decisionId));
    }

    /** Shows what the wording of responsible parties and deadline will mean, without saving (htmx). */
    @PostMapping("/meetings/{id}/decisions/recognise")
    String recognise(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ModelAttribute("form") DecisionForm form,
                     Model model) {
        MeetingView meeting = meetings.getForEdit(user, id);
        meetings.recognise(user, id, form);
        decisionForm(meeting, null, form, model);
        return "meeting/decision-form :: recognised";
    }

    private String decisionForm(MeetingView meeting, DecisionView decision, DecisionForm form, Model model) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("decision", decision);
        model.addAttribute("form", form);
        model.addAttribute("deadlineKinds", DeadlineKind.values());
        model.addAttribute("reportPeriods", ReportPeriod.values());
        Scope scope = meeting.isMunicipal() ? Scope.municipality(meeting.regionId(), meeting.municipalityId())
                : Scope.region(meeting.regionId());
        model.addAttribute("municipalities", meeting.isMunicipal() ? List.of()
                : directory.find(scope, new OrgUnitFilter(OrgUnitType.MUNICIPALITY, null, null, true), PageRequest.of(0, 500)).getContent());
        model.addAttribute("chosenOrganisations", form.getOrganisations().stream()
                .map(orgId -> directory.get(scope, orgId)).toList());
        model.addAttribute("preview", meetings.describe(form.chosenParties()));
        return "meeting/decision-form";
    }

    private static OutputStream docx(HttpServletResponse response, String name) throws IOException {
        response.setContentType(DOCX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + ".docx", StandardCharsets.UTF_8).build().toString());
        return response.getOutputStream();
    }

    static class ListFilter {
        private MeetingStatus status;
        private Integer year;
        private String q;

        MeetingService.MeetingFilter toFilter() {
            return new MeetingService.MeetingFilter(status, year == null ? null : LocalDate.of(year, 1, 1),
                    year == null ? null : LocalDate.of(year, 12, 31), q);
        }

        public MeetingStatus getStatus() { return status; }
        public void setStatus(MeetingStatus status) { this.status = status; }
        public Integer getYear() { return year; }
        public void setYear(Integer year) { this.year = year; }
        public String getQ() { return q; }
        public void setQ(String q) { this.q = q; }
    }
}

package ru.rsoko.vsoko.campaign;

import jakarta.servlet.http.HttpServletResponse;
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
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.framework.FrameworkService;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/** Campaign pages: the list, a campaign's card with its course and progress, the campaign form. */
@Controller
class CampaignController {

    private final CampaignService campaigns;
    private final FrameworkService frameworks;

    CampaignController(CampaignService campaigns, FrameworkService frameworks) {
        this.campaigns = campaigns;
        this.frameworks = frameworks;
    }

    @GetMapping("/vsoko/campaigns")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        CampaignService.CampaignList list = campaigns.listPage(user);
        model.addAttribute("campaigns", list.campaigns());
        model.addAttribute("progress", list.progress());
        if (list.own() != null) {
            model.addAttribute("own", list.own());
        }
        return "vsoko/campaign-list";
    }

    @GetMapping("/vsoko/campaigns.xlsx")
    void listXlsx(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        CampaignService.CampaignList list = campaigns.listPage(user);
        XlsxTable<CampaignView> table = XlsxTable.of("Кампании", CampaignView.class)
                .column("Кампания", 50, CampaignView::name)
                .column("Год", 8, CampaignView::year)
                .column("Учебный год", 14, CampaignView::schoolYear)
                .column("Начало", 12, CampaignView::opensOn)
                .column("Окончание", 12, CampaignView::closesOn)
                .column("Состояние", 24, c -> c.status().label())
                .column("Набор показателей", 50, c -> c.framework().name())
                .column("Участников", 12, c -> list.progress().get(c.id()).total())
                .column("Представили", 12, c -> list.progress().get(c.id()).submitted());
        try (OutputStream out = XlsxDownload.start(response, "vsoko-campaigns.xlsx")) {
            table.zone(user.zone()).write(out, list.campaigns());
        }
    }

    // ---- create and edit (regional staff)

    @GetMapping("/vsoko/campaigns/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireRegion(user);
        CampaignPageForm form = new CampaignPageForm();
        int year = LocalDate.now(user.zone()).getYear();
        form.setYear(year);
        form.setName("Исследование эффективности ВСОКО, " + year);
        form.setOpensOn(LocalDate.of(year, 10, 1));
        form.setClosesOn(LocalDate.of(year, 10, 31));
        form.setAllSchools(true);
        frameworks.options(user.scope()).stream().findFirst().ifPresent(f -> form.setFrameworkId(f.id()));
        return form(user, form, null, model);
    }

    @PostMapping("/vsoko/campaigns")
    String create(@AuthenticationPrincipal CurrentUser user, CampaignPageForm form, Model model, RedirectAttributes redirect) {
        try {
            CampaignView campaign = campaigns.create(user, form.toForm());
            redirect.addFlashAttribute("message", "Кампания создана: проверьте участников и откройте приём");
            return "redirect:/vsoko/campaigns/" + campaign.id();
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            model.addAttribute("error", e.getMessage());
            return form(user, form, null, model);
        }
    }

    @GetMapping("/vsoko/campaigns/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        CampaignView campaign = campaigns.get(user, id);
        requireRegion(user);
        return form(user, CampaignPageForm.of(campaign, campaigns.participantIds(id)), campaign, model);
    }

    @PostMapping("/vsoko/campaigns/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, CampaignPageForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            campaigns.update(user, id, form.toForm());
            redirect.addFlashAttribute("message", "Сохранено");
            return "redirect:/vsoko/campaigns/" + id;
        } catch (RuleViolationException | ConcurrentEditException e) {
            if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw r;
            }
            model.addAttribute("error", e.getMessage());
            return form(user, form, campaigns.get(user, id), model);
        }
    }

    /** The form of a new campaign ({@code campaign} null) or of a campaign. */
    private String form(CurrentUser user, CampaignPageForm form, CampaignView campaign, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("campaign", campaign);
        model.addAttribute("frameworks", frameworks.options(user.scope()));
        model.addAttribute("schools", campaigns.schoolsOfRegion(campaign != null ? campaign.regionId() : user.regionId()));
        return "vsoko/campaign-form";
    }

    @PostMapping("/vsoko/campaigns/{id}/status")
    String status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam CampaignStatus to,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            campaigns.changeStatus(user, id, to, version);
            redirect.addFlashAttribute("message", "Кампания: " + to.label());
        } catch (RuleViolationException | ConcurrentEditException e) {
            if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw r;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/vsoko/campaigns/" + id;
    }

    // ---- the card

    @GetMapping("/vsoko/campaigns/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        if (user.is(Role.SCHOOL)) {
            campaigns.get(user, id);
            return "redirect:/vsoko/campaigns/" + id + "/submissions/" + user.orgUnitId();
        }
        CampaignService.CampaignCard card = campaigns.card(user, id);
        model.addAttribute("campaign", card.campaign());
        model.addAttribute("framework", card.campaign().framework());
        model.addAttribute("indicatorCount", card.campaign().framework().indicatorCount());
        model.addAttribute("progress", card.progress());
        model.addAttribute("byMunicipality", card.byMunicipality());
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("canManage", user.is(Role.REGION));
        return "vsoko/campaign-card";
    }

    @GetMapping("/vsoko/campaigns/{id}/progress.xlsx")
    void progressXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        CampaignService.CampaignCard card = campaigns.card(user, id);
        XlsxTable<CampaignService.MunicipalityProgress> table = XlsxTable.of("По муниципалитетам", CampaignService.MunicipalityProgress.class)
                .column("Муниципалитет", 36, CampaignService.MunicipalityProgress::name)
                .column("Школ", 10, CampaignService.MunicipalityProgress::total);
        boolean approval = card.campaign().municipalApproval();
        table.column("Этап", 40, m -> m.stage(approval));
        for (SubmissionStatus status : SubmissionStatus.values()) {
            table.column(status.label(), 16, m -> m.count(status));
        }
        try (OutputStream out = XlsxDownload.start(response, "vsoko-progress-" + id + ".xlsx")) {
            table.zone(user.zone()).write(out, card.byMunicipality());
        }
    }

    private static void requireRegion(CurrentUser user) {
        if (!user.is(Role.REGION)) {
            throw RuleViolationException.forbidden("Кампании ведут сотрудники региона");
        }
    }
}

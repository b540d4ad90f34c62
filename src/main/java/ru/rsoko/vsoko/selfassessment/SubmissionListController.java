package ru.rsoko.vsoko.selfassessment;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.spreadsheet.ImportRejectedException;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Partials;
import ru.rsoko.platform.web.Plurals;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** The schools' self-assessments of a campaign: filtered by school, status and municipality; also as .xlsx. */
@Controller
class SubmissionListController {

    private static final int PAGE_SIZE = 50;

    private final SubmissionQueries queries;
    private final CampaignService campaigns;
    private final SubmissionService submissions;

    SubmissionListController(SubmissionQueries queries, CampaignService campaigns, SubmissionService submissions) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.submissions = submissions;
    }

    /** The whole page, or for the filter's htmx request only its results. */
    @GetMapping("/vsoko/campaigns/{id}/submissions")
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @RequestParam(required = false) Long municipalityId,
                @RequestParam(required = false) SubmissionStatus status,
                @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
        SubmissionQueries.Found found = queries.find(user, id, municipalityId, status, q,
                PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("campaign", found.campaign());
        model.addAttribute("indicatorCount", found.campaign().framework().indicatorCount());
        model.addAttribute("rows", found.rows());
        model.addAttribute("reviews", reviews(user, found.campaign()));
        model.addAttribute("municipalityId", municipalityId);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        if (Partials.isSwap(htmx)) {
            return "vsoko/submission-list :: results";
        }
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("municipalities", user.is(Role.REGION) ? campaigns.progressByMunicipality(user, id) : null);
        return "vsoko/submission-list";
    }

    /** Approves, accepts or returns the self-assessments ticked on the list: all or nothing, back to the same list. */
    @PostMapping("/vsoko/campaigns/{id}/submissions/review")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) SubmissionService.Review action,
                  @RequestParam(name = "item", required = false) List<String> ticked,
                  @RequestParam(required = false) String comment,
                  @RequestParam(required = false) Long municipalityId,
                  @RequestParam(required = false) SubmissionStatus status,
                  @RequestParam(required = false) String q, RedirectAttributes redirect) {
        List<SubmissionService.Item> items = new ArrayList<>();
        for (String t : ticked == null ? List.<String>of() : ticked) {
            // each box carries the school and the version of its self-assessment as the list showed it
            String[] parts = t.split(":", 2);
            try {
                items.add(new SubmissionService.Item(Long.valueOf(parts[0]), parts.length > 1 ? Long.valueOf(parts[1]) : null));
            } catch (NumberFormatException e) {
                items.add(new SubmissionService.Item(null, null));
            }
        }
        try {
            int done = submissions.review(user, id, action, items, comment);
            redirect.addFlashAttribute("message", action.done().substring(0, 1).toUpperCase() + action.done().substring(1)
                    + ": " + Plurals.of(done, "самооценка", "самооценки", "самооценок"));
        } catch (ImportRejectedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("reviewErrors", e.errors());
            redirect.addFlashAttribute("draftComment", comment);
        } catch (RuleViolationException e) {
            if (e.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("draftComment", comment);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/vsoko/campaigns/{id}/submissions")
                .queryParamIfPresent("municipalityId", java.util.Optional.ofNullable(municipalityId))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .buildAndExpand(id).encode().toUriString();
    }

    /** What the user may do to several self-assessments of the list at once, and to which states. */
    private static List<SubmissionService.Review> reviews(CurrentUser user, CampaignView campaign) {
        if (user.is(Role.REGION)) {
            return List.of(SubmissionService.Review.ACCEPT, SubmissionService.Review.RETURN);
        }
        if (user.is(Role.MUNICIPALITY)) {
            return campaign.municipalApproval() ? List.of(SubmissionService.Review.APPROVE, SubmissionService.Review.RETURN)
                    : List.of(SubmissionService.Review.RETURN);
        }
        return List.of();
    }

    @GetMapping("/vsoko/campaigns/{id}/submissions.xlsx")
    void listXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Long municipalityId,
                  @RequestParam(required = false) SubmissionStatus status,
                  @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        SubmissionQueries.Found found = queries.find(user, id, municipalityId, status, q, PageRequest.of(0, 100_000));
        int indicators = found.campaign().framework().indicatorCount();
        XlsxTable<SubmissionQueries.Row> table = XlsxTable.of("Самооценки", SubmissionQueries.Row.class)
                .column("Школа", 50, SubmissionQueries.Row::school)
                .column("Муниципалитет", 30, SubmissionQueries.Row::municipality)
                .column("Состояние", 22, r -> r.status().label())
                .column("Заполнено показателей", 14, SubmissionQueries.Row::filled)
                .column("Всего показателей", 14, r -> indicators)
                .column("Представлена", 18, SubmissionQueries.Row::submittedAt)
                .column("Комментарий при возврате", 50, SubmissionQueries.Row::returnComment);
        try (OutputStream out = XlsxDownload.start(response, "vsoko-submissions-" + id + ".xlsx")) {
            table.zone(user.zone()).write(out, found.rows().getContent());
        }
    }
}

package ru.rsoko.vsoko.selfassessment;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Partials;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.CampaignService;

import java.io.IOException;
import java.io.OutputStream;

/** The schools' self-assessments of a campaign: filtered by school, status and municipality; also as .xlsx. */
@Controller
class SubmissionListController {

    private static final int PAGE_SIZE = 50;

    private final SubmissionQueries queries;
    private final CampaignService campaigns;

    SubmissionListController(SubmissionQueries queries, CampaignService campaigns) {
        this.queries = queries;
        this.campaigns = campaigns;
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
        if (Partials.isSwap(htmx)) {
            return "vsoko/submission-list :: results";
        }
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("municipalities", user.is(Role.REGION) ? campaigns.progressByMunicipality(user, id) : null);
        model.addAttribute("municipalityId", municipalityId);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        return "vsoko/submission-list";
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

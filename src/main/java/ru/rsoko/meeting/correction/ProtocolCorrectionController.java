package ru.rsoko.meeting.correction;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Partials;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What people corrected in imported protocols, for administrators (a region's: their region's; the deployment's:
 * every region's): the list, one correction beside the facts as parsed, its deletion, the list as .xlsx and the
 * corrections as test cases of the protocol corpus.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ProtocolCorrectionController {

    static final int PAGE_SIZE = 50;

    private final ProtocolCorrections corrections;
    private final Formats formats;

    ProtocolCorrectionController(ProtocolCorrections corrections, Formats formats) {
        this.corrections = corrections;
        this.formats = formats;
    }

    @GetMapping("/admin/protocol-corrections")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, HtmxRequest htmx,
                Model model) {
        model.addAttribute("corrections", corrections.find(user.scope(), PageRequest.of(Math.clamp(page, 0, 100_000), PAGE_SIZE)));
        return Partials.pageOr(htmx, "meeting/corrections", "results");
    }

    @GetMapping("/admin/protocol-corrections.xlsx")
    void xlsx(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        XlsxTable.of("Исправления протоколов", ProtocolCorrection.class).zone(formats.zone())
                .column("Дата", 12, ProtocolCorrection::day)
                .column("Регион", 24, ProtocolCorrection::regionName)
                .column("Кто", 28, ProtocolCorrection::author)
                .column("Мероприятие", 50, c -> c.meetingTitle() == null ? "удалено" : c.meetingTitle())
                .column("Исправлено фактов", 12, ProtocolCorrection::corrected)
                .column("Что исправлено", 40, ProtocolCorrection::kindsLabel)
                .write(XlsxDownload.start(response, "Исправления протоколов.xlsx"),
                        sink -> corrections.forEach(user.scope(), sink));
    }

    @GetMapping("/admin/protocol-corrections.zip")
    void cases(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        corrections.exportCases(user.scope(), startZip(response));
    }

    @GetMapping("/admin/protocol-corrections/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ProtocolCorrection correction = corrections.get(user.scope(), id);
        model.addAttribute("correction", correction);
        model.addAttribute("rows", FactRows.of(correction.parsed(), correction.confirmed()));
        return "meeting/correction";
    }

    @PostMapping("/admin/protocol-corrections/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        corrections.delete(user.scope(), id);
        redirect.addFlashAttribute("message", "Исправление протокола удалено");
        return "redirect:/admin/protocol-corrections";
    }

    /** The .zip of test cases, streamed as it is written. */
    static OutputStream startZip(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("Исправления протоколов — тестовые примеры.zip", StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.getOutputStream();
    }
}

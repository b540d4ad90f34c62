package ru.rsoko.securitylog.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Partials;
import ru.rsoko.securitylog.domain.SecurityEvent;
import ru.rsoko.securitylog.domain.SecurityEventFilter;
import ru.rsoko.securitylog.domain.SecurityEventKind;
import ru.rsoko.securitylog.domain.SecurityLog;

import java.io.IOException;
import java.time.LocalDate;

/** The security log for administrators: filtered, paged, newest first, and as .xlsx; a region's administrator sees their region's. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SecurityLogController {

    static final int PAGE_SIZE = 50;

    private final SecurityLog log;
    private final Formats formats;

    SecurityLogController(SecurityLog log, Formats formats) {
        this.log = log;
        this.formats = formats;
    }

    @ModelAttribute("kinds")
    SecurityEventKind[] kinds() {
        return SecurityEventKind.values();
    }

    @GetMapping("/admin/security-log")
    String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") Filter filter,
                @RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
        model.addAttribute("events", log.find(user.scope(), filter.toFilter(), formats.zone(),
                PageRequest.of(Math.clamp(page, 0, 100_000), PAGE_SIZE)));
        model.addAttribute("retention", log.retention().getDays());
        return Partials.pageOr(htmx, "securitylog/list", "results");
    }

    @GetMapping("/admin/security-log.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") Filter filter,
                HttpServletResponse response) throws IOException {
        XlsxTable.of("Журнал безопасности", SecurityEvent.class).zone(formats.zone())
                .column("Когда", 18, SecurityEvent::at)
                .column("Событие", 26, e -> e.kind().label())
                .column("Учётная запись", 22, SecurityEvent::username)
                .column("Кем", 20, SecurityEvent::actor)
                .column("Адрес", 18, SecurityEvent::address)
                .column("Браузер", 40, SecurityEvent::userAgent)
                .column("Подробности", 60, SecurityEvent::details)
                .write(XlsxDownload.start(response, "Журнал безопасности.xlsx"),
                        sink -> log.forEach(user.scope(), filter.toFilter(), formats.zone(), sink));
    }

    /** The filter as the form sends it; a day that is not dd.MM.yyyy is ignored. */
    static class Filter {
        private SecurityEventKind kind;
        private String person;
        private String address;
        private String from;
        private String to;

        SecurityEventFilter toFilter() {
            return new SecurityEventFilter(kind, person, address, day(from), day(to));
        }

        private static LocalDate day(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip(), Formats.DATE);
            } catch (RuntimeException e) {
                return null;
            }
        }

        public SecurityEventKind getKind() {
            return kind;
        }

        public void setKind(SecurityEventKind kind) {
            this.kind = kind;
        }

        public String getPerson() {
            return person;
        }

        public void setPerson(String person) {
            this.person = person;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }
    }
}

package ru.rsoko.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.account.domain.Throttling;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Formats;

import java.io.IOException;

/** Throttled sign-ins for administrators: who and from where, until when; lifting one. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ThrottlingController {

    private final Throttling throttling;
    private final Formats formats;

    ThrottlingController(Throttling throttling, Formats formats) {
        this.throttling = throttling;
        this.formats = formats;
    }

    @GetMapping("/admin/login-throttling")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("rows", throttling.list(user.scope()));
        model.addAttribute("addresses", user.scope().isAll());
        return "account/throttling";
    }

    @GetMapping("/admin/login-throttling.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        XlsxTable.of("Ограничения входа", Throttling.Row.class).zone(formats.zone())
                .column("Имя пользователя", 22, r -> r.isAddress() ? "все (адрес)" : r.username())
                .column("ФИО", 32, Throttling.Row::fullName)
                .column("Организация", 40, Throttling.Row::orgUnitName)
                .column("Адрес", 20, Throttling.Row::address)
                .column("До", 18, Throttling.Row::until)
                .write(XlsxDownload.start(response, "Ограничения входа.xlsx"), throttling.list(user.scope()));
    }

    @PostMapping("/admin/login-throttling/release")
    String release(@AuthenticationPrincipal CurrentUser user, @RequestParam String key, RedirectAttributes redirect) {
        Throttling.Row row = throttling.release(user.scope(), key);
        redirect.addFlashAttribute("message", row.isAddress()
                ? "Ограничение входа с адреса " + row.address() + " снято"
                : "Ограничение входа «" + row.username() + "» с адреса " + row.address() + " снято");
        return "redirect:/admin/login-throttling";
    }
}

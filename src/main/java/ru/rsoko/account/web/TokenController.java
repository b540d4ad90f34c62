package ru.rsoko.account.web;

import jakarta.servlet.http.HttpServletResponse;
import ru.rsoko.account.domain.LoginThrottle;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;

import java.io.IOException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.account.domain.ApiTokenView;
import ru.rsoko.account.domain.ApiTokens;
import ru.rsoko.platform.web.FormErrors;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;

import java.time.LocalDate;

/**
 * The person's own API tokens on their profile: made with a name and an optional last day, listed, revoked. A new
 * token is shown once, on the page that answers the form (not through a redirect, so that it is kept nowhere).
 */
@Controller
class TokenController {

    private final ApiTokens tokens;
    private final Formats formats;
    private final LoginThrottle throttle;

    TokenController(ApiTokens tokens, Formats formats, LoginThrottle throttle) {
        this.tokens = tokens;
        this.formats = formats;
        this.throttle = throttle;
    }

    @GetMapping("/me/tokens")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", new TokenForm());
        return withTokens(user, model);
    }

    @PostMapping("/me/tokens")
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") TokenForm form, BindingResult errors,
                  Model model) {
        if (!errors.hasFieldErrors("expiresOn") && form.getExpiresOn() != null && form.getExpiresOn().isBefore(formats.today())) {
            errors.rejectValue("expiresOn", "past", "Последний день действия уже прошёл: укажите сегодняшний или более поздний");
        }
        if (!errors.hasErrors()) {
            try {
                model.addAttribute("issued", tokens.create(user, form.getName(),
                        form.getExpiresOn() == null ? null : ApiTokens.endOf(form.getExpiresOn(), formats.zone())));
                model.addAttribute("form", new TokenForm());
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            }
        }
        return withTokens(user, model);
    }

    @PostMapping("/me/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        ApiTokenView token = tokens.revokeOwn(user, id);
        redirect.addFlashAttribute("message", "Токен «" + token.name() + "» отозван: он больше не открывает API");
        return "redirect:/me/tokens";
    }

    private String withTokens(CurrentUser user, Model model) {
        model.addAttribute("tokens", tokens.mine(user));
        model.addAttribute("failedLogins", throttle.recentFailures(user.accountId()));
        return "account/tokens";
    }

    /** The person's failed sign-ins by address, as on their page. */
    @GetMapping("/me/failed-logins.xlsx")
    void failedLogins(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        XlsxTable.of("Неудачные попытки входа", LoginThrottle.Failures.class).zone(formats.zone())
                .column("Адрес", 24, LoginThrottle.Failures::address)
                .column("Попыток", 10, LoginThrottle.Failures::count)
                .column("Первая", 18, LoginThrottle.Failures::first)
                .column("Последняя", 18, LoginThrottle.Failures::last)
                .column("Вход приостанавливался", 14, LoginThrottle.Failures::throttled)
                .write(XlsxDownload.start(response, "Неудачные попытки входа.xlsx"),
                        throttle.recentFailures(user.accountId()));
    }

    /** The form of a new token: what it is for and, if it should expire, its last day (dd.MM.yyyy). */
    static class TokenForm {
        private String name;
        private LocalDate expiresOn;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public LocalDate getExpiresOn() {
            return expiresOn;
        }

        public void setExpiresOn(LocalDate expiresOn) {
            this.expiresOn = expiresOn;
        }
    }
}

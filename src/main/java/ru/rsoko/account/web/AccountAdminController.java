package ru.rsoko.account.web;

import ru.rsoko.account.domain.Account;
import ru.rsoko.account.domain.UserAccountService;
import ru.rsoko.account.domain.AccountForm;
import ru.rsoko.account.domain.AccountFilter;
import ru.rsoko.account.domain.ApiTokenView;
import ru.rsoko.account.domain.ApiTokens;

import ru.rsoko.access.Role;
import ru.rsoko.access.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.FormErrors;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Partials;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.time.Clock;

/**
 * The administrator's pages for accounts: list, create, edit, disable, reset password, unlock, history, and the
 * account's API tokens (seen and revoked, never made: a token is its owner's).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountAdminController {

    private static final int PAGE_SIZE = 50;

    private final UserAccountService accounts;
    private final ApiTokens tokens;
    private final DirectoryService directory;
    private final Formats formats;
    private final Clock clock;

    AccountAdminController(UserAccountService accounts, ApiTokens tokens, DirectoryService directory, Formats formats,
                           Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.directory = directory;
        this.formats = formats;
        this.clock = clock;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/admin/accounts")
    String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ListFilter filter,
                @RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model) {
        model.addAttribute("accounts", accounts.find(user.scope(), filter.toFilter(), PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("now", clock.instant());
        return Partials.pageOr(htmx, "account/list", "results");
    }

    @GetMapping("/admin/accounts.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ListFilter filter,
                HttpServletResponse response) throws IOException {
        XlsxTable.of("Учётные записи", Account.class).zone(formats.zone())
                .column("Имя пользователя", 20, Account::username)
                .column("ФИО", 32, Account::fullName)
                .column("Должность", 28, Account::position)
                .column("E-mail", 24, Account::email)
                .column("Роль", 24, a -> a.role().label())
                .column("Организация", 50, Account::orgUnitName)
                .column("Включена", 10, Account::enabled)
                .column("Последний вход", 18, Account::lastLoginAt)
                .write(XlsxDownload.start(response, "Учётные записи.xlsx"),
                        sink -> accounts.forEach(user.scope(), filter.toFilter(), sink));
    }

    @GetMapping("/admin/accounts/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long orgUnitId, Model model) {
        AccountForm form = new AccountForm();
        if (orgUnitId != null) {
            OrgUnit unit = directory.get(user.scope(), orgUnitId);
            form.setOrgUnitId(unit.id());
            model.addAttribute("orgUnit", unit);
        }
        model.addAttribute("form", form);
        return "account/form";
    }

    @PostMapping("/admin/accounts")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") AccountForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        if (form.getUsername() == null || form.getUsername().isBlank()) {
            errors.rejectValue("username", "required", "Укажите имя пользователя");
        }
        if (!errors.hasErrors()) {
            try {
                UserAccountService.Created created = accounts.create(user.scope(), form);
                redirect.addFlashAttribute("message", "Учётная запись «" + created.account().username() + "» создана");
                redirect.addFlashAttribute("issuedPassword", created.temporaryPassword());
                return "redirect:/admin/accounts/" + created.account().id();
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            }
        }
        return formWithOrgUnit(user, form, model);
    }

    @GetMapping("/admin/accounts/{id}")
    String card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Account account = accounts.get(user.scope(), id);
        model.addAttribute("account", account);
        model.addAttribute("form", AccountForm.of(account));
        model.addAttribute("orgUnit", directory.get(user.scope(), account.orgUnitId()));
        model.addAttribute("history", accounts.history(user.scope(), id));
        model.addAttribute("tokens", tokens.ofAccount(user.scope(), id));
        model.addAttribute("now", clock.instant());
        return "account/card";
    }

    @GetMapping("/admin/accounts/{id}/history.xlsx")
    void exportHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        Account account = accounts.get(user.scope(), id);
        var history = accounts.history(user.scope(), id);
        HistoryTable.write(XlsxDownload.start(response, "История — " + account.username() + ".xlsx"), history, formats);
    }

    @PostMapping("/admin/accounts/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Account account = accounts.get(user.scope(), id);
        if (!errors.hasErrors()) {
            try {
                accounts.update(user.scope(), id, form, user);
                redirect.addFlashAttribute("message", "Изменения сохранены");
                return "redirect:/admin/accounts/" + id;
            } catch (RuleViolationException e) {
                FormErrors.reject(errors, e);
            } catch (ConcurrentEditException e) {
                errors.reject("conflict", e.getMessage());
            }
        }
        model.addAttribute("account", account);
        model.addAttribute("history", accounts.history(user.scope(), id));
        model.addAttribute("tokens", tokens.ofAccount(user.scope(), id));
        model.addAttribute("now", clock.instant());
        formWithOrgUnit(user, form, model);
        return "account/card";
    }

    @PostMapping("/admin/accounts/{id}/disable")
    String disable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam Long version,
                   RedirectAttributes redirect) {
        return enable(user, id, false, version, redirect);
    }

    @PostMapping("/admin/accounts/{id}/enable")
    String enable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam Long version,
                  RedirectAttributes redirect) {
        return enable(user, id, true, version, redirect);
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    String resetPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @RequestParam(required = false) String password, RedirectAttributes redirect) {
        try {
            String issued = accounts.resetPassword(user.scope(), id, password);
            redirect.addFlashAttribute("message", "Пароль изменён; при входе пользователь должен будет задать свой");
            if (password == null || password.isEmpty()) {
                redirect.addFlashAttribute("issuedPassword", issued);
            }
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(user.scope(), id);
        redirect.addFlashAttribute("message", "Ограничения входа сняты");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/tokens/{tokenId}/revoke")
    String revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long tokenId,
                       RedirectAttributes redirect) {
        ApiTokenView token = tokens.revoke(user.scope(), user, id, tokenId);
        redirect.addFlashAttribute("message", "Токен «" + token.name() + "» отозван: он больше не открывает API");
        return "redirect:/admin/accounts/" + id;
    }

    private String enable(CurrentUser user, long id, boolean enabled, Long version, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(user.scope(), id, enabled, version, user);
            redirect.addFlashAttribute("message", enabled ? "Учётная запись включена" : "Учётная запись отключена");
        } catch (RuleViolationException | ConcurrentEditException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/accounts/" + id;
    }

    private String formWithOrgUnit(CurrentUser user, AccountForm form, Model model) {
        if (form.getOrgUnitId() != null) {
            try {
                model.addAttribute("orgUnit", directory.get(user.scope(), form.getOrgUnitId()));
            } catch (RuntimeException ignored) {
                // an organisation outside the scope is reported on the field already
            }
        }
        return "account/form";
    }

    static class ListFilter {
        private String q;
        private Role role;
        private Long orgUnitId;
        private String status = "enabled";

        AccountFilter toFilter() {
            Boolean enabled = switch (status == null ? "" : status) {
                case "disabled" -> false;
                case "all" -> null;
                default -> true;
            };
            return new AccountFilter(q, role, orgUnitId, enabled);
        }

        public String getQ() {
            return q;
        }

        public void setQ(String q) {
            this.q = q;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public Long getOrgUnitId() {
            return orgUnitId;
        }

        public void setOrgUnitId(Long orgUnitId) {
            this.orgUnitId = orgUnitId;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }
}

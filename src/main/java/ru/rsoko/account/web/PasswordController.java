package ru.rsoko.account.web;

import ru.rsoko.account.domain.UserAccountService;
import ru.rsoko.account.domain.AccountUserDetailsService;

import ru.rsoko.access.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.platform.web.RuleViolationException;

import java.util.Map;

/** A user's own password: changed at will, and required after an administrator issued a temporary one. */
@Controller
class PasswordController {

    private final UserAccountService accounts;
    private final AccountUserDetailsService details;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordController(UserAccountService accounts, AccountUserDetailsService details) {
        this.accounts = accounts;
        this.details = details;
    }

    @GetMapping("/account/password")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("forced", user.mustChangePassword());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String current,
                  @RequestParam(required = false) String password, @RequestParam(required = false) String repeat,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(user, current, password, repeat);
        } catch (RuleViolationException e) {
            model.addAttribute("forced", user.mustChangePassword());
            model.addAttribute("errors", Map.of(e.field() == null ? "password" : e.field(), e.getMessage()));
            return "account/password";
        }
        // the session keeps the principal: refresh it so that the forced change is no longer asked for
        CurrentUser refreshed = details.loadUserByUsername(user.getUsername());
        refreshed.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("message", "Пароль изменён");
        return "redirect:/";
    }
}

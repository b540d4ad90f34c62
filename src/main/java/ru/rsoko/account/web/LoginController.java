package ru.rsoko.account.web;

import ru.rsoko.account.domain.LoginAttempts;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final LoginAttempts attempts;

    LoginController(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @GetMapping("/login")
    String login(Authentication auth, @RequestParam(required = false) String error, Model model) {
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("error", switch (error) {
                case "locked" -> "Вход временно заблокирован после " + attempts.maxFailures()
                        + " неудачных попыток. Повторите через " + attempts.lockout().toMinutes()
                        + " мин. или обратитесь к администратору.";
                case "disabled" -> "Учётная запись или её организация отключена. Обратитесь к администратору.";
                default -> "Неверное имя пользователя или пароль.";
            });
        }
        return "login";
    }
}

package ru.rsoko.account.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication auth, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String minutes, Model model) {
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("error", switch (error) {
                // the same words whether the login exists or not: they speak of the address
                case "throttled" -> "Слишком много неудачных попыток с этого адреса. Повторите через "
                        + minutes(minutes) + " мин.";
                case "disabled" -> "Учётная запись или её организация отключена. Обратитесь к администратору.";
                default -> "Неверное имя пользователя или пароль.";
            });
        }
        return "login";
    }

    private static int minutes(String value) {
        try {
            return Math.clamp(Integer.parseInt(value), 1, 24 * 60);
        } catch (RuntimeException e) {
            return 1;
        }
    }
}

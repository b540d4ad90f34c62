package ru.rsoko.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.account.AccountService;
import ru.rsoko.account.Recipient;
import ru.rsoko.notification.domain.MailDispatcher;
import ru.rsoko.notification.domain.MailOutbox;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;

/**
 * The administrator's view of delivery: whether mail is configured at all, the queue, mails that failed (with a
 * button to send again), and the people without an e-mail address, who are told in the app only.
 */
@Controller
class AdminNotificationController {

    private final MailOutbox outbox;
    private final MailDispatcher dispatcher;
    private final AccountService accounts;
    private final Formats formats;

    AdminNotificationController(MailOutbox outbox, MailDispatcher dispatcher, AccountService accounts, Formats formats) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.accounts = accounts;
        this.formats = formats;
    }

    @GetMapping("/admin/notifications")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "0") int failedPage, Model model) {
        requireAdmin(user);
        model.addAttribute("mailEnabled", outbox.enabled());
        model.addAttribute("totals", outbox.totals(user.scope()));
        model.addAttribute("troubles", outbox.troubles(user.scope(), PageRequest.of(Math.max(0, failedPage), 20)));
        model.addAttribute("withoutEmail", accounts.withoutEmail(user.scope(), PageRequest.of(Math.max(0, page), 30)));
        return "notification/admin";
    }

    @PostMapping("/admin/notifications/outbox/{id}/retry")
    String retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        requireAdmin(user);
        outbox.retry(user.scope(), id);
        redirect.addFlashAttribute("message", "Письмо поставлено в очередь на отправку");
        return "redirect:/admin/notifications";
    }

    @PostMapping("/admin/notifications/dispatch")
    String dispatch(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        requireAdmin(user);
        if (!outbox.enabled()) {
            redirect.addFlashAttribute("error", "Почтовый сервер не настроен: уведомления доставляются только в системе");
        } else {
            redirect.addFlashAttribute("message", "Отправлено писем: " + dispatcher.dispatchDue());
        }
        return "redirect:/admin/notifications";
    }

    @GetMapping("/admin/notifications/without-email.xlsx")
    void withoutEmail(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        requireAdmin(user);
        XlsxTable.of("Без e-mail", Recipient.class).zone(formats.zone())
                .column("ФИО", 40, Recipient::fullName)
                .column("Имя пользователя", 20, Recipient::username)
                .column("Роль", 24, r -> r.role().label())
                .column("Организация", 50, Recipient::orgUnitName)
                .write(XlsxDownload.start(response, "Учётные записи без e-mail.xlsx"),
                        EveryPage.of(pageable -> accounts.withoutEmail(user.scope(), pageable)));
    }

    @GetMapping("/admin/notifications/failed.xlsx")
    void failed(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        requireAdmin(user);
        XlsxTable.of("Недоставленные письма", MailOutbox.Entry.class).zone(formats.zone())
                .column("Создано", 18, MailOutbox.Entry::createdAt)
                .column("Кому", 30, MailOutbox.Entry::recipient)
                .column("Тема", 60, MailOutbox.Entry::subject)
                .column("Состояние", 20, e -> e.failed() ? "не доставлено" : "повторная попытка")
                .column("Попыток", 10, MailOutbox.Entry::attempts)
                .column("Следующая попытка", 18, e -> e.failed() ? null : e.nextAttemptAt())
                .column("Ошибка", 60, MailOutbox.Entry::lastError)
                .write(XlsxDownload.start(response, "Недоставленные письма.xlsx"),
                        EveryPage.of(pageable -> outbox.troubles(user.scope(), pageable)));
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.is(Role.ADMIN)) {
            throw RuleViolationException.forbidden("Доставку уведомлений видит администратор");
        }
    }
}

package ru.rsoko.notification.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
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
import ru.rsoko.notification.domain.Inbox;
import ru.rsoko.notification.domain.MailOutbox;
import ru.rsoko.notification.domain.NotificationKind;
import ru.rsoko.notification.domain.Preferences;
import ru.rsoko.notification.domain.ReminderDays;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A person's notifications: the bell, the list with read and unread, and their settings; the region's reminder days. */
@Controller
class NotificationController {

    static final int PAGE_SIZE = 30;

    /** A day of the week as the settings form offers it. */
    record Day(int value, String label) {
    }

    static final List<Day> DAYS = List.of(new Day(1, "по понедельникам"), new Day(2, "по вторникам"), new Day(3, "по средам"),
            new Day(4, "по четвергам"), new Day(5, "по пятницам"), new Day(6, "по субботам"), new Day(7, "по воскресеньям"));

    private final Inbox inbox;
    private final Preferences preferences;
    private final ReminderDays reminderDays;
    private final MailOutbox outbox;
    private final Formats formats;
    private final ru.rsoko.account.AccountService accounts;

    NotificationController(Inbox inbox, Preferences preferences, ReminderDays reminderDays, MailOutbox outbox, Formats formats,
                           ru.rsoko.account.AccountService accounts) {
        this.accounts = accounts;
        this.inbox = inbox;
        this.preferences = preferences;
        this.reminderDays = reminderDays;
        this.outbox = outbox;
        this.formats = formats;
    }

    /** The bell's content: swapped in by htmx on every page and every minute, without reloading the page. */
    @GetMapping("/notifications/bell")
    String bell(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("unread", inbox.unread(user.accountId()));
        return "notification/bell :: bell";
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Boolean unread,
                @RequestParam(required = false) @Nullable NotificationKind kind, @RequestParam(defaultValue = "0") int page,
                Model model) {
        model.addAttribute("notifications", inbox.page(user.accountId(), new Inbox.Filter(unread, kind),
                PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("unread", unread);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", NotificationKind.of(user.role()));
        model.addAttribute("unreadCount", inbox.unread(user.accountId()));
        return "notification/list";
    }

    @GetMapping("/notifications.xlsx")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Boolean unread,
                @RequestParam(required = false) @Nullable NotificationKind kind, HttpServletResponse response) throws IOException {
        Inbox.Filter filter = new Inbox.Filter(unread, kind);
        XlsxTable.of("Уведомления", Inbox.Item.class).zone(formats.zone())
                .column("Когда", 18, Inbox.Item::createdAt)
                .column("Вид", 30, i -> i.kind().label())
                .column("Заголовок", 60, Inbox.Item::title)
                .column("Текст", 80, Inbox.Item::text)
                .column("Прочитано", 10, Inbox.Item::read)
                .write(XlsxDownload.start(response, "Уведомления.xlsx"),
                        EveryPage.of(pageable -> inbox.page(user.accountId(), filter, pageable)));
    }

    /** Opens what a notification is about, marking it read. */
    @PostMapping("/notifications/{id}/open")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Inbox.Item item = inbox.markRead(user.accountId(), id);
        return "redirect:" + (item.link() != null && item.link().startsWith("/") ? item.link() : "/notifications");
    }

    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        inbox.markRead(user.accountId(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        int marked = inbox.markAllRead(user.accountId());
        redirect.addFlashAttribute("message", marked == 0 ? "Непрочитанных уведомлений нет" : "Все уведомления отмечены прочитанными");
        return "redirect:/notifications";
    }

    // ---- settings

    @GetMapping("/notifications/settings")
    String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
        fill(user, model, preferences.of(user.accountId(), user.role()));
        return "notification/settings";
    }

    private void fill(CurrentUser user, Model model, Preferences.Choice choice) {
        model.addAttribute("choice", choice);
        model.addAttribute("kinds", NotificationKind.of(user.role()));
        model.addAttribute("days", DAYS);
        model.addAttribute("mailEnabled", outbox.enabled());
        model.addAttribute("email", accounts.recipient(user.accountId()).map(r -> r.hasEmail() ? r.email() : null).orElse(null));
        model.addAttribute("history", preferences.history(user.accountId()));
        if (ReminderDays.keeps(user)) {
            model.addAttribute("reminderDays", reminderDays.of(user.regionId()));
            model.addAttribute("reminderHistory", reminderDays.history(user.regionId()));
        }
    }

    @PostMapping("/notifications/settings")
    String save(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) List<String> email,
                @RequestParam(required = false) Integer digestDay, @RequestParam(required = false) Long version,
                Model model, RedirectAttributes redirect) {
        Set<NotificationKind> appOnly = EnumSet.noneOf(NotificationKind.class);
        Set<String> byEmail = email == null ? Set.of() : Set.copyOf(email);
        for (NotificationKind kind : NotificationKind.of(user.role())) {
            if (!byEmail.contains(kind.name())) {
                appOnly.add(kind);
            }
        }
        try {
            if (digestDay != null && (digestDay < 1 || digestDay > 7)) {
                throw RuleViolationException.field("digestDay", "Выберите день недели из списка");
            }
            preferences.save(user, appOnly, digestDay == null ? null : DayOfWeek.of(digestDay), version);
            redirect.addFlashAttribute("message", "Настройки уведомлений сохранены");
            return "redirect:/notifications/settings";
        } catch (RuleViolationException | ConcurrentEditException e) {
            fill(user, model, preferences.of(user.accountId(), user.role()));
            model.addAttribute("error", e.getMessage());
            return "notification/settings";
        }
    }

    @PostMapping("/notifications/settings/reminder-days")
    String saveReminderDays(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String daysBefore,
                            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        if (!ReminderDays.keeps(user)) {
            throw RuleViolationException.forbidden("Дни напоминаний региона меняют региональные специалисты и администратор региона");
        }
        try {
            reminderDays.save(user, daysBefore, version);
            redirect.addFlashAttribute("message", "Дни напоминаний региона сохранены");
            return "redirect:/notifications/settings";
        } catch (RuleViolationException | ConcurrentEditException e) {
            fill(user, model, preferences.of(user.accountId(), user.role()));
            model.addAttribute("reminderError", e.getMessage());
            model.addAttribute("enteredDays", daysBefore);
            return "notification/settings";
        }
    }

    @GetMapping("/notifications/settings/history.xlsx")
    void history(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        try (OutputStream out = XlsxDownload.start(response, "История настроек уведомлений.xlsx")) {
            HistoryTable.write(out, preferences.history(user.accountId()), formats);
        }
    }

    @GetMapping("/notifications/settings/reminder-days/history.xlsx")
    void reminderHistory(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        if (!ReminderDays.keeps(user)) {
            throw RuleViolationException.forbidden("Дни напоминаний региона видят региональные специалисты и администратор региона");
        }
        try (OutputStream out = XlsxDownload.start(response, "История дней напоминаний.xlsx")) {
            HistoryTable.write(out, reminderDays.history(user.regionId()), formats);
        }
    }
}

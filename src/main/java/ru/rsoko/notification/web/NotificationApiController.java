package ru.rsoko.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.account.AccountService;
import ru.rsoko.notification.domain.Inbox;
import ru.rsoko.notification.domain.MailOutbox;
import ru.rsoko.notification.domain.NotificationKind;
import ru.rsoko.notification.domain.Preferences;
import ru.rsoko.platform.web.RuleViolationException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ru.rsoko.platform.web.ConcurrentEditException;

@RestController
@Tag(name = "Уведомления", description = "Уведомления вызывающего пользователя и его настройки")
class NotificationApiController {

    record NotificationJson(long id, String kind, String kindName, String title, String text, @Nullable String link,
                            @Nullable Long meetingId, @Nullable Long executionId, @Nullable Long campaignId,
                            Instant createdAt, boolean read) {

        static NotificationJson of(Inbox.Item i) {
            return new NotificationJson(i.id(), i.kind().name(), i.kind().label(), i.title(), i.text(), i.link(), i.meetingId(),
                    i.executionId(), i.campaignId(), i.createdAt(), i.read());
        }
    }

    /** One kind: whether it comes by e-mail too (in the app it always comes). */
    record KindJson(String kind, @Nullable String name, boolean email) {
    }

    record SettingsJson(List<KindJson> kinds, @Nullable String digestDay, long version, @Nullable String emailAddress,
                        boolean mailEnabled) {
    }

    record SettingsRequest(@Nullable List<KindJson> kinds, @Nullable String digestDay, @Nullable Long version) {
    }

    private final Inbox inbox;
    private final Preferences preferences;
    private final MailOutbox outbox;
    private final AccountService accounts;

    NotificationApiController(Inbox inbox, Preferences preferences, MailOutbox outbox, AccountService accounts) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.outbox = outbox;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "Уведомления вызывающего, новые сначала", description = "unread=true — только непрочитанные, false — только прочитанные.")
    PagedModel<NotificationJson> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Boolean unread,
                                      @RequestParam(required = false) @Nullable NotificationKind kind,
                                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new RuleViolationException("Номер страницы — от 0, размер страницы — от 1 до 500");
        }
        return new PagedModel<>(inbox.page(user.accountId(), new Inbox.Filter(unread, kind), PageRequest.of(page, size))
                .map(NotificationJson::of));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @Operation(summary = "Отметить уведомление прочитанным", description = "Чужое уведомление — 404.")
    NotificationJson read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return NotificationJson.of(inbox.markRead(user.accountId(), id));
    }

    @GetMapping("/api/v1/me/notification-settings")
    @Operation(summary = "Настройки уведомлений вызывающего: какие виды приходят и по e-mail, день еженедельной сводки")
    SettingsJson settings(@AuthenticationPrincipal CurrentUser user) {
        return json(user, preferences.of(user.accountId(), user.role()));
    }

    @PutMapping("/api/v1/me/notification-settings")
    @Operation(summary = "Изменить настройки уведомлений",
            description = "kinds — виды с признаком email (не названные виды остаются как были); digestDay — MONDAY…SUNDAY "
                    + "или null (сводку не присылать); version — из последнего чтения.")
    SettingsJson update(@AuthenticationPrincipal CurrentUser user, @RequestBody SettingsRequest request) {
        ConcurrentEditException.required(request.version());
        Preferences.Choice current = preferences.of(user.accountId(), user.role());
        Set<NotificationKind> appOnly = current.appOnly().isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(current.appOnly());
        List<NotificationKind> own = NotificationKind.of(user.role());
        if (request.kinds() != null) {
            for (KindJson k : request.kinds()) {
                NotificationKind kind = kind(k.kind());
                if (!own.contains(kind)) {
                    throw RuleViolationException.field("kinds", "Уведомления вида «" + kind.label() + "» не приходят пользователям с ролью «"
                            + user.role().label() + "»");
                }
                if (k.email()) {
                    appOnly.remove(kind);
                } else {
                    appOnly.add(kind);
                }
            }
        }
        DayOfWeek day = null;
        if (request.digestDay() != null && !request.digestDay().isBlank()) {
            try {
                day = DayOfWeek.valueOf(request.digestDay().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RuleViolationException.field("digestDay", "День сводки — MONDAY, TUESDAY, … SUNDAY или null");
            }
        }
        return json(user, preferences.save(user, appOnly, day, request.version()));
    }

    private static NotificationKind kind(@Nullable String name) {
        try {
            return NotificationKind.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.field("kinds", "Нет вида уведомлений «" + name + "»");
        }
    }

    private SettingsJson json(CurrentUser user, Preferences.Choice choice) {
        return new SettingsJson(NotificationKind.of(user.role()).stream()
                .map(k -> new KindJson(k.name(), k.label(), choice.byEmail(k))).toList(),
                choice.digestDay() == null ? null : choice.digestDay().name(), choice.version(),
                accounts.recipient(user.accountId()).map(r -> r.hasEmail() ? r.email() : null).orElse(null), outbox.enabled());
    }
}

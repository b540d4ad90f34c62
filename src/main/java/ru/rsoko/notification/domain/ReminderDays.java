package ru.rsoko.notification.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** How many days before a deadline a region reminds its people: 7 and 1 unless its staff chose otherwise. */
@Service
@Transactional
public class ReminderDays {

    static final String DEFAULT = "7,1";

    public record Setting(List<Integer> days, long version) {

        public String text() {
            return String.join(", ", days.stream().map(String::valueOf).toList());
        }
    }

    private final RegionReminderSettingRepository settings;
    private final Clock clock;
    private final ru.rsoko.platform.audit.AuditHistory auditHistory;

    ReminderDays(RegionReminderSettingRepository settings, Clock clock, ru.rsoko.platform.audit.AuditHistory auditHistory) {
        this.auditHistory = auditHistory;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Setting of(long regionId) {
        return settings.findById(regionId).map(s -> new Setting(parse(s.getDaysBefore()), s.getVersion() + 1))
                .orElseGet(() -> new Setting(parse(DEFAULT), 0));
    }

    /** Regional staff and the region's administrator keep the region's days. */
    public static boolean keeps(CurrentUser user) {
        return user.regionId() != null && (user.is(Role.REGION) || user.is(Role.ADMIN));
    }

    public Setting save(CurrentUser user, @Nullable String text, @Nullable Long version) {
        if (!keeps(user)) {
            throw RuleViolationException.forbidden("Дни напоминаний региона меняют региональные специалисты и администратор региона");
        }
        List<Integer> days = parse(text);
        long regionId = user.regionId();
        RegionReminderSetting row = settings.findById(regionId).orElse(null);
        if (row == null) {
            if (version != null && version != 0) {
                throw new ConcurrentEditException();
            }
            row = new RegionReminderSetting(regionId);
        } else if (version != null) {
            // the version shown is the stored row's + 1, so that a form read before the first save (0) is stale after it
            ConcurrentEditException.check(version, row.getVersion() + 1);
        }
        row.changed(String.join(",", days.stream().map(String::valueOf).toList()), clock.instant(), user.getUsername());
        settings.saveAndFlush(row);
        return new Setting(days, row.getVersion() + 1);
    }

    @Transactional(readOnly = true)
    public List<ru.rsoko.platform.audit.HistoryEntry> history(long regionId) {
        return auditHistory.of(RegionReminderSetting.class, regionId,
                ru.rsoko.platform.audit.HistoryFields.of(RegionReminderSetting.class)
                        .field("За сколько дней до срока напоминать", RegionReminderSetting::getDaysBefore));
    }

    /** «7, 1» → [7, 1]: one to five whole numbers of days from 1 to 60, largest first, each once. */
    static List<Integer> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw RuleViolationException.field("daysBefore", "Укажите, за сколько дней до срока напоминать: например, «7, 1»");
        }
        TreeSet<Integer> days = new TreeSet<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int day;
            try {
                day = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw RuleViolationException.field("daysBefore", "«" + abbreviate(part) + "» — не число дней: укажите целые числа через запятую, например «7, 1»");
            }
            if (day < 1 || day > 60) {
                throw RuleViolationException.field("daysBefore", "Напоминать можно за 1–60 дней до срока, а не за " + day);
            }
            days.add(day);
        }
        if (days.isEmpty() || days.size() > 5) {
            throw RuleViolationException.field("daysBefore", "Укажите от одного до пяти дней напоминаний через запятую");
        }
        return new ArrayList<>(days.descendingSet());
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }
}

package ru.rsoko.notification.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.web.ConcurrentEditException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each person chose: which kinds come in the app only (every kind also comes by e-mail unless chosen so), and the
 * day of the weekly digest (Monday for regional and municipal staff unless chosen otherwise, none for others).
 */
@Service
@Transactional
public class Preferences {

    /** A person's choices; {@code version} is 0 while they keep the defaults, and the stored row's version + 1 after. */
    public record Choice(Set<NotificationKind> appOnly, @Nullable DayOfWeek digestDay, long version) {

        public boolean byEmail(NotificationKind kind) {
            return !appOnly.contains(kind);
        }
    }

    private final NotificationPreferenceRepository preferences;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ru.rsoko.platform.audit.AuditHistory auditHistory;

    Preferences(NotificationPreferenceRepository preferences, JdbcTemplate jdbc, Clock clock,
                ru.rsoko.platform.audit.AuditHistory auditHistory) {
        this.auditHistory = auditHistory;
        this.preferences = preferences;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static Choice defaults(Role role) {
        return new Choice(EnumSet.noneOf(NotificationKind.class),
                role == Role.REGION || role == Role.MUNICIPALITY ? DayOfWeek.MONDAY : null, 0);
    }

    @Transactional(readOnly = true)
    public Choice of(long accountId, Role role) {
        return preferences.findById(accountId).map(Preferences::choice).orElseGet(() -> defaults(role));
    }

    /** The stored choices of these accounts (one query); accounts without a row are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Choice> stored(Collection<Long> accountIds) {
        Map<Long, Choice> found = new HashMap<>();
        if (accountIds.isEmpty()) {
            return found;
        }
        jdbc.query("select account_id, app_only_kinds, digest_day, version from notification_preference where account_id = any(?)",
                rs -> {
                    found.put(rs.getLong(1), new Choice(kinds(rs.getString(2)),
                            rs.getObject(3) == null ? null : DayOfWeek.of(rs.getInt(3)), rs.getLong(4) + 1));
                }, (Object) accountIds.toArray(Long[]::new));
        return found;
    }

    public Choice save(CurrentUser user, Set<NotificationKind> appOnly, @Nullable DayOfWeek digestDay, @Nullable Long version) {
        NotificationPreference row = preferences.findById(user.accountId()).orElse(null);
        if (row == null) {
            if (version != null && version != 0) {
                throw new ConcurrentEditException();
            }
            row = new NotificationPreference(user.accountId());
        } else if (version != null) {
            ConcurrentEditException.check(version, row.getVersion() + 1);
        }
        List<NotificationKind> own = NotificationKind.of(user.role());
        row.setAppOnlyKinds(appOnly.stream().filter(own::contains).map(Enum::name).sorted().collect(Collectors.joining(",")));
        row.setDigestDay(digestDay == null ? null : (short) digestDay.getValue());
        row.setUpdatedAt(clock.instant());
        preferences.saveAndFlush(row);
        return choice(row);
    }

    /** Who changed the person's choices when, and how. */
    @Transactional(readOnly = true)
    public List<ru.rsoko.platform.audit.HistoryEntry> history(long accountId) {
        return auditHistory.of(NotificationPreference.class, accountId,
                ru.rsoko.platform.audit.HistoryFields.of(NotificationPreference.class)
                        .field("Только в системе, без e-mail", p -> kinds(p.getAppOnlyKinds()).stream()
                                .map(NotificationKind::label).collect(Collectors.joining("; ")))
                        .field("День сводки", p -> p.getDigestDay() == null ? "не присылать"
                                : DayOfWeek.of(p.getDigestDay()).getDisplayName(java.time.format.TextStyle.FULL,
                                java.util.Locale.forLanguageTag("ru"))));
    }

    private static Choice choice(NotificationPreference row) {
        return new Choice(kinds(row.getAppOnlyKinds()), row.getDigestDay() == null ? null : DayOfWeek.of(row.getDigestDay()),
                row.getVersion() + 1);
    }

    private static Set<NotificationKind> kinds(@Nullable String stored) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(String::strip).forEach(name -> {
                try {
                    kinds.add(NotificationKind.valueOf(name));
                } catch (IllegalArgumentException retired) {
                    // a kind a later release dropped
                }
            });
        }
        return kinds;
    }
}

package ru.rsoko.notification.domain;

import ru.rsoko.access.Role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a notification is about; a person chooses per kind whether it also comes by e-mail. The roles are those a kind
 * can reach: decisions and their deadlines reach whoever belongs to the responsible organisation, an administrator too.
 */
public enum NotificationKind {
    DECISIONS_ADDRESSED("Решения для вашей организации", "bi-send", EnumSet.allOf(Role.class)),
    EXECUTION_COMMENTED("Комментарий к отчёту о поручении", "bi-chat-left-text", EnumSet.allOf(Role.class)),
    DEADLINE_SOON("Приближается срок поручения", "bi-alarm", EnumSet.allOf(Role.class)),
    DEADLINE_MISSED("Срок поручения истёк", "bi-exclamation-triangle", EnumSet.allOf(Role.class)),
    OVERDUE_ESCALATED("Просроченные поручения подведомственных", "bi-arrow-up-circle", EnumSet.of(Role.MUNICIPALITY, Role.REGION)),
    CAMPAIGN_OPENED("Открыт приём самооценки ВСОКО", "bi-clipboard-check", EnumSet.of(Role.SCHOOL)),
    SELF_ASSESSMENT_DUE("Срок представления самооценки ВСОКО", "bi-hourglass-split", EnumSet.of(Role.SCHOOL)),
    SELF_ASSESSMENT_RETURNED("Самооценка возвращена на доработку", "bi-arrow-return-left", EnumSet.of(Role.SCHOOL)),
    SELF_ASSESSMENT_APPROVED("Самооценка согласована муниципалитетом", "bi-check2", EnumSet.of(Role.SCHOOL)),
    SELF_ASSESSMENT_ACCEPTED("Самооценка принята", "bi-check2-circle", EnumSet.of(Role.SCHOOL)),
    RESULTS_PUBLISHED("Опубликованы результаты ВСОКО", "bi-bar-chart", EnumSet.of(Role.SCHOOL, Role.MUNICIPALITY)),
    PROCEDURE_CHANGED("Изменение плана-графика", "bi-calendar-event", EnumSet.of(Role.SCHOOL, Role.MUNICIPALITY)),
    SCHOOL_LISTED("Школа включена в перечень", "bi-flag", EnumSet.of(Role.SCHOOL, Role.MUNICIPALITY)),
    DIGEST("Еженедельная сводка", "bi-journal-text", EnumSet.of(Role.REGION, Role.MUNICIPALITY, Role.SCHOOL)),
    LOGIN_THROTTLED("Неудачные попытки входа в вашу учётную запись", "bi-shield-exclamation", EnumSet.allOf(Role.class));

    private final String label;
    private final String icon;
    private final Set<Role> roles;

    NotificationKind(String label, String icon, Set<Role> roles) {
        this.label = label;
        this.icon = icon;
        this.roles = roles;
    }

    public String label() {
        return label;
    }

    public String icon() {
        return icon;
    }

    /** The kinds a person of the role can get, for their settings page. */
    public static List<NotificationKind> of(Role role) {
        return Arrays.stream(values()).filter(k -> k.roles.contains(role)).toList();
    }
}

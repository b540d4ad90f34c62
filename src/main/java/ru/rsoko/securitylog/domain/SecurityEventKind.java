package ru.rsoko.securitylog.domain;

/** What a security log row records; the label is what administrators read. */
public enum SecurityEventKind {
    LOGIN("Вход"),
    LOGIN_FAILED("Неудачный вход"),
    LOGIN_THROTTLED("Вход приостановлен"),
    THROTTLE_RELEASED("Ограничение входа снято"),
    LOGOUT("Выход"),
    PASSWORD_CHANGED("Смена пароля"),
    PASSWORD_RESET("Сброс пароля"),
    ROLE_CHANGED("Смена роли"),
    ACCOUNT_CREATED("Создана учётная запись"),
    ACCOUNT_CHANGED("Изменена область доступа"),
    ACCOUNT_DISABLED("Учётная запись отключена"),
    ACCOUNT_ENABLED("Учётная запись включена"),
    TOKEN_CREATED("Создан токен API"),
    TOKEN_REVOKED("Отозван токен API"),
    DOWNLOAD("Выгрузка по региону");

    private final String label;

    SecurityEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package ru.rsoko.support;

import java.util.Locale;

/** The ten federal risk factors of the «500+» project (the school's risk profile); codes kept in {@code support_risk.factor}. */
public enum RiskFactor {
    EQUIPMENT("Низкий уровень оснащения школы"),
    STAFF_SHORTAGE("Дефицит педагогических кадров"),
    TEACHER_COMPETENCE("Недостаточная предметная и методическая компетентность педагогических работников"),
    LOW_ADAPTIVITY("Риски низкой адаптивности учебного процесса"),
    NO_INTERNAL_TRAINING("Несформированность внутришкольной системы повышения квалификации"),
    FAILURE_RISK_PUPILS("Высокая доля обучающихся с рисками учебной неуспешности"),
    LANGUAGE_BARRIERS("Низкое качество преодоления языковых и культурных барьеров"),
    SCHOOL_ENVIRONMENT("Пониженный уровень качества школьной образовательной и воспитательной среды"),
    SPECIAL_NEEDS("Высокая доля обучающихся с ОВЗ"),
    PARENTS_INVOLVEMENT("Низкий уровень вовлечённости родителей");

    private final String label;

    RiskFactor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A factor by its code or its wording (case and «ё» ignored); null if none fits. */
    public static RiskFactor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        for (RiskFactor f : values()) {
            if (f.name().equalsIgnoreCase(t) || f.label.toLowerCase(Locale.ROOT).replace('ё', 'е').equals(t)) {
                return f;
            }
        }
        return null;
    }
}

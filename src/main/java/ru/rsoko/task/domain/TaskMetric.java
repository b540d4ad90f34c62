package ru.rsoko.task.domain;

/** A figure the product computes from its records, against which a task's target is checked. */
public enum TaskMetric {
    VPR_COVERAGE("Охват участием в ВПР", "участников от числа обучающихся на процедурах плана-графика с целевым охватом"),
    OBSERVER_SHARE("Общественные наблюдатели во всех ОО",
            "доля школ, где на всех процедурах с обязательным наблюдением присутствовали общественные наблюдатели"),
    VSOKO_FORMED_SHARE("Сформированность ВСОКО", "доля школ с результатом «ВСОКО сформирована» в исследовании года"),
    DECISIONS_ON_TIME_SHARE("Поручения выполнены в срок",
            "доля разовых поручений со сроком в этом году, выполненных не позже срока, из наступивших и выполненных"),
    PLAN_ON_TIME_SHARE("Выполнение плана-графика в срок",
            "доля процедур утверждённого плана-графика, проведённых в срок, из тех, чей срок наступил");

    private final String label;
    private final String definition;

    TaskMetric(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }
}

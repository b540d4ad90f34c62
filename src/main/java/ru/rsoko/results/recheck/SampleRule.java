package ru.rsoko.results.recheck;

import ru.rsoko.platform.web.Badge;

/** How a re-check's schools are chosen (recheck.sample_rule). */
public enum SampleRule implements Badge {
    RANDOM("Случайная выборка", "ОО выбираются случайно среди ОО с результатами процедуры (или её участников)"),
    SIGNS("ОО с признаками", "ОО, у которых правила региона находят признаки необъективности в этом предмете и классе"),
    LISTED("ОО из списков года", "ОО из списков года: ШНОР и с признаками необъективности");

    private final String label;
    private final String description;

    SampleRule(String label, String description) {
        this.label = label;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    @Override
    public String badgeClass() {
        return "text-bg-light border";
    }
}

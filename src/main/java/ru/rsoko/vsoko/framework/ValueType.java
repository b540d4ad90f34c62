package ru.rsoko.vsoko.framework;

/** How an indicator is answered, and so how its value is read, shown, typed and scored. */
public enum ValueType {
    YES_NO("да / нет"),
    NUMBER("число"),
    PERCENT("процент"),
    CHOICE("выбор из вариантов");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Answered «да» or «нет». */
    public boolean isYesNo() {
        return this == YES_NO;
    }

    /** Answered with one of the indicator's options. */
    public boolean isChoice() {
        return this == CHOICE;
    }

    /** Answered with a number typed in (a count or a percentage). */
    public boolean isTyped() {
        return this == NUMBER || this == PERCENT;
    }

    public boolean isPercent() {
        return this == PERCENT;
    }

    /** A count, which may have a target giving the full points. */
    public boolean isNumber() {
        return this == NUMBER;
    }
}

package ru.rsoko.vsoko;

/** How an indicator is answered, and so how its value is read, shown and scored. */
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
}

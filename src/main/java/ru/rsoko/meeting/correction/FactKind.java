package ru.rsoko.meeting.correction;

/** The kinds of facts a person corrects, as the corpus counts them. */
public enum FactKind {
    DATE("дата"),
    NUMBER("номер документа"),
    SPEAKER("выступившие"),
    /** a decision the parser missed or found where there was none */
    DECISION("состав решений"),
    DECISION_NUMBER("номер решения"),
    DECISION_TEXT("текст решения"),
    RESPONSIBLE("ответственные"),
    DEADLINE("срок");

    private final String label;

    FactKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

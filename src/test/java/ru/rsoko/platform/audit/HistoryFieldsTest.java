package ru.rsoko.platform.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a history entry shows of a state that changed, and of a field that says what one change did. */
class HistoryFieldsTest {

    record Record(String status, String reportedFor) {
    }

    static final HistoryFields<Record> FIELDS = HistoryFields.of(Record.class)
            .field("Статус", Record::status)
            .event("Отчёт подан за", Record::reportedFor);

    @Test
    void aStateShowsWhatItWasAndAnEventOnlyWhatHappened() {
        Record first = new Record("Не начато", "1 период (01.01.2024 – 31.03.2024)");
        Record second = new Record("В работе", "2 периода (01.04.2024 – 30.06.2024, 01.07.2024 – 30.09.2024)");
        assertThat(FIELDS.changes(first, second)).containsExactly(
                new FieldChange("Статус", "Не начато", "В работе"),
                new FieldChange("Отчёт подан за", null, "2 периода (01.04.2024 – 30.06.2024, 01.07.2024 – 30.09.2024)"));
        // a later change of something else does not repeat the event
        assertThat(FIELDS.changes(second, new Record("Не начато", second.reportedFor())))
                .containsExactly(new FieldChange("Статус", "В работе", "Не начато"));
        // the first revision shows the event too
        assertThat(FIELDS.changes(null, first)).contains(new FieldChange("Отчёт подан за", null, first.reportedFor()));
    }
}

package ru.rsoko.meeting.correction;

import org.junit.jupiter.api.Test;
import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.domain.ImportForm;
import ru.rsoko.meeting.domain.ProtocolDrafts;
import ru.rsoko.meeting.protocol.ProtocolDraft;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a correction of a draft, and what the confirmed facts say, without the application. */
class CorrectedFactsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    static ProtocolDraft draft(LocalDate date, String number) {
        return new ProtocolDraft("Совещание", "О ВПР", number, date, null, null, null, List.of(),
                List.of(new ProtocolDraft.AgendaItem("1", "О ВПР", List.of("Иванова Ирина Петровна, начальник отдела"), null,
                        List.of("Иванова И.П."))),
                List.of(new ProtocolDraft.Decision(null, "Информацию принять к сведению.", List.of("руководители МОУО"),
                                new Deadline(DeadlineKind.BY_DATE, LocalDate.of(2022, 12, 15), null, "до 15 декабря 2022 года")),
                        new ProtocolDraft.Decision(null, "Обеспечить объективность ВПР", List.of("руководители ОО", "ТОИПКРО (Сидорова С.В.)"),
                                new Deadline(DeadlineKind.ONGOING, null, null, "постоянно"))),
                List.of());
    }

    /** The form the draft page shows, as the person gets it. */
    /** The form exactly as the import page offers the draft. */
    static ImportForm form(ProtocolDraft draft, LocalDate today) {
        return new ProtocolDrafts().toForm(draft, today);
    }

    @Test
    void whatTheFormFillsInByItselfIsNoCorrection() {
        // no date found (the form offers today), unnumbered decisions (the form numbers them by place)
        ProtocolDraft draft = draft(null, null);
        ProtocolFacts parsed = ProtocolFacts.of(draft);
        ProtocolFacts confirmed = CorrectedFacts.confirmed(form(draft, TODAY), draft, parsed, TODAY);
        assertThat(confirmed).isEqualTo(parsed);
        assertThat(confirmed.date()).isNull();
        assertThat(confirmed.decisions()).extracting(ProtocolFacts.Decision::number).containsOnlyNulls();
        assertThat(confirmed.decisions().get(1).responsible()).containsExactly("руководители ОО", "ТОИПКРО (Сидорова С.В.)");
        assertThat(CorrectedFacts.differences(parsed, confirmed)).isEmpty();
    }

    @Test
    void eachCorrectedFactIsCountedOnce() {
        ProtocolDraft draft = draft(LocalDate.of(2022, 11, 24), "358");
        ProtocolFacts parsed = ProtocolFacts.of(draft);
        ImportForm form = form(draft, TODAY);
        form.getMeeting().setDate(LocalDate.of(2022, 11, 25));
        form.getAgenda().getFirst().setSpeakers("Иванова Ирина Петровна, начальник отдела\nС.А. Петров");
        form.getDecisions().getFirst().setResponsibleText("руководители МОУО; МКУ «РМК» (Сидорова С.В.)");
        form.getDecisions().get(1).setDeadlineKind(null);
        form.getDecisions().get(1).setDeadlineText("в течение 2022-2023 учебного года");
        form.getDecisions().get(1).setText("Обеспечить объективность ВПР.   ");

        ProtocolFacts confirmed = CorrectedFacts.confirmed(form, draft, parsed, TODAY);
        assertThat(confirmed.date()).isEqualTo("2022-11-25");
        assertThat(confirmed.number()).isEqualTo("358");
        assertThat(confirmed.speakers()).containsExactly("Иванова И.П.", "Петров С.А.");
        assertThat(confirmed.decisions().getFirst().responsible()).containsExactly("руководители МОУО", "МКУ «РМК» (Сидорова С.В.)");
        assertThat(confirmed.decisions().get(1).deadline().kind()).isEqualTo("WITHIN_PERIOD");
        assertThat(confirmed.decisions().get(1).deadline().start()).isNotNull();
        assertThat(CorrectedFacts.differences(parsed, confirmed)).containsExactly(
                new FactDifference(FactKind.DATE, null),
                new FactDifference(FactKind.SPEAKER, "Петров С.А."),
                new FactDifference(FactKind.RESPONSIBLE, "№ 1 по порядку"),
                new FactDifference(FactKind.DEADLINE, "№ 2 по порядку"));
    }

    @Test
    void aDecisionAddedOrRemovedIsOneFact() {
        ProtocolDraft draft = draft(LocalDate.of(2022, 11, 24), null);
        ProtocolFacts parsed = ProtocolFacts.of(draft);
        ImportForm form = form(draft, TODAY);
        form.getDecisions().remove(1);
        assertThat(CorrectedFacts.differences(parsed, CorrectedFacts.confirmed(form, draft, parsed, TODAY)))
                .containsExactly(new FactDifference(FactKind.DECISION, "№ 2 по порядку"));
    }

    @Test
    void anExportedCaseReadsBackAsTheSameFacts() {
        tools.jackson.databind.ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        ProtocolFacts facts = new ProtocolFacts("из исправленного импорта", null, "3-р", List.of("Петров С.А."), List.of(
                new ProtocolFacts.Decision(null, "Информацию принять к сведению", List.of(), null),
                new ProtocolFacts.Decision("2", "Провести пробные экзамены", List.of("руководители ОО"),
                        new ProtocolFacts.Deadline("WITHIN_PERIOD", "2023-02-28", "2023-02-01"))));
        String text = new ProtocolCorrections(null, null, null, json, null, null).corpusJson(facts);
        assertThat(text).isEqualTo("""
                {
                  "layout": "из исправленного импорта",
                  "date": null,
                  "number": "3-р",
                  "speakers": ["Петров С.А."],
                  "decisions": [
                    {"number":null,"text":"Информацию принять к сведению","responsible":[],"deadline":null},
                    {"number":"2","text":"Провести пробные экзамены","responsible":["руководители ОО"],"deadline":{"kind":"WITHIN_PERIOD","due":"2023-02-28","start":"2023-02-01"}}
                  ]
                }
                """);
        assertThat(json.readValue(text, ProtocolFacts.class)).isEqualTo(facts);
    }

    @Test
    void speakersAreNamedAsTheCorpusNamesThem() {
        assertThat(Speakers.names(List.of("Вторина Елена Вениаминовна, заместитель начальника", "Е.В. Вторина",
                "Пивоваров В.О. – программист", "руководители МОУО: ЗАТО Северск"))).containsExactly("Вторина Е.В.", "Пивоваров В.О.");
    }
}

package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.protocol.ProtocolDraft.AgendaItem;
import ru.rsoko.meeting.protocol.ProtocolDraft.Decision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static ru.rsoko.meeting.protocol.ProtocolSamples.SEED_002;
import static ru.rsoko.meeting.protocol.ProtocolSamples.SEED_004;
import static ru.rsoko.meeting.protocol.ProtocolSamples.docxWithTypedNumbers;
import static ru.rsoko.meeting.protocol.ProtocolSamples.docxWithWordNumbering;
import static ru.rsoko.meeting.protocol.ProtocolSamples.stream;
import static ru.rsoko.meeting.protocol.ProtocolSamples.text;

/** The real documents of the seeds: a protocol behind its covering letter, and an announced meeting's agenda. */
class ProtocolParserSeedsTest {

    private final ProtocolParser parser = new ProtocolParser();

    @Nested
    class Seed002CoveringLetterAndProtocol {

        private final String source = text(SEED_002);
        private final ProtocolDraft draft = parser.parse(source);

        @Test
        void theMeetingNotTheLetter() {
            assertThat(draft.kind()).isEqualTo("Семинара-совещания");
            assertThat(draft.title()).isEqualTo("Управление качеством образования в Томской области: от региона к школе");
            assertThat(draft.date()).as("the meeting, not the letter of 06.05.2021").isEqualTo(LocalDate.of(2021, 4, 16));
            assertThat(draft.time()).isEqualTo(LocalTime.of(11, 0));
            assertThat(draft.place()).isEqualTo("г.Томск, ул. Пирогова, 10");
            assertThat(draft.chair()).isEqualTo(
                    "Вторина Елена Вениаминовна - заместитель начальника Департамента общего образования Томской области");
        }

        @Test
        void participantsOneALine() {
            assertThat(draft.participants()).hasSize(6);
            assertThat(draft.participants().get(0)).isEqualTo("руководители органов местного самоуправления, "
                    + "осуществляющих управление в сфере образования (далее – руководители МОУО) (дистанционно)");
            assertThat(draft.participants().get(5))
                    .isEqualTo("заместители руководителей общеобразовательных организаций (дистанционно)");
        }

        @Test
        void fiveAgendaItemsEachWithItsSpeaker() {
            assertThat(draft.agenda()).extracting(AgendaItem::number).containsExactly("1", "2", "3", "4", "5");
            assertThat(draft.agenda().get(0).title())
                    .isEqualTo("Вступительное слово. Управление результатами мониторинговых исследований в Томской области.");
            assertThat(draft.agenda()).extracting(AgendaItem::speakers).containsExactly(
                    List.of("Вторина Елена Вениаминовна, заместитель начальника Департамента общего образования "
                            + "Томской области (далее – ДОО ТО)"),
                    List.of("Пивоваров Вячеслав Олегович, программист центра мониторинга и оценки качества образования ТОИПКРО"),
                    List.of("Сербина Наталья Павловна, заведующий центром мониторинга и оценки качества образования ТОИПКРО"),
                    List.of("Сербина Наталья Павловна, заведующий центром мониторинга и оценки качества образования ТОИПКРО"),
                    List.of("Неверова Вера Васильевна, председатель комитета мониторинга и управления качеством образования ДОО ТО"));
            assertThat(draft.agenda()).extracting(AgendaItem::heard).containsOnlyNulls();
        }

        @Test
        void tenDecisionsWithResponsiblePartiesAndDeadlines() {
            assertThat(draft.decisions()).extracting(Decision::number)
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(draft.decisions().get(0).text()).isEqualTo("Активизировать работу по использованию электронного "
                    + "банка тренировочных заданий по оценке функциональной грамотности (https://fg.reshe.edu.ru/).");
            assertThat(draft.decisions())
                    .extracting(Decision::responsible, d -> d.deadline().kind(), d -> d.deadline().dueDate(),
                            d -> d.deadline().originalText())
                    .containsExactly(
                            tuple(List.of("руководители ОО"), DeadlineKind.BY_DATE, LocalDate.of(2021, 5, 31),
                                    "до 31 мая 2021 года"),
                            tuple(List.of("руководители МОУО", "руководители ОО"), DeadlineKind.BY_DATE_THEN_ONGOING,
                                    LocalDate.of(2021, 6, 10), "до 10 июня 2021 года, далее - постоянно"),
                            tuple(List.of("руководители ОО"), DeadlineKind.BY_DATE, LocalDate.of(2021, 8, 15),
                                    "до 15 августа 2021 года"),
                            tuple(List.of("руководители ОО"), DeadlineKind.BY_DATE, LocalDate.of(2021, 8, 15),
                                    "до 15 августа 2021 года"),
                            tuple(List.of("руководители МОУО", "руководители ОО"), DeadlineKind.BY_DATE,
                                    LocalDate.of(2021, 9, 15), "до 15 сентября 2021 года"),
                            tuple(List.of("руководители МОУО", "руководители ОО"), DeadlineKind.OTHER,
                                    LocalDate.of(2025, 12, 31),
                                    "в соответствии со сроками плана мероприятий Концепции до 2025 года"),
                            tuple(List.of("руководители МОУО", "руководители ОО"), DeadlineKind.ONGOING, null, "постоянно"),
                            tuple(List.of("руководители ОО"), DeadlineKind.AFTER_EACH_PROCEDURE, null,
                                    "постоянно по итогам процедур оценки качества образования"),
                            tuple(List.of("ТОИПКРО", "руководители МОУО", "руководители ОО"), DeadlineKind.ONGOING, null,
                                    "постоянно"),
                            tuple(List.of("руководители МОУО", "руководители ОО"), DeadlineKind.ONGOING, null, "постоянно"));
        }

        @Test
        void theLetterAndTheSignatureAreUnplacedNotLost() {
            assertThat(draft.unplaced()).startsWith("ДЕПАРТАМЕНТ", "ОБЩЕГО ОБРАЗОВАНИЯ", "ТОМСКОЙ ОБЛАСТИ")
                    .contains("06.05.2021 № 57-2751", "Уважаемые руководители!", "И.Б.Грабцевич",
                            "sysolyatinana@edu.tomsk.gov.ru")
                    .endsWith("Е.В. Вторина");
            DraftCoverage.assertEveryLineKept(source, draft);
        }

        @Test
        void theSameFromWordWithTypedNumbers() {
            assertThat(parser.parse(stream(docxWithTypedNumbers(source))).withoutSources()).isEqualTo(draft.withoutSources());
        }

        @Test
        void theSameFromWordWithAutomaticNumbering() {
            assertThat(parser.parse(stream(docxWithWordNumbering(source))).withoutSources()).isEqualTo(draft.withoutSources());
        }
    }

    @Nested
    class Seed004AnnouncementWithAgenda {

        private final String source = text(SEED_004);
        private final ProtocolDraft draft = parser.parse(source);

        @Test
        void theMeetingOfTheAppendixNotTheLetter() {
            assertThat(draft.kind()).isEqualTo("Совещание");
            assertThat(draft.title()).isEqualTo("Совещание по вопросам управления оценкой качества образования");
            assertThat(draft.date()).as("not the letter's 26.10.2020").isEqualTo(LocalDate.of(2020, 10, 27));
            assertThat(draft.time()).isEqualTo(LocalTime.of(10, 0));
            assertThat(draft.place()).isNull();
            assertThat(draft.chair()).isNull();
            assertThat(draft.participants()).isEmpty();
        }

        @Test
        void fiveItemsWithSpeakersAndCategoriesOfMunicipalities() {
            List<AgendaItem> agenda = draft.agenda();
            assertThat(agenda).extracting(AgendaItem::number).containsExactly("1", "2", "3", "4", "5");
            assertThat(agenda.get(0).speakers()).containsExactly("Илюхин Б.В., директор научно-исследовательского "
                    + "центра систем оценки и управления качеством образования ФИРО РАНХИГС");
            assertThat(agenda.get(2).speakers())
                    .containsExactly("руководители МОУО: ЗАТО Северск, ГО Стрежевой, г.Томска, Томского района");
            assertThat(agenda.get(2).title()).as("the remark is kept with its item")
                    .startsWith("О работе муниципальных органов управления образования (далее - МОУО)")
                    .endsWith("(выступление до 3 минут)");
            assertThat(agenda.get(4).speakers()).containsExactly(
                    "Панова Е.В., проректор по учебно-методической и организационной работе ТОИПКРО",
                    "руководители МОУО: Асиновского района, Каргасокского района");
        }

        @Test
        void noDecisions() {
            assertThat(draft.decisions()).isEmpty();
        }

        @Test
        void theLetterIsUnplacedNotLost() {
            assertThat(draft.unplaced()).contains("26.10.2020 № 57-5129", "О направлении информации",
                    "от 26.10.2020 № 54-5129");
            DraftCoverage.assertEveryLineKept(source, draft);
        }

        @Test
        void theSameFromWordWithTypedNumbers() {
            assertThat(parser.parse(stream(docxWithTypedNumbers(source))).withoutSources()).isEqualTo(draft.withoutSources());
        }

        @Test
        void theSameFromWordWithAutomaticNumbering() {
            assertThat(parser.parse(stream(docxWithWordNumbering(source))).withoutSources()).isEqualTo(draft.withoutSources());
        }
    }

    @Test
    void textsThatAreNoProtocolAreKeptWhole() {
        for (String seed : List.of("000_6826cf20f8fe1bc5.txt", "001_911b74e775439c8d.txt")) {
            String source = text(seed);
            ProtocolDraft draft = parser.parse(source);

            assertThat(draft.decisions()).as(seed).isEmpty();
            assertThat(draft.date()).as(seed).isNull();
            assertThat(draft.unplaced()).as(seed).isNotEmpty();
            DraftCoverage.assertEveryLineKept(source, draft);
        }
    }
}

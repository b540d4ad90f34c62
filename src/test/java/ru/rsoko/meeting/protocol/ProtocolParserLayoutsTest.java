package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.protocol.ProtocolDraft.AgendaItem;
import ru.rsoko.meeting.protocol.ProtocolDraft.Decision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static ru.rsoko.meeting.protocol.ProtocolSamples.docxWithWordNumbering;
import static ru.rsoko.meeting.protocol.ProtocolSamples.stream;
import static ru.rsoko.meeting.protocol.ProtocolSamples.text;

/** Protocols laid out as other municipalities and regions write them, not only as the seeds. */
class ProtocolParserLayoutsTest {

    private final ProtocolParser parser = new ProtocolParser();

    @Nested
    class DistrictMeetingWithOneBlockPerItem {

        private final String source = text("district-per-item.txt");
        private final ProtocolDraft draft = parser.parse(source);

        @Test
        void header() {
            assertThat(draft.kind()).isEqualTo("совещания");
            assertThat(draft.title()).isEqualTo("совещания руководителей общеобразовательных организаций Асиновского района");
            assertThat(draft.date()).isEqualTo(LocalDate.of(2021, 9, 15));
            assertThat(draft.time()).isNull();
            assertThat(draft.place()).isEqualTo("г. Асино");
            assertThat(draft.chair()).isEqualTo("Иванова Ирина Петровна, начальник Управления образования");
            assertThat(draft.participants())
                    .containsExactly("руководители ОО (14 человек), специалисты Управления образования (3 человека)");
        }

        @Test
        void eachItemKeepsWhatWasHeardAndSaid() {
            assertThat(draft.agenda()).extracting(AgendaItem::number).containsExactly("1", "2");
            assertThat(draft.agenda().get(0).heard()).isEqualTo(
                    "Сидорову Светлану Викторовну, методиста РМК, которая представила анализ результатов ВПР по школам района.\n"
                            + "ВЫСТУПИЛИ: Кузнецов К.К., директор МБОУ «СОШ № 1 г. Асино», о мерах по повышению объективности оценивания.");
            assertThat(draft.agenda().get(1).heard()).startsWith("Смирнова Павла Андреевича");
        }

        @Test
        void decisionsNumberedWithinTheirItem() {
            assertThat(draft.decisions())
                    .extracting(Decision::number, Decision::responsible, d -> d.deadline().kind(), d -> d.deadline().dueDate())
                    .containsExactly(
                            tuple("1.1", List.of(), DeadlineKind.BY_DATE, LocalDate.of(2021, 10, 1)),
                            tuple("1.2", List.of("руководители ОО"), DeadlineKind.BY_DATE, LocalDate.of(2021, 10, 15)),
                            tuple("2.1", List.of("Смирнов П.А."), DeadlineKind.WITHIN_PERIOD, LocalDate.of(2021, 9, 30)),
                            tuple("2.2", List.of("руководители ОО, имеющих признаки ШНОР"), DeadlineKind.WITHIN_PERIOD,
                                    LocalDate.of(2022, 8, 31)));
            assertThat(draft.decisions().get(2).text())
                    .isEqualTo("Утвердить муниципальный план поддержки ШНОР на 2021-2022 учебный год.");
        }

        @Test
        void secretaryAndSignaturesAreUnplaced() {
            assertThat(draft.number()).as("the protocol's number is the draft's, not unplaced").isEqualTo("4");
            assertThat(draft.unplaced()).containsExactly("Управление образования Администрации Асиновского района",
                    "Секретарь – Петрова Анна Сергеевна, методист РМК", "Председатель И.П. Иванова",
                    "Секретарь А.С. Петрова");
            DraftCoverage.assertEveryLineKept(source, draft);
        }

        @Test
        void theSameFromWordWithATwoLevelAutomaticList() {
            assertThat(parser.parse(stream(docxWithWordNumbering(source))).withoutSources()).isEqualTo(draft.withoutSources());
        }
    }

    @Nested
    class DecisionsGroupedUnderAddressees {

        private final String source = text("addressee-headings.txt");
        private final ProtocolDraft draft = parser.parse(source);

        @Test
        void labelledDateTimeAndPlace() {
            assertThat(draft.kind()).isEqualTo("заседания");
            assertThat(draft.date()).isEqualTo(LocalDate.of(2021, 11, 12));
            assertThat(draft.time()).isEqualTo(LocalTime.of(14, 0));
            assertThat(draft.place()).isEqualTo("ТОИПКРО, ул. Пирогова, 10, ауд. 210");
            assertThat(draft.chair()).startsWith("Сербина Н.П., заведующий центром");
            assertThat(draft.participants()).containsExactly("представители МОУО (18 муниципальных образований)",
                    "методисты ТОИПКРО");
        }

        @Test
        void severalSpeakersSeparatedBySemicolons() {
            assertThat(draft.agenda().get(0).speakers())
                    .containsExactly("Пивоваров В.О., программист ТОИПКРО", "Сербина Н.П., заведующий центром");
        }

        @Test
        void theHeadingIsTheResponsiblePartyOfTheDecisionsBelowIt() {
            assertThat(draft.decisions()).extracting(Decision::number, Decision::responsible).containsExactly(
                    tuple("1", List.of("Руководителям ОУ")), tuple("2", List.of("Руководителям ОУ")),
                    tuple("3", List.of("Руководителям МОУО")), tuple("4", List.of("Руководителям МОУО")),
                    tuple("5", List.of("ТОИПКРО")), tuple("6", List.of("Пивоваров В.О.")));
        }

        @Test
        void bracketedDeadlinesAtTheEndOfTheLine() {
            assertThat(draft.decisions().get(0).text()).as("a deadline written inside the wording stays in it").isEqualTo(
                    "Обеспечить участие обучающихся 8 классов в региональной диагностике функциональной грамотности"
                            + " (срок – до 10 декабря 2021 г.).");
            assertThat(draft.decisions()).extracting(Decision::deadline).extracting(Deadline::kind, Deadline::dueDate)
                    .containsExactly(
                            tuple(DeadlineKind.BY_DATE, LocalDate.of(2021, 12, 10)),
                            tuple(DeadlineKind.BY_DATE, LocalDate.of(2022, 2, 1)),
                            tuple(DeadlineKind.OTHER, null),
                            tuple(DeadlineKind.ONGOING, null),
                            tuple(DeadlineKind.WITHIN_PERIOD, LocalDate.of(2022, 3, 31)),
                            tuple(DeadlineKind.ONGOING, null));
            assertThat(draft.decisions().get(2).deadline().originalText())
                    .isEqualTo("в течение месяца после получения результатов");
        }

        @Test
        void nothingLost() {
            assertThat(draft.unplaced()).containsExactly("Председательствующий _____________ Н.П. Сербина");
            DraftCoverage.assertEveryLineKept(source, draft);
        }
    }

    @Nested
    class DeadlinesAtTheEndOfDecisionLines {

        private final String source = text("deadline-at-line-end.txt");
        private final ProtocolDraft draft = parser.parse(source);

        @Test
        void theKindDescribedAboveTheQuotedTitle() {
            assertThat(draft.kind()).isEqualTo("семинара-совещания заместителей директоров по учебно-воспитательной работе");
            assertThat(draft.title()).isEqualTo("Объективность оценивания: от ВПР к ВСОКО");
            assertThat(draft.date()).isEqualTo(LocalDate.of(2022, 3, 23));
            assertThat(draft.time()).isEqualTo(LocalTime.of(10, 0));
            assertThat(draft.place()).isEqualTo("в режиме видеоконференцсвязи");
        }

        @Test
        void theChairOverSeveralLines() {
            assertThat(draft.chair()).isEqualTo("Лебедева Ольга Николаевна, директор МКУ «Центр сопровождения образования»");
        }

        @Test
        void speakersOneALineAndWhatWasHeardInOrder() {
            assertThat(draft.agenda().get(0).speakers()).containsExactly("Орлова Т.В., методист");
            assertThat(draft.agenda().get(1).speakers()).containsExactly(
                    "Фомина Е.А., заместитель директора МАОУ СОШ № 5", "Григорьев Д.С., заместитель директора МБОУ Лицей № 2");
            assertThat(draft.agenda()).extracting(AgendaItem::heard).containsExactly(
                    "Орлову Т.В. о результатах мониторинга объективности: признаки необъективности выявлены в 3 школах.",
                    "Фомину Е.А. и Григорьева Д.С. об опыте построения ВСОКО.");
        }

        @Test
        void deadlineAfterTheTextAndResponsibleOnTheNextLine() {
            assertThat(draft.decisions())
                    .extracting(Decision::number, Decision::text, Decision::responsible, d -> d.deadline().originalText(),
                            d -> d.deadline().kind(), d -> d.deadline().dueDate())
                    .containsExactly(
                            tuple("1", "Провести перекрёстную проверку работ ВПР в школах с признаками необъективности, срок: апрель 2022 года.",
                                    List.of("Орлова Т.В."), "апрель 2022 года", DeadlineKind.WITHIN_PERIOD,
                                    LocalDate.of(2022, 4, 30)),
                            tuple("2", "Актуализировать положения о ВСОКО, срок: до 01.06.22.", List.of("заместители директоров по УВР"),
                                    "до 01.06.22", DeadlineKind.BY_DATE, LocalDate.of(2022, 6, 1)),
                            tuple("3", "Обеспечить присутствие общественных наблюдателей на ВПР, срок: на период проведения ВПР.",
                                    List.of("руководители ОО"),
                                    "на период проведения ВПР", DeadlineKind.OTHER, null),
                            tuple("4", "Обобщить опыт школ по построению ВСОКО и представить его на августовском совещании, срок: до"
                                            + " конца учебного года.",
                                    List.of("Лебедева О.Н."), "до конца учебного года", DeadlineKind.BY_DATE,
                                    LocalDate.of(2022, 8, 31)));
        }

        @Test
        void nothingLost() {
            assertThat(draft.number()).as("the protocol's number is the draft's, not unplaced").isEqualTo("2");
            assertThat(draft.unplaced()).isEmpty();
            DraftCoverage.assertEveryLineKept(source, draft);
        }
    }

    @Nested
    class RomanAgendaAndQuestionsNamedInWords {

        private final String source = text("regional-roman-agenda.txt");
        private final ProtocolDraft draft = parser.parse(source);

        @Test
        void theDateAndTheTownOnOneLine() {
            assertThat(draft.date()).isEqualTo(LocalDate.of(2020, 12, 10));
            assertThat(draft.place()).as("«г.» before a town is no year's «г.»").isEqualTo("г. Тверь");
            assertThat(draft.chair()).isEqualTo("Лошкарева Е.В., директор ГБУ ТО ЦОКО");
            assertThat(draft.participants()).containsExactly("45 человек (список прилагается)");
        }

        @Test
        void byTheFirstQuestionIsItemOne() {
            assertThat(draft.agenda()).extracting(AgendaItem::number, AgendaItem::heard).containsExactly(
                    tuple("I", "Чистову Т.В., которая представила итоги мониторинга."),
                    tuple("II", "Ларионову М.А."));
        }

        @Test
        void aNumberedAddresseeHeadingAndFieldsNamedInFull() {
            assertThat(draft.decisions())
                    .extracting(Decision::number, Decision::responsible, d -> d.deadline() == null ? null : d.deadline().dueDate())
                    .containsExactly(
                            tuple("1", List.of(), null),
                            tuple("2.1", List.of("руководители МОУО"), LocalDate.of(2020, 12, 25)),
                            tuple("2.2", List.of("Руководителям МОУО"), LocalDate.of(2021, 3, 31)),
                            tuple("1", List.of("Ларионова М.А."), LocalDate.of(2021, 12, 31)));
        }

        @Test
        void nothingLost() {
            assertThat(draft.number()).as("the protocol's number is the draft's, not unplaced").isEqualTo("12");
            assertThat(draft.unplaced()).containsExactly("МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТВЕРСКОЙ ОБЛАСТИ",
                    "ГБУ ТО «Центр оценки качества образования»", "Председатель совещания Е.В. Лошкарева",
                    "Секретарь И.В. Белокурова");
            DraftCoverage.assertEveryLineKept(source, draft);
        }
    }

    @Nested
    class MessyConvertedDocument {

        private final String source = text("messy.md");
        private final ProtocolDraft draft = parser.parse(source);

        @Test
        void markupWindowsLineEndsAndNonBreakingSpacesDoNotGetInTheWay() {
            assertThat(source).contains("\r\n", "\u00a0", "**");
            assertThat(draft.kind()).isEqualTo("рабочего совещания специалистов МОУО");
            assertThat(draft.title()).isEqualTo("О ходе подготовки к ВПР – 2022");
            assertThat(draft.date()).isEqualTo(LocalDate.of(2022, 3, 10));
            assertThat(draft.time()).isEqualTo(LocalTime.of(11, 0));
            assertThat(draft.chair()).isEqualTo("Неверова Вера Васильевна — председатель комитета мониторинга и "
                    + "управления качеством образования ДОО ТО");
            assertThat(draft.participants()).containsExactly(
                    "специалисты МОУО, ответственные за проведение ВПР (дистанционно)", "координаторы ВПР муниципального уровня");
        }

        @Test
        void escapedNumbersAndASpeakerInBrackets() {
            assertThat(draft.agenda()).extracting(AgendaItem::number, AgendaItem::title, AgendaItem::speakers).containsExactly(
                    tuple("1", "О графике проведения ВПР в 2022 году", List.of("Сысолятина Н.А., главный специалист ДОО ТО")),
                    tuple("2", "Об участии общественных наблюдателей.", List.of("Сербина Н.П.")));
        }

        @Test
        void dashesOfEveryKindAndADecisionWithoutDeadline() {
            List<Decision> decisions = draft.decisions();
            assertThat(decisions).extracting(Decision::number).containsExactly("1", "2", "3", "4");
            assertThat(decisions.get(0).responsible()).containsExactly("руководители МОУО");
            assertThat(decisions.get(0).deadline().dueDate()).isEqualTo(LocalDate.of(2022, 3, 15));
            assertThat(decisions.get(1).responsible()).isEmpty();
            assertThat(decisions.get(1).deadline()).as("none given").isNull();
            assertThat(decisions.get(2).text()).as("a wrapped line joined")
                    .isEqualTo("Направить в ДОО ТО списки общественных наблюдателей по каждой ОО.");
            assertThat(decisions.get(2).responsible()).containsExactly("ТОИПКРО", "руководители МОУО");
            assertThat(decisions.get(2).deadline().originalText()).as("the value on the line after «Срок:»")
                    .isEqualTo("не позднее 1 апреля 2022 г.");
            assertThat(decisions.get(3).text()).as("the deadline in brackets stays in the wording")
                    .isEqualTo("Разместить ссылку на материалы ФИОКО https://fioco.ru/vpr на сайтах МОУО (срок - в течение недели).");
            assertThat(decisions.get(3).deadline().periodStart()).isEqualTo(LocalDate.of(2022, 3, 10));
            assertThat(decisions.get(3).deadline().dueDate()).isEqualTo(LocalDate.of(2022, 3, 17));
        }

        @Test
        void nothingLost() {
            assertThat(draft.number()).as("«10.03.2022 г. № 7» under the title: the protocol's number").isEqualTo("7");
            assertThat(draft.unplaced()).containsExactly("Протокол вела Н.А. Сысолятина");
            DraftCoverage.assertEveryLineKept(source, draft);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void theMeetingsHeaderWrittenInOtherWays(String layout, String source, String kind, String title, LocalDate date,
                                             LocalTime time, String place) {
        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.kind()).as("kind").isEqualTo(kind);
        assertThat(draft.title()).as("title").isEqualTo(title);
        assertThat(draft.date()).as("date").isEqualTo(date);
        assertThat(draft.time()).as("time").isEqualTo(time);
        assertThat(draft.place()).as("place").isEqualTo(place);
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("number and kind on the protocol's line", """
                                ПРОТОКОЛ № 3 заседания методического совета
                                от 16.04.2021
                                10:00
                                ПОВЕСТКА:
                                1. О ВПР.""", "заседания", "заседания методического совета",
                        LocalDate.of(2021, 4, 16), LocalTime.of(10, 0), null),
                Arguments.of("curly quotes, time on the date's line", """
                                ПРОТОКОЛ
                                Семинара-совещания
                                “Управление качеством образования”
                                16 апреля 2021 года, 10.00 часов
                                г.Томск, ул. Пирогова, 10
                                ПРЕДСЕДАТЕЛЬ: Вторина Е.В.""", "Семинара-совещания", "Управление качеством образования",
                        LocalDate.of(2021, 4, 16), LocalTime.of(10, 0), "г.Томск, ул. Пирогова, 10"),
                Arguments.of("spaced letters, a title over two lines, labelled time and place", """
                                П Р О Т О К О Л
                                семинара «Функциональная
                                грамотность: итоги»
                                «16» апреля 2021 г.
                                Начало: 11:30
                                Место проведения: МАОУ СОШ № 2
                                ПРИСУТСТВОВАЛИ: 20 человек""", "семинара", "Функциональная грамотность: итоги",
                        LocalDate.of(2021, 4, 16), LocalTime.of(11, 30), "МАОУ СОШ № 2"),
                Arguments.of("the meeting's date over the protocol's own", """
                                ПРОТОКОЛ № 5 от 20.05.2021
                                совещания при заместителе начальника департамента
                                г. Томск 19.05.2021
                                Повестка:
                                1. О ВПР.""", "совещания", "совещания при заместителе начальника департамента",
                        LocalDate.of(2021, 5, 19), null, "г. Томск"));
    }

    @Test
    void decisionsInATableOfAConvertedDocument() {
        String source = """
                ПРОТОКОЛ
                совещания по итогам ВПР
                01.06.2021
                РЕШИЛИ:
                | № п/п | Содержание решения | Ответственные | Срок исполнения |
                |---|---|---|---|
                | 1. | Провести анализ результатов ВПР | руководители МОУО, руководители ОО | до 01.09.2021 |
                | 2. | Принять к сведению информацию | | |
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible)
                .containsExactly(tuple("1", "Провести анализ результатов ВПР", List.of("руководители МОУО", "руководители ОО")),
                        tuple("2", "Принять к сведению информацию", List.of()));
        assertThat(draft.decisions().get(0).deadline().dueDate()).isEqualTo(LocalDate.of(2021, 9, 1));
        assertThat(draft.decisions().get(1).deadline()).isNull();
        DraftCoverage.assertEveryLineKept(source.replaceAll("\\| № п/п.*", ""), draft);
    }

    @Test
    void responsibleAndDeadlineOnTheDecisionsOwnLine() {
        String source = """
                РЕШИЛИ:
                1. Провести анализ результатов ВПР. Ответственные: руководители ОО. Срок: до 01.10.2021.
                2. Подготовить справку для ДОО ТО – срок – 15.10.2021, отв. – ТОИПКРО.
                3. Представить отчёт в срок до 1 ноября 2021 года.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::text, Decision::responsible, d -> d.deadline().dueDate())
                .containsExactly(
                        tuple("Провести анализ результатов ВПР. Ответственные: руководители ОО. Срок: до 01.10.2021.",
                                List.of("руководители ОО"), LocalDate.of(2021, 10, 1)),
                        tuple("Подготовить справку для ДОО ТО – срок – 15.10.2021, отв. – ТОИПКРО.", List.of("ТОИПКРО"),
                                LocalDate.of(2021, 10, 15)),
                        tuple("Представить отчёт в срок до 1 ноября 2021 года.", List.of(), LocalDate.of(2021, 11, 1)));
        assertThat(draft.decisions().get(2).deadline().originalText()).isEqualTo("в срок до 1 ноября 2021 года");
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void headingsNamingTheQuestionInWords() {
        String source = """
                ПРОТОКОЛ № 1
                совещания педагогического коллектива
                Повестка дня:
                1. О результатах ВПР.
                2. О плане ВСОКО.
                По первому вопросу СЛУШАЛИ: Иванову И.И., заместителя директора.
                РЕШИЛИ: принять информацию к сведению.
                По второму вопросу слушали: Петрову П.П.
                Решили:
                1) утвердить план ВСОКО;
                2) разместить план на сайте школы до 1 октября 2021 г.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.agenda()).extracting(AgendaItem::number, AgendaItem::heard).containsExactly(
                tuple("1", "Иванову И.И., заместителя директора."), tuple("2", "Петрову П.П."));
        assertThat(draft.decisions()).extracting(Decision::number, Decision::text).containsExactly(
                tuple(null, "принять информацию к сведению."),
                tuple("1", "утвердить план ВСОКО"),
                tuple("2", "разместить план на сайте школы до 1 октября 2021 г."));
        assertThat(draft.decisions().get(2).deadline().dueDate()).isEqualTo(LocalDate.of(2021, 10, 1));
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void pointsUnderADecisionStayInIt() {
        String source = """
                РЕШЕНИЕ:
                1. Руководителям МОУО обеспечить:
                - участие всех ОО в ВПР;
                - присутствие общественных наблюдателей.
                Срок: постоянно
                2. Рекомендовать ОО использовать банк заданий.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text).containsExactly(
                tuple("1", "Руководителям МОУО обеспечить:\n- участие всех ОО в ВПР;\n- присутствие общественных наблюдателей."),
                tuple("2", "Рекомендовать ОО использовать банк заданий."));
        assertThat(draft.decisions().get(0).deadline().kind()).isEqualTo(DeadlineKind.ONGOING);
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void anInstructionVerbOverAddresseesIsKept() {
        String source = """
                РЕШИЛИ:
                Рекомендовать руководителям ОО:
                1. Провести родительские собрания по итогам ВПР.
                2. Разместить результаты на сайте.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::responsible)
                .containsExactly(List.of("руководителям ОО"), List.of("руководителям ОО"));
        assertThat(draft.unplaced()).containsExactly("Рекомендовать руководителям ОО:");
    }

    @Test
    void anAgendaWithoutNumbers() {
        String source = """
                ПОВЕСТКА ДНЯ:
                О результатах региональной диагностики.
                Докладчик: Сербина Н.П.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.agenda()).extracting(AgendaItem::number, AgendaItem::title, AgendaItem::speakers)
                .containsExactly(tuple("1", "О результатах региональной диагностики.", List.of("Сербина Н.П.")));
    }

    @Test
    void aWordTablePastedOneCellPerLineIsReadAsATable() {
        String source = """
                РЕШИЛИ:
                № п/п
                Мероприятие
                Ответственный
                Срок исполнения
                1.
                Провести анализ типичных ошибок
                на заседаниях ШМО
                Руководители ОО
                до 12.05.2023
                2.
                Организовать консультации для учителей математики
                МКУ «ИМЦ» (Зуева И.А.)
                до 31.05.2023
                Председатель                         О.Н. Ульянова
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions())
                .extracting(Decision::number, Decision::text, Decision::responsible, d -> d.deadline().dueDate())
                .containsExactly(
                        tuple("1", "Провести анализ типичных ошибок на заседаниях ШМО", List.of("Руководители ОО"),
                                LocalDate.of(2023, 5, 12)),
                        tuple("2", "Организовать консультации для учителей математики", List.of("МКУ «ИМЦ» (Зуева И.А.)"),
                                LocalDate.of(2023, 5, 31)));
        assertThat(draft.unplaced()).contains("Председатель О.Н. Ульянова");
    }

    @Test
    void aCellPerLineTableWithEmptyCellsAndAPageBreakPutsEachCellInItsColumn() {
        String source = """
                РЕШИЛИ:
                №
                Содержание решения
                Срок
                Ответственный
                1.
                Информацию принять к сведению
                2.
                Обновить стенды
                постоянно
                3.
                Организовать дежурство
                Сидоров С.С.
                Страница 1 из 2
                4.
                Подготовить отчёт
                октябрь 2023 г.
                Кузнецова Е.П.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions())
                .extracting(Decision::number, Decision::text, Decision::responsible, d -> d.deadline() == null ? null : d.deadline().kind())
                .containsExactly(
                        tuple("1", "Информацию принять к сведению", List.of(), null),
                        tuple("2", "Обновить стенды", List.of(), DeadlineKind.ONGOING),
                        tuple("3", "Организовать дежурство", List.of("Сидоров С.С."), null),
                        tuple("4", "Подготовить отчёт", List.of("Кузнецова Е.П."), DeadlineKind.WITHIN_PERIOD));
        assertThat(draft.unplaced()).containsExactly("Страница 1 из 2");
    }

    @Test
    void anAddresseeGluedToItsFirstPointIsOverAllItsPoints() {
        String source = """
                ПРИКАЗЫВАЮ:
                1. Провести олимпиаду 24 марта 2023 года.
                2. Директорам ОО: а) обеспечить участие победителей школьного этапа;
                б) направить заявки до 17.03.2023.
                3. Назначить ответственным Лыкову Г.А.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible)
                .containsExactly(
                        tuple("1", "Провести олимпиаду 24 марта 2023 года.", List.of()),
                        tuple("а", "обеспечить участие победителей школьного этапа", List.of("Директорам ОО")),
                        tuple("б", "направить заявки до 17.03.2023.", List.of("Директорам ОО")),
                        tuple("3", "Назначить ответственным Лыкову Г.А.", List.of()));
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void lettersUnderAnOrderEndingInAColonAreAllItsWording() {
        String source = """
                П О С Т А Н О В Л Я Е Т:
                1. Утвердить:
                а) положение о конкурсе (приложение 1);
                б) состав оргкомитета (приложение 2).
                2. Управлению образования (Седова Н.П.):
                а) обеспечить сопровождение конкурса;
                б) наградить победителей до 30 апреля 2024 года.
                3. Контроль за исполнением настоящего постановления оставляю за собой.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible)
                .containsExactly(
                        tuple("1", "Утвердить:\nа) положение о конкурсе (приложение 1);\nб) состав оргкомитета (приложение 2).",
                                List.of()),
                        tuple("а", "обеспечить сопровождение конкурса", List.of("Управлению образования (Седова Н.П.)")),
                        tuple("б", "наградить победителей до 30 апреля 2024 года.", List.of("Управлению образования (Седова Н.П.)")),
                        tuple("3", "Контроль за исполнением настоящего постановления оставляю за собой.", List.of()));
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void bracketedPointsUnderAnOrderEndingInAColonStayInIt() {
        String source = """
                РЕШИЛИ:
                1. Руководителям ОО обеспечить:
                1) участие обучающихся в ВПР;
                2) объективность проведения.
                2. Информацию принять к сведению.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text).containsExactly(
                tuple("1", "Руководителям ОО обеспечить:\n1) участие обучающихся в ВПР;\n2) объективность проведения."),
                tuple("2", "Информацию принять к сведению."));
    }

    @Test
    void aResolutionsPreambleSaysWhoWasHeardThoughTheDecisionWordComesLater() {
        String source = """
                РЕЗОЛЮЦИЯ
                августовской конференции педагогических работников
                27 августа 2024 года
                Заслушав и обсудив доклад начальника управления образования Гусевой Л.Н. «Итоги года», участники
                конференции отмечают рост результатов.
                Вместе с тем сохраняются проблемы.
                Участники конференции решили:
                1. Одобрить основные направления работы на 2024-2025 учебный год.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.agenda()).flatExtracting(AgendaItem::speakerNames).containsExactly("Гусева Л.Н.");
        assertThat(draft.decisions()).extracting(Decision::text)
                .containsExactly("Одобрить основные направления работы на 2024-2025 учебный год.");
        assertThat(draft.date()).isEqualTo(LocalDate.of(2024, 8, 27));
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void aResolutionsRecommendationIsItsDecisionWord() {
        String source = """
                РЕЗОЛЮЦИЯ
                семинара-совещания заместителей директоров по УВР
                15 октября 2024 года
                Обсудив представленный опыт, участники семинара-совещания рекомендуют:
                1. Руководителям ОО включить вопросы объективности в планы ВШК до 1 ноября 2024 года.
                2. МКУ «ИМЦ» провести консультации.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::responsible).containsExactly(
                tuple("1", List.of("Руководителям ОО")), tuple("2", List.of("МКУ «ИМЦ»")));
        assertThat(draft.decisions().get(0).deadline().dueDate()).isEqualTo(LocalDate.of(2024, 11, 1));
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void aBlockOfDecisionsHeadedByItemsNumberedAsTheItemsAre() {
        String source = """
                ПРОТОКОЛ № 2 от 10.04.2024
                СЛУШАЛИ: Петрову П.П., Сидорова С.С.
                Комиссия решила:
                1. По первому вопросу:
                1.1. Принять документы к рассмотрению.
                2. По второму вопросу:
                2.1. Утвердить график работы комиссии.
                2.2. Контроль возложить на Петрову П.П.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::responsible).containsExactly(
                tuple("1.1", List.of()), tuple("2.1", List.of()), tuple("2.2", List.of("Петрову П.П")));
        assertThat(draft.unplaced()).contains("1. По первому вопросу:", "2. По второму вопросу:");
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void decisionsNumberedOneAfterAnotherOnTheDecisionWordsLine() {
        String source = """
                ПРОТОКОЛ № 9 от 13.11.2024
                СЛУШАЛИ: Лебедеву А.А.
                РЕШИЛИ: 1. Информацию принять к сведению. 2. Провести семинар 20 ноября 2024 года. 3. Внести изменения в п. 4. Положения (приложение 1). 4. Утвердить план.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text).containsExactly(
                tuple("1", "Информацию принять к сведению."),
                tuple("2", "Провести семинар 20 ноября 2024 года."),
                tuple("3", "Внести изменения в п. 4. Положения (приложение 1)."),
                tuple("4", "Утвердить план."));
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void aDecisionTakenInsideASentenceWithoutAColon() {
        String source = """
                ПРОТОКОЛ № 7 совещания от 11.11.2024
                СЛУШАЛИ: Лебедеву А.А.
                По итогам обсуждения участники совещания приняли решение рекомендовать руководителям ОО провести анализ до 1 декабря 2024 года.
                """;

        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::text, Decision::responsible).containsExactly(
                tuple("рекомендовать руководителям ОО провести анализ до 1 декабря 2024 года.", List.of("руководителям ОО")));
        assertThat(draft.decisions().get(0).deadline().dueDate()).isEqualTo(LocalDate.of(2024, 12, 1));
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void aPlanForAHalfYearIsNoDeadlineButAnEventInItIs() {
        ProtocolDraft draft = parser.parse("""
                РЕШИЛИ:
                1. Утвердить план работы методического совета на II полугодие 2023-2024 учебного года.
                2. Перенести заседание совета на II полугодие 2023-2024 учебного года.
                """);

        assertThat(draft.decisions().get(0).deadline()).isNull();
        assertThat(draft.decisions().get(1).deadline().kind()).isEqualTo(DeadlineKind.WITHIN_PERIOD);
    }

    @Test
    void fragmentsOfProtocolsInAnyOrderNeverFailAndLoseNothing() {
        String[] pieces = {"ПРОТОКОЛ", "РЕШИЛИ:", "СЛУШАЛИ:", "1.", "2.", "1.1.", "2)", "«", "»", "–", "-", "—", ";", ",",
                ".", ":", "\n", "\n", "\n", " ", "Срок:", "Ответственные:", "Докладчик –", "до", "31", "мая", "2021",
                "года", "№", "12", "___", "Е.В. Вторина", "\u00a0", "**", "ПОВЕСТКА:", "УЧАСТНИКИ:", "ПРЕДСЕДАТЕЛЬ:",
                "руководители МОУО", "ТОИПКРО", "Руководителям ОУ:", "(выступление до 3 минут)", "постоянно",
                "Семинара-совещания", "16 апреля 2021 года", "11.00", "г. Томск", "Провести", "анализ", "\r\n", "\t"};
        Random random = new Random(20210416);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder source = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) {
                source.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
            }

            ProtocolDraft draft = parser.parse(source.toString());

            DraftCoverage.assertEveryLineKept(source.toString(), draft);
        }
    }

    @Test
    void emptyTextGivesAnEmptyDraft() {
        for (String source : new String[]{null, "", " \r\n\u00a0\n"}) {
            ProtocolDraft draft = parser.parse(source);

            assertThat(draft.title()).isNull();
            assertThat(draft.agenda()).isEmpty();
            assertThat(draft.decisions()).isEmpty();
            assertThat(draft.unplaced()).isEmpty();
        }
    }

    @Test
    void itemsNumberedInRomanNumeralsEachHeardThenDecided() {
        ProtocolDraft draft = parser.parseStrictly("""
                ПРОТОКОЛ № 7
                от 24.11.2022
                ПОВЕСТКА ДНЯ:
                I. О мониторинге.
                II. О разном.
                I. СЛУШАЛИ: Сидорову С.С.
                РЕШИЛИ:
                1. Провести мониторинг до 15 декабря 2022 года.
                II. СЛУШАЛИ: Петрову П.П.
                РЕШИЛИ:
                1. Информацию принять к сведению.
                """);

        assertThat(draft.decisions()).extracting(Decision::text)
                .containsExactly("Провести мониторинг до 15 декабря 2022 года.", "Информацию принять к сведению.");
        assertThat(draft.agenda()).extracting(AgendaItem::heard).doesNotContainNull();
    }

    @Test
    void aMinistersProtocolWithInstructionsUnderEachQuestionAndNoDecisionWord() {
        String source = """
                ПРОТОКОЛ
                совещания министра с руководителями МОУО
                05.12.2024                                   № 07-пр
                I. О ходе подготовки к ГИА в 2025 году
                (Карпенко Д.А., Ахметшина Л.Ф.)
                1. Принять к сведению информацию Карпенко Д.А.
                2. Обеспечить участие выпускников в итоговом сочинении.
                Срок исполнения – 5 февраля 2025 г.
                II. О профилактике деструктивного поведения обучающихся
                (Нестеренко А.Г.)
                3. Провести курсы для педагогов-психологов.
                Срок исполнения – до 20 декабря 2024 г.
                """;
        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number).containsExactly("1", "2", "3");
        assertThat(draft.decisions().get(1).deadline().dueDate()).isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(draft.agenda()).extracting(AgendaItem::speakerNames)
                .containsExactly(List.of("Карпенко Д.А.", "Ахметшина Л.Ф."), List.of("Нестеренко А.Г."));
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void aResolutionThatListsWhatIsToBeDoneWithNoDecisionWord() {
        String source = """
                РЕЗОЛЮЦИЯ
                августовского совещания педагогических работников Озёрского муниципального района
                28 августа 2024 года
                Участники совещания, обсудив итоги 2023-2024 учебного года, отмечают, что сеть школ сохранена.
                1. Управлению образования администрации Озёрского района:
                1.1. обеспечить методическое сопровождение введения ФОП в течение 2024-2025 учебного года;
                1.2. провести мониторинг объективности ВПР до 1 декабря 2024 года.
                2. Информационно-методическому центру обобщить опыт лучших практик к 1 марта 2025 года.
                """;
        ProtocolDraft draft = parser.parse(source);

        assertThat(draft.decisions()).extracting(Decision::number).containsExactly("1.1", "1.2", "2");
        assertThat(draft.decisions().get(0).responsible()).containsExactly("Управлению образования администрации Озёрского района");
        assertThat(draft.decisions().get(2).deadline().dueDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    @Test
    void anAgendaWithNoDecisionWordIsNoListOfDecisions() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 2
                заседания методического совета
                Повестка дня:
                1. О результатах ВПР.
                2. О плане работы на II полугодие.
                """);

        assertThat(draft.decisions()).isEmpty();
    }
}

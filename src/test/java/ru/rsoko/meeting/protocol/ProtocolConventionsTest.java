package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.protocol.ProtocolDraft.Decision;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Conventions of Russian protocols, each in wordings of its own (not the corpus sentences): what a document the
 * parser was never tuned on will bring.
 */
class ProtocolConventionsTest {

    private final ProtocolParser parser = new ProtocolParser();

    @Test
    void aPlainTextTableWrapsLongCellsOntoRowsWithoutANumber() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 4
                от 12.04.2023
                РЕШИЛИ:
                | № п/п | Содержание решения              | Ответственный      | Срок исполнения |
                |-------|---------------------------------|--------------------|-----------------|
                | 1.    | Подготовить аналитическую       | Петрова А.А.       | до 20.04.2023   |
                |       | справку по итогам мониторинга   |                    |                 |
                |       | адаптации первоклассников       |                    |                 |
                | 2.    | Организовать курсы повышения    | МКУ «ИМЦ»;         | в течение 2023  |
                |       | квалификации учителей физики    | Соколов В.В.       | года            |
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible)
                .containsExactly(
                        tuple("1", "Подготовить аналитическую справку по итогам мониторинга адаптации первоклассников",
                                List.of("Петрова А.А.")),
                        tuple("2", "Организовать курсы повышения квалификации учителей физики",
                                List.of("МКУ «ИМЦ»", "Соколов В.В.")));
        assertThat(draft.decisions().get(0).deadline().dueDate()).isEqualTo(LocalDate.of(2023, 4, 20));
    }

    @Test
    void aTabTableWrapsLikeAPipeTable() {
        ProtocolDraft draft = parser.parse("""
                Протокол заседания методического совета
                15.03.2023 № 2
                РЕШИЛИ:
                №\tРешение\tСрок\tОтветственные
                1\tПровести школьный этап\tдо 01.04.2023\tзаместитель директора
                \tолимпиады по экологии\t\t
                2\tОбновить стенд\tапрель 2023 г.\tклассные руководители
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text)
                .containsExactly(tuple("1", "Провести школьный этап олимпиады по экологии"), tuple("2", "Обновить стенд"));
        assertThat(draft.decisions().get(0).deadline().kind()).isEqualTo(DeadlineKind.BY_DATE);
    }

    @Test
    void aRemarkInBracketsWrappedToTheNextLineStaysWithItsDecision() {
        ProtocolDraft draft = parser.parse("""
                ПРИКАЗ
                12.01.2023 № 7
                ПРИКАЗЫВАЮ:
                1. Провести районный конкурс «Учитель года»
                (далее – конкурс) в феврале 2023 года.
                2. Утвердить положение о конкурсе
                (приложение 1).
                3. Назначить ответственным за организацию конкурса Иванову А.А.
                (методист МКУ «РМК»).
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text).containsExactly(
                tuple("1", "Провести районный конкурс «Учитель года» (далее – конкурс) в феврале 2023 года."),
                tuple("2", "Утвердить положение о конкурсе (приложение 1)."),
                tuple("3", "Назначить ответственным за организацию конкурса Иванову А.А. (методист МКУ «РМК»)."));
        assertThat(draft.decisions().getFirst().deadline().kind()).isEqualTo(DeadlineKind.WITHIN_PERIOD);
    }

    @Test
    void aCircumstanceBetweenThePartyAndItsOrderIsNoPartOfTheParty() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 5
                от 14.02.2023
                РЕШИЛИ:
                1. Руководителям ОО при подготовке отчётов использовать данные ФИС ОКО.
                2. Рекомендовать заместителям директоров по УВР в целях повышения качества обучения организовать взаимопосещение уроков.
                3. Отделу образования при администрации района обеспечить подвоз обучающихся.
                4. Руководителям ОО до 1 марта 2023 года представить отчёты.
                """);

        assertThat(draft.decisions()).extracting(Decision::responsible).containsExactly(
                List.of("Руководителям ОО"), List.of("заместителям директоров по УВР"),
                List.of("Отделу образования при администрации района"), List.of("Руководителям ОО"));
    }

    @Test
    void periodicAndReferredDeadlinesInsideTheWording() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 6
                от 14.02.2023
                РЕШИЛИ:
                1. Бухгалтерии представлять сведения ежеквартально до 10 числа.
                2. Школам обновить паспорта доступности до 1 сентября ежегодно.
                3. Представлять отчёт до 25 числа месяца, следующего за отчётным.
                4. Опубликовать отчёт о самообследовании в срок, установленный приказом Минобрнауки России от 14.06.2013 № 462.
                5. Представить статистические отчёты в установленные сроки.
                """);

        assertThat(draft.decisions()).extracting(d -> d.deadline().kind(), d -> d.deadline().originalText()).containsExactly(
                tuple(DeadlineKind.ONGOING, "ежеквартально до 10 числа"),
                tuple(DeadlineKind.BY_DATE_THEN_ONGOING, "до 1 сентября ежегодно"),
                tuple(DeadlineKind.OTHER, "до 25 числа месяца, следующего за отчётным"),
                tuple(DeadlineKind.OTHER, "в срок, установленный приказом Минобрнауки России от 14.06.2013 № 462"),
                tuple(DeadlineKind.OTHER, "в установленные сроки"));
    }

    @Test
    void hearingWrittenAsASentenceAtTheStartOfAnItemIsTheHeardMarker() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 3
                заседания педагогического совета
                от 30.08.2023
                1. Слушали заместителя директора по УВР Е.А. Сомову, которая представила план работы на год.
                Решили: утвердить план работы школы на 2023-2024 учебный год.
                2. Выступила руководитель ШМО начальных классов Петренко О.В. с анализом результатов ВПР.
                РЕШИЛИ:
                1. Учителям начальных классов включить задания ВПР в уроки до 1 декабря 2023 года.
                """);

        assertThat(draft.agenda()).flatExtracting(ProtocolDraft.AgendaItem::speakerNames)
                .containsExactly("Сомова Е.А.", "Петренко О.В.");
        assertThat(draft.decisions()).extracting(Decision::text).containsExactly(
                "утвердить план работы школы на 2023-2024 учебный год.",
                "Учителям начальных классов включить задания ВПР в уроки до 1 декабря 2023 года.");
    }

    @Test
    void aPageBreakInsideADecisionTableIsNoDecisionAndTheTableGoesOn() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 9
                от 22.03.2023
                РЕШИЛИ:
                | № | Решение | Срок | Ответственный |
                |---|---|---|---|
                | 1 | Провести семинар для учителей | до 10.04.2023 | Иванова А.А. |
                | 2 | Подготовить аналитическую справку | до 20.04.2023 | Петрова Б.Б. |

                Page 2 of 3

                | № | Решение | Срок | Ответственный |
                |---|---|---|---|
                | 3 | Разместить материалы на сайте | май 2023 г. | Сидоров В.В. |
                - 3 -
                | 4 | Обновить банк заданий | постоянно | руководители ШМО |
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::responsible).containsExactly(
                tuple("1", List.of("Иванова А.А.")), tuple("2", List.of("Петрова Б.Б.")),
                tuple("3", List.of("Сидоров В.В.")), tuple("4", List.of("руководители ШМО")));
        assertThat(draft.unplaced()).contains("Page 2 of 3", "- 3 -");
    }

    @Test
    void pageFurnitureBetweenNumberedDecisionsIsNoDecision() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 8
                от 21.03.2023
                РЕШИЛИ:
                1. Обеспечить участие обучающихся во всероссийских
                Страница 2 из 3
                проверочных работах до 15.05.2023.
                2. Провести анализ результатов.
                Page 3 of 3
                3. Разместить информацию на сайтах ОО.
                с. 4
                4. Утвердить график.
                """);

        assertThat(draft.decisions()).extracting(Decision::text).containsExactly(
                "Обеспечить участие обучающихся во всероссийских проверочных работах до 15.05.2023.",
                "Провести анализ результатов.", "Разместить информацию на сайтах ОО.", "Утвердить график.");
    }

    @Test
    void anAddresseeHeadingWithARomanNumberIsOverItsSubItems() {
        ProtocolDraft draft = parser.parse("""
                РЕШЕНИЕ
                коллегии управления образования
                от 5 апреля 2023 года № 3/1
                Коллегия РЕШАЕТ:
                I. Информацию Кравцовой Н.П. принять к сведению.
                II. Директорам школ:
                2.1. Обеспечить выполнение плана мероприятий до 01.06.2023.
                2.2. Провести педагогические советы в мае 2023 г.
                III. Руководителям ДОУ:
                1.1. организовать консультационные пункты;
                1.2. представить отчёты до 15.12.2023.
                IV. Контроль за исполнением решения возложить на заместителя начальника управления Белову О.Н.
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::responsible).containsExactly(
                tuple("I", List.of()),
                tuple("2.1", List.of("Директорам школ")), tuple("2.2", List.of("Директорам школ")),
                tuple("1.1", List.of("Руководителям ДОУ")), tuple("1.2", List.of("Руководителям ДОУ")),
                tuple("IV", List.of("заместителя начальника управления Белову О.Н")));
    }

    @Test
    void aWordTablePastedAsTextWithCellsOfTwoParagraphsAndNoDecisionWord() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ
                совещания при директоре
                17.10.2024\t\t\t№ 7
                По итогам обсуждения:
                №
                п/п\tСодержание поручения\tОтветственный\tСрок исполнения
                1\tСформировать составы жюри олимпиады\tКарпова Т.А.,
                руководители ШМО\tдо 20.10.2024
                2\tОбеспечить работу бракеражной комиссии\tМалахов Р.И.\tпостоянно
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible)
                .containsExactly(tuple("1", "Сформировать составы жюри олимпиады", List.of("Карпова Т.А.", "руководители ШМО")),
                        tuple("2", "Обеспечить работу бракеражной комиссии", List.of("Малахов Р.И.")));
        assertThat(draft.decisions().get(0).deadline().dueDate()).isEqualTo(LocalDate.of(2024, 10, 20));
    }

    @Test
    void aDecisionHeadingNamingItsBodyOverDashedDecisions() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 4
                педагогического совета
                15.05.2025
                1. По первому вопросу слушали заведующего Гусеву Т.П.
                Решение педагогического совета:
                - Утвердить план летней оздоровительной работы.
                - Учителю-логопеду Шевчук Н.А. провести обследование речи воспитанников до 31.05.2025.
                Председатель педсовета Т.П. Гусева
                """);

        assertThat(draft.decisions()).extracting(Decision::text, Decision::responsible).containsExactly(
                tuple("Утвердить план летней оздоровительной работы.", List.of()),
                tuple("Учителю-логопеду Шевчук Н.А. провести обследование речи воспитанников до 31.05.2025.",
                        List.of("Учителю-логопеду Шевчук Н.А.")));
    }

    @Test
    void aBracketNumberedAddresseeHeadingIsOverItsPointsOnlyAndASecondSentenceStaysWithItsItem() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 3 заседания РМО от 14.11.2024
                Р Е Ш И Л И :
                1)Информацию принять к сведению.
                2) Учителям русского языка 9 классов:
                - провести диагностическую работу в течение месяца;
                3) Составить банк заданий до конца 2024 года.
                Материалы передать руководителю РМО в электронном виде.
                4) Провести открытые уроки в декабре текущего года (ответственный – Гречко Е.А.).
                Руководитель РМО            Мамонтова Т.В.
                Секретарь                   Лапина О.О.
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible).containsExactly(
                tuple("1", "Информацию принять к сведению.", List.of()),
                tuple(null, "провести диагностическую работу в течение месяца", List.of("Учителям русского языка 9 классов")),
                tuple("3", "Составить банк заданий до конца 2024 года. Материалы передать руководителю РМО в электронном виде.",
                        List.of()),
                tuple("4", "Провести открытые уроки в декабре текущего года (ответственный – Гречко Е.А.).", List.of("Гречко Е.А")));
        assertThat(draft.decisions().get(3).deadline().dueDate()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void aHeadingNamingTwoBodiesTogetherGivesEachPointBothAndACitedClauseIsNoItem() {
        ProtocolDraft draft = parser.parse("""
                РЕШЕНИЕ коллегии
                от 12.02.2025 № 2
                Коллегия РЕШИЛА:
                3. ГБУ «ЦОКО» (Зуева Н.В.) совместно с ГАУ ДПО «ИРО» (Кравченко А.М.):
                3.1. провести семинар для муниципальных координаторов до 1 апреля 2025 года;
                4. Предупредить родителей об ответственности (ст. 5.35 КоАП РФ).
                5. Общественным наблюдателям представлять акты
                председателю совета после каждой процедуры.
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::responsible).containsExactly(
                tuple("3.1", List.of("ГБУ «ЦОКО» (Зуева Н.В.)", "ГАУ ДПО «ИРО» (Кравченко А.М.)")),
                tuple("4", List.of()),
                tuple("5", List.of("Общественным наблюдателям")));
        assertThat(draft.decisions().get(2).text()).endsWith("председателю совета после каждой процедуры.");
        assertThat(draft.decisions().get(2).deadline().kind()).isEqualTo(DeadlineKind.AFTER_EACH_PROCEDURE);
    }

    @Test
    void aResolutionsVoteAndTheNewsPagesFooterAreNoDecisions() {
        ProtocolDraft draft = parser.parse("""
                РЕЗОЛЮЦИЯ
                августовской конференции педагогов
                28.08.2025
                Участники конференции решают:
                1. Разместить резолюцию на сайте до 5 сентября 2025 года.
                Принята единогласно участниками конференции.
                Принята участниками конференции 28 августа 2025 года, г. Северогорск.
                ← Предыдущая новость    Следующая новость →
                """);

        assertThat(draft.decisions()).extracting(Decision::number).containsExactly("1");
    }

    @Test
    void aListOfInstructionsWithNoDecisionWordAndAPlanInTheAppendixAfterTheSignature() {
        ProtocolDraft draft = parser.parse("""
                ПЕРЕЧЕНЬ ПОРУЧЕНИЙ
                по итогам совещания руководителей общеобразовательных организаций
                от 14.03.2025 № 3
                Рассмотренные вопросы:
                1. Итоги пробных экзаменов.
                № п/п\tСодержание поручения\tОтветственные\tСрок исполнения
                1.\tПровести анализ результатов пробного ОГЭ\tРуководители ОО\tдо 29.03.2025
                2.\tОбновить раздел «ГИА-2025» на сайтах ОО\tРуководители ОО\tпостоянно
                Начальник управления образования          Д.А. Пермяков
                Приложение
                к перечню поручений от 14.03.2025 № 3
                ПЛАН МЕРОПРИЯТИЙ
                №\tМероприятие\tСрок\tОтветственные
                1.\tКорректировка рабочих программ\tдо 1 мая 2025 г.\tРуководители ОО
                2.\tВыездные методические дни\tапрель 2025 г.\tМКУ «ИМЦ»
                """);

        assertThat(draft.date()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(draft.number()).isEqualTo("3");
        assertThat(draft.decisions()).extracting(Decision::number, Decision::text).containsExactly(
                tuple("1", "Провести анализ результатов пробного ОГЭ"), tuple("2", "Обновить раздел «ГИА-2025» на сайтах ОО"),
                tuple("1", "Корректировка рабочих программ"), tuple("2", "Выездные методические дни"));
        assertThat(draft.decisions().get(3).responsible()).containsExactly("МКУ «ИМЦ»");
    }

    @Test
    void reportersNamedInTheAgendaLineOrAtTheHeadOfEachItemsRecord() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 4
                заседания предметной комиссии
                24.05.2025
                Повестка:
                1.Об итогах перепроверки работ ВПР. Докладчик: Беляева Марина Олеговна, начальник отдела.
                2.О плане перепроверки.
                3.О профилактике правонарушений.
                2.Докладчик: Мухаметова Г.Р., эксперт комиссии.
                Предложено распределить работы между экспертами.
                По третьему вопросу слово было предоставлено социальному педагогу Ринату Фаритовичу Галиуллину.
                Р Е Ш И Л А :
                1) Информацию принять к сведению.
                """);

        assertThat(draft.agenda()).extracting(ProtocolDraft.AgendaItem::speakerNames).containsExactly(
                List.of("Беляева М.О."), List.of("Мухаметова Г.Р."), List.of("Галиуллин Р.Ф."));
    }

    @Test
    void aProtocolTypedAParagraphPerItemWithTheAgendaOnOneLine() {
        ProtocolDraft draft = parser.parse("""
                Протокол № 3 заседания методического совета от 09.01.2025 г.
                Повестка дня: 1. Итоги учебной работы за 1 полугодие. 2. Неделя начальной школы. 3. Разное.
                1. Слушали заместителя директора Голубеву С.А., которая подвела итоги 1 полугодия. Решили: 1) итоги признать удовлетворительными; 2) руководителям ШМО представить планы ликвидации пробелов до 20.01.2025; 3) учителям организовать консультации.
                2. Слушали Павлову О.Г. о плане недели. Решили: 2.1. утвердить план недели; 2.2. провести неделю 10.02–14.02.2025.
                3. Разное. Выступила руководитель ШМО Кравец Ю.В. об олимпиаде. Решили: рекомендовать учителям математики подготовить обучающихся.
                """);

        assertThat(draft.agenda()).extracting(ProtocolDraft.AgendaItem::title)
                .containsExactly("Итоги учебной работы за 1 полугодие.", "Неделя начальной школы.", "Разное.");
        assertThat(draft.agenda()).extracting(ProtocolDraft.AgendaItem::speakerNames)
                .containsExactly(List.of("Голубева С.А."), List.of("Павлова О.Г."), List.of("Кравец Ю.В."));
        assertThat(draft.decisions()).extracting(Decision::number).containsExactly("1", "2", "3", "2.1", "2.2", null);
        assertThat(draft.decisions().get(1).responsible()).containsExactly("руководителям ШМО");
    }

    @Test
    void aProtocolForwardedInAMailsQuoteOrPastedFromAMessenger() {
        ProtocolDraft mail = parser.parse("""
                -------- Пересылаемое сообщение --------
                > ПРОТОКОЛ № 2
                > заседания РМО учителей начальных классов
                >
                > Дата проведения: 16.10.2024
                > РЕШИЛИ:
                > 1. Учителям 4-х классов использовать результаты ВПР для корректировки
                > рабочих программ.
                """);
        ProtocolDraft messenger = parser.parse("""
                [05.09.2024 19:48] Зорина Т.А. зам по ВР: протокол №1
                заседания мо классных руководителей от 05.09.2024
                решили:
                1) кл руководителям сдать планы вр классов до 15.09
                [05.09.2024 19:49] Зорина Т.А. зам по ВР: 2) соц педагогу Ивашкиной Л.Р. сверить списки до 20.09.24
                [05.09.2024 19:52] Ольга Викторовна 3Б: Спасибо 👍
                """);

        assertThat(mail.number()).isEqualTo("2");
        assertThat(mail.decisions()).extracting(Decision::text)
                .containsExactly("Учителям 4-х классов использовать результаты ВПР для корректировки рабочих программ.");
        assertThat(messenger.number()).isEqualTo("1");
        assertThat(messenger.decisions()).extracting(Decision::text, Decision::responsible).containsExactly(
                tuple("кл руководителям сдать планы вр классов до 15.09", List.of("кл руководителям")),
                tuple("соц педагогу Ивашкиной Л.Р. сверить списки до 20.09.24", List.of("соц педагогу Ивашкиной Л.Р.")));
    }

    @Test
    void aCellPerLineTableWhoseNumberHeaderHasTwoParagraphsAndAWordBrokenInACell() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 5
                совещания при директоре от 14.06.2025
                РЕШИЛИ:
                №
                п/п
                Содержание
                Срок
                Ответственный
                1.
                Подготовить акт готовности школы и представить школу к приёмке муници-
                пальной комиссией
                до 10.08.25
                Трофимова Е.Н., кл. руководители 1-х кл.
                2.
                Осуществлять контроль за ходом ремонтных работ
                постоянно
                Трофимова Е.Н.
                """);

        assertThat(draft.decisions()).extracting(Decision::text, Decision::responsible).containsExactly(
                tuple("Подготовить акт готовности школы и представить школу к приёмке муниципальной комиссией",
                        List.of("Трофимова Е.Н.", "кл. руководители 1-х кл")),
                tuple("Осуществлять контроль за ходом ремонтных работ", List.of("Трофимова Е.Н.")));
    }

    @Test
    void reportersOfLaterItemsAndADecisionWordWithARemark() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 27
                заседания ГЭК от 24.06.2025
                ПОВЕСТКА ДНЯ:
                1. Об утверждении результатов ЕГЭ.
                2. О готовности ППЭ.
                1. По первому вопросу выступила Абдуллина Зульфия Рашидовна.
                Решение (принято единогласно):
                1.1. Утвердить результаты ЕГЭ по химии.
                2. Докладчик: Гончаренко В.Ю. – о готовности ППЭ.
                РЕШИЛИ:
                2.1. Членам ГЭК проводить проверку готовности ППЭ накануне дня проведения экзамена.
                По 3 вопросу: докладчик - Гуляева Н.С., методист МКУ «ЦОКО», о регламенте.
                Решили.
                3.1 Вносить изменения в регламент по мере необходимости
                Отв.: Гуляева Н.С.
                """);

        assertThat(draft.agenda()).extracting(ProtocolDraft.AgendaItem::speakerNames).containsExactly(
                List.of("Абдуллина З.Р."), List.of("Гончаренко В.Ю."), List.of("Гуляева Н.С."));
        assertThat(draft.decisions()).extracting(Decision::number).containsExactly("1.1", "2.1", "3.1");
        assertThat(draft.decisions().get(2).responsible()).containsExactly("Гуляева Н.С.");
        assertThat(draft.decisions().get(2).deadline().kind()).isEqualTo(DeadlineKind.OTHER);
    }

    @Test
    void cellsOfACellPerLineTableWrappedOntoLinesOfTheirOwn() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 4 заседания ППк от 15.01.2025
                Решение ППк:
                №
                п/п
                Содержание решения
                Ответственные
                Срок
                1.
                Рекомендовать родителям обучающегося 2 «Б» класса
                М. А. обратиться в территориальную ПМПК
                Носкова Т.В.,
                Тимергалиева А.Р.
                до 01.02.2025
                2.
                Организовать коррекционно-развивающие занятия с
                учителем-логопедом
                Гареева Л.Р., Зуева
                О.Н.
                во втором
                полугодии
                3.
                Ознакомить родителей с решением консилиума под
                подпись
                Пахомов Д.И.
                в течение 3 дней
                после заседания
                Председатель ППк          Т.В. Носкова
                """);

        assertThat(draft.decisions()).extracting(Decision::text, Decision::responsible).containsExactly(
                tuple("Рекомендовать родителям обучающегося 2 «Б» класса М. А. обратиться в территориальную ПМПК",
                        List.of("Носкова Т.В.", "Тимергалиева А.Р.")),
                tuple("Организовать коррекционно-развивающие занятия с учителем-логопедом", List.of("Гареева Л.Р.", "Зуева О.Н.")),
                tuple("Ознакомить родителей с решением консилиума под подпись", List.of("Пахомов Д.И.")));
        assertThat(draft.decisions().get(1).deadline().dueDate()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(draft.decisions().get(2).deadline().kind()).isEqualTo(DeadlineKind.OTHER);
    }

    @Test
    void aPipeTablesWrappedPartyCellIsOneParty() {
        ProtocolDraft draft = parser.parse("""
                ПЕРЕЧЕНЬ ПОРУЧЕНИЙ
                от 12.02.2025 № 5
                | № | Поручение                         | Ответственные              | Срок        |
                | 1 | Провести совещание с руководителями | Начальники районных        | до 01.03.2025 |
                |   | ОО по итогам мониторинга            | управлений образования     |             |
                | 2 | Обновить планы подготовки к ГИА     | отдел общего образования   | постоянно   |
                |   |                                     | департамента (Тихонова Е.В.) |           |
                """);

        assertThat(draft.decisions()).extracting(Decision::responsible).containsExactly(
                List.of("Начальники районных управлений образования"), List.of("отдел общего образования департамента (Тихонова Е.В.)"));
    }

    @Test
    void aHeardSentenceThatEndsBeforeTheDecisionHeadingIsNoPartOfIt() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ СОВЕЩАНИЯ РУКОВОДИТЕЛЕЙ
                12 ОКТЯБРЯ 2025 ГОДА № 7
                2. О методическом сопровождении школ
                Заслушав информацию директора МКУ «ИМЦ» Беловой О.Ю., совещание отметило необходимость адресной помощи.
                Решение совещания:
                1. Руководителям общеобразовательных организаций:
                1.1. обеспечить внесение сведений до 20 октября 2025 года;
                Срок: до 01.11.2025
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::responsible)
                .containsExactly(tuple("1.1", List.of("Руководителям общеобразовательных организаций")));
        assertThat(draft.agenda()).flatExtracting(ProtocolDraft.AgendaItem::speakerNames).containsExactly("Белова О.Ю.");
    }

    @Test
    void aWordTableWithBarsPaddedByTabsIsReadByItsHeader() {
        ProtocolDraft draft = parser.parse("""
                Протокол совещания при заведующем № 3
                14.02.2025
                РЕШЕНИЕ СОВЕЩАНИЯ:
                № п/п\t|\tСодержание решения\t|\tОтветственный\t|\tСрок исполнения
                1.\t|\tОтчёт старшего воспитателя принять к сведению\t|\t–\t|\t–
                2.\t|\tОбновить паспорта групп\t|\tВоспитатели групп\t|\tдо 28.02.2025
                \t|\t\t|\t\t|
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible).containsExactly(
                tuple("1", "Отчёт старшего воспитателя принять к сведению", List.of()),
                tuple("2", "Обновить паспорта групп", List.of("Воспитатели групп")));
        assertThat(draft.decisions().get(1).deadline().dueDate()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void aTabTableRowWhoseCellsFollowOnLinesOfTheirOwnStaysOneRow() {
        ProtocolDraft draft = parser.parse("""
                ПЕРЕЧЕНЬ ПОРУЧЕНИЙ
                от 11.03.2026 № 4
                № п/п\tПоручение\tОтветственный\tСрок исполнения
                1.\tСверить списки участников ГИА-11\tМуниципальные координаторы\tдо 20.03.2026
                2.\tПровести пробный экзамен по математике
                \tРуководители ППЭ
                \tдо 10 апреля 2026 г.
                3.\tОбновить сведения о наблюдателях\tОтдел ГИА (Романова Т.С.)\tеженедельно по средам
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible).containsExactly(
                tuple("1", "Сверить списки участников ГИА-11", List.of("Муниципальные координаторы")),
                tuple("2", "Провести пробный экзамен по математике", List.of("Руководители ППЭ")),
                tuple("3", "Обновить сведения о наблюдателях", List.of("Отдел ГИА (Романова Т.С.)")));
        assertThat(draft.decisions().get(1).deadline().dueDate()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(draft.decisions().get(2).deadline().kind()).isEqualTo(DeadlineKind.ONGOING);
    }

    @Test
    void anItemsTitleWrapsAndItsReportersFollowInBrackets() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ
                совещания начальника департамента с руководителями МОУО
                10.02.2026 № 2
                Председательствовал: начальник департамента Орлов В.Н.
                Присутствовали: 31 чел.
                I. О готовности пунктов проведения экзаменов
                к досрочному периоду
                (Фомичёв А.Р., Кирсанова Л.Д.)
                По итогам обсуждения решили:
                1. Информацию директора ГКУ «Центр мониторинга качества образования»
                Фомичёва А.Р. и специалиста отдела Кирсановой Л.Д. принять к сведению.
                2. Руководителям МОУО проверить оснащение ППЭ до 01.03.2026.
                """);

        assertThat(draft.agenda()).extracting(ProtocolDraft.AgendaItem::title)
                .containsExactly("О готовности пунктов проведения экзаменов к досрочному периоду");
        assertThat(draft.agenda()).flatExtracting(ProtocolDraft.AgendaItem::speakerNames)
                .containsExactly("Фомичёв А.Р.", "Кирсанова Л.Д.");
        assertThat(draft.decisions()).extracting(Decision::number).containsExactly("1", "2");
        assertThat(draft.decisions().getFirst().text()).endsWith("Кирсановой Л.Д. принять к сведению.");
        assertThat(draft.decisions().getFirst().responsible()).isEmpty();
    }

    @Test
    void questionsWithoutAnAgendaHeadingAreTheAgendaAndAReporterLineOpensTheNextItem() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 5
                заседания районного методического объединения учителей химии
                22.01.2026
                Присутствовали: 14 человек
                Вопрос 1. Об итогах муниципального этапа олимпиады по химии в
                2025/2026 учебном году.
                Докладчик: Ершова Марина Львовна, руководитель РМО.
                Вопрос 2. О подготовке к ОГЭ.
                (Зотов П.К., Алиева Р.М.)
                ПОСТАНОВИЛИ:
                1. Информацию принять к сведению.
                2. Учителям химии включить задания олимпиадного уровня в уроки в течение года.
                Контроль за исполнением решения возложить на методиста МКУ «ИМЦ»
                Ершову М.Л.
                """);

        assertThat(draft.agenda()).extracting(ProtocolDraft.AgendaItem::number).containsExactly("1", "2");
        assertThat(draft.agenda()).flatExtracting(ProtocolDraft.AgendaItem::speakerNames)
                .containsExactly("Ершова М.Л.", "Зотов П.К.", "Алиева Р.М.");
        assertThat(draft.decisions().getLast().text())
                .isEqualTo("Контроль за исполнением решения возложить на методиста МКУ «ИМЦ» Ершову М.Л.");
    }

    @Test
    void aNumberedLineFollowedByItsReporterIsTheNextItemNotADecision() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 1
                заседания ШМО учителей начальных классов
                16.09.2025
                1. Итоги диагностики первоклассников
                Докладчик: Сомова Е.А., руководитель ШМО.
                Решили:
                1)информацию принять к сведению;
                2)учителям 1-х классов составить планы адаптации до 01.10.2025.
                2. Олимпиада «Умники»
                Докладчик: Л.П. Гарина, учитель.
                Решили: провести школьный тур олимпиады в октябре текущего года.
                """);

        assertThat(draft.agenda()).flatExtracting(ProtocolDraft.AgendaItem::speakerNames).contains("Сомова Е.А.", "Гарина Л.П.");
        assertThat(draft.decisions()).extracting(Decision::text).noneMatch(t -> t.startsWith("Олимпиада"));
        Decision last = draft.decisions().getLast();
        assertThat(last.text()).startsWith("провести школьный тур олимпиады");
        assertThat(last.deadline().dueDate()).isEqualTo(LocalDate.of(2025, 10, 31));
    }

    @Test
    void aLegalDatabasesRequisitesAreReadAboveItsPrint() {
        ProtocolDraft draft = parser.parse("""
                Документ предоставлен КонсультантПлюс
                Дата сохранения: 03.03.2025
                ДЕПАРТАМЕНТ ОБРАЗОВАНИЯ ГОРОДА ЛЕСНОГОРСКА
                КОЛЛЕГИЯ
                РЕШЕНИЕ
                ОБ ИТОГАХ МОНИТОРИНГА ФУНКЦИОНАЛЬНОЙ ГРАМОТНОСТИ
                Заслушав информацию начальника отдела общего образования, коллегия РЕШИЛА:
                1. Информацию принять к сведению.
                2. Руководителям ОО разработать планы повышения функциональной грамотности до 01.04.2025.
                Председатель коллегии
                А.П.МИРОНОВ
                г. Лесногорск
                20 февраля 2025 года
                N 2/4
                КонсультантПлюс
                надежная правовая поддержка
                www.consultant.ru
                """);

        assertThat(draft.date()).isEqualTo(LocalDate.of(2025, 2, 20));
        assertThat(draft.number()).isEqualTo("2/4");
        assertThat(draft.decisions()).hasSize(2);
    }

    @Test
    void theVenueAfterTheDateLeavesTheDateTheDocuments() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 3
                заседания муниципального методического совета
                18.12.2025              МАОУ «Гимназия № 4», актовый зал
                РЕШИЛИ:
                1. Утвердить план работы на второе полугодие.
                """);

        assertThat(draft.date()).isEqualTo(LocalDate.of(2025, 12, 18));
        assertThat(draft.number()).isEqualTo("3");
    }

    @Test
    void whoSpokeInAResolutionsProseAreItsSpeakers() {
        ProtocolDraft draft = parser.parse("""
                РЕЗОЛЮЦИЯ
                районной педагогической конференции
                15 сентября 2025 года
                В конференции приняли участие 240 педагогов. С докладом выступил
                начальник управления образования Кудрин С.В. Также выступили директор
                МБОУ «СОШ № 2» Полякова Н.Г. и учитель физики Ахметов Р.Р. Работа продолжилась в секциях.
                Участники конференции РЕШИЛИ:
                1. Признать работу системы образования района в 2024-2025 учебном году удовлетворительной.
                2. Руководителям ОО организовать в летний период ремонт учебных кабинетов.
                """);

        assertThat(draft.agenda()).flatExtracting(ProtocolDraft.AgendaItem::speakerNames)
                .containsExactly("Кудрин С.В.", "Полякова Н.Г.", "Ахметов Р.Р.");
        assertThat(draft.decisions().getFirst().deadline()).as("a judged year is no deadline").isNull();
        assertThat(draft.decisions().get(1).deadline().kind()).isEqualTo(DeadlineKind.WITHIN_PERIOD);
        assertThat(draft.decisions().get(1).deadline().periodStart()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void aTimeRightAfterTheOrderedVerbIsTheDeadlineButNotTheSeasonOfTheResultsJudged() {
        ProtocolDraft draft = parser.parse("""
                ПРИКАЗ
                09.09.2024 № 301
                ПРИКАЗЫВАЮ:
                1. Утвердить аналитическую справку по результатам ВПР весной 2024 года (приложение).
                2. МКУ «ИМЦ» провести в 2025 году выездные консультации в школах с низкими результатами.
                3. Руководителям ОО представлять отчёты в течение 5 рабочих дней после проведения диагностики.
                """);

        assertThat(draft.decisions().get(0).deadline()).isNull();
        assertThat(draft.decisions().get(1).deadline().dueDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(draft.decisions().get(2).deadline().kind()).as("counted from one event").isEqualTo(DeadlineKind.OTHER);
    }

    @Test
    void aNewsPageGivesTheDayItsEventWasHeldNotThePostsDay() {
        ProtocolDraft draft = parser.parse("""
                МКУ «Информационно-методический центр» Берёзовского округа
                Главная   Новости   Документы   Контакты
                12.03.2025 09:40 | Новости | Просмотров: 87
                Резолюция муниципального семинара заместителей директоров
                11 марта 2025 года на базе МАОУ «Гимназия № 3» прошёл муниципальный семинар для заместителей директоров.
                По итогам семинара участники решили:
                1. Руководителям ОО провести внутренние семинары по итогам ВПР в апреле 2025 года.
                Яндекс.Метрика
                """);

        assertThat(draft.date()).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(draft.decisions()).extracting(Decision::text).containsExactly(
                "Руководителям ОО провести внутренние семинары по итогам ВПР в апреле 2025 года.");
    }

    @Test
    void aResolutionAdoptedOnADayGivesThatDay() {
        ProtocolDraft draft = parser.parse("""
                РЕЗОЛЮЦИЯ
                районной конференции учителей математики
                Конференция РЕШИЛА:
                1. Рекомендовать руководителям ШМО обобщить опыт подготовки к ОГЭ.
                Принята участниками конференции 2 апреля 2025 года, г. Лесогорск.
                """);

        assertThat(draft.date()).isEqualTo(LocalDate.of(2025, 4, 2));
    }

    @Test
    void aDateFieldWithThePlaceFieldOnItsLine() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 4
                заседания районного методического объединения учителей истории
                Дата: 14.01.2025          Место проведения: МБОУ «Лесная СОШ № 1»
                РЕШИЛИ:
                1. Информацию принять к сведению.
                """);

        assertThat(draft.date()).isEqualTo(LocalDate.of(2025, 1, 14));
        assertThat(draft.number()).isEqualTo("4");
    }

    @Test
    void aMessengerCopyWithStampsOverItsMessagesKeepsTheRepliesOutOfTheDecisions() {
        ProtocolDraft draft = parser.parse("""
                Ольга Сергеевна, [14.02.2025 15:02]
                Коллеги, протокол совещания для исполнения
                Ольга Сергеевна, [14.02.2025 15:03]
                ПРОТОКОЛ № 6
                совещания при заведующем
                от 13.02.2025
                РЕШИЛИ:
                1. Воспитателям обновить уголки безопасности до 28.02.2025.
                2. Контроль за исполнением решений оставляю за собой.
                Ольга Сергеевна, [14.02.2025 15:10]
                Подписанный скан пришлю завтра
                """);

        assertThat(draft.decisions()).extracting(Decision::text).containsExactly(
                "Воспитателям обновить уголки безопасности до 28.02.2025.", "Контроль за исполнением решений оставляю за собой.");
    }

    @Test
    void aPersonNamedAfterACategoryIsAPartyOfTheirOwn() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 2
                от 10.10.2024
                РЕШИЛИ:
                1. Провести неделю здоровья.
                Ответственные: воспитатели, инструктор по физической культуре Бойко Н.С.
                2. Учителям-предметникам, классным руководителям провести родительские собрания.
                """);

        assertThat(draft.decisions()).extracting(Decision::responsible).containsExactly(
                List.of("воспитатели", "инструктор по физической культуре Бойко Н.С."),
                List.of("Учителям-предметникам", "классным руководителям"));
    }

    @Test
    void aPageWhoseLineBreaksWereLostIsReadByItsLabelsAndItsItemsNumbers() {
        ProtocolDraft draft = parser.parse("Главная » Документы Протокол совещания руководителей общеобразовательных организаций № 5 от 20.03.2025 "
                + "Опубликовано 21.03.2025 Председатель: Панова И.Л., начальник управления образования. Присутствовали: "
                + "руководители школ (18 чел.). Повестка: 1. О подготовке к ВПР. 2. О летней кампании. СЛУШАЛИ: по первому "
                + "вопросу – Гаврилову Анну Петровну, методиста ИМЦ. Решение совещания: 1. Информацию принять к сведению. "
                + "2. Руководителям школ: 2.1. обеспечить объективность ВПР в классах с 10.04.2025 по 16.05.2025; 2.2. "
                + "назначить наблюдателей до 01.04.2025. 3. Контроль за исполнением решения оставляю за собой.");

        assertThat(draft.date()).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(draft.number()).isEqualTo("5");
        assertThat(draft.decisions()).extracting(Decision::number).containsExactly("1", "2.1", "2.2", "3");
        assertThat(draft.decisions().get(2).responsible()).containsExactly("Руководителям школ");
        assertThat(draft.decisions().get(2).deadline().dueDate()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(draft.agenda()).flatExtracting(ProtocolDraft.AgendaItem::speakerNames).contains("Гаврилова А.П.");
    }

    @Test
    void aTabTablesRowWhoseCellsCameOutALineEach() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 3
                от 14.01.2025
                Решение:
                № п/п\tМероприятие\tСрок\tОтветственные
                1.\tПровести анализ контрольных работ\tдо 31.01.2025\tШарипова Р.Х.
                2.
                Провести анкетирование родителей
                февраль 2025 г.
                Эльдарова С.К.
                3.\tОбновить положение о ВСОКО\tдо 01.03.2025\tШарипова Р.Х.
                """);

        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible).containsExactly(
                tuple("1", "Провести анализ контрольных работ", List.of("Шарипова Р.Х.")),
                tuple("2", "Провести анкетирование родителей", List.of("Эльдарова С.К.")),
                tuple("3", "Обновить положение о ВСОКО", List.of("Шарипова Р.Х.")));
        assertThat(draft.decisions().get(1).deadline().periodStart()).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void aPositionsPersonOnTheNextLineOfItsFieldIsNoSignature() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ СОВЕЩАНИЯ ПРИ ДИРЕКТОРЕ
                ОТ 03.06.2025 № 12
                Решение совещания:
                1.1. Организовать дежурство специалистов в дни проведения экзаменов.
                Ответственный: заместитель директора
                Р.Р. Мухаметшин
                1.2. Направлять в министерство сводную информацию.
                Срок: еженедельно по пятницам
                Решение совещания: информацию принять к сведению.
                """);

        assertThat(draft.decisions()).extracting(Decision::text).containsExactly(
                "Организовать дежурство специалистов в дни проведения экзаменов.",
                "Направлять в министерство сводную информацию.", "информацию принять к сведению.");
        assertThat(draft.decisions().getFirst().responsible()).containsExactly("заместитель директора Р.Р. Мухаметшин");
    }

    @Test
    void aHeadingOfDecisionsAfterAHeardSentenceEndingInACommaStandsApart() {
        ProtocolDraft draft = parser.parse("""
                Протокол совещания руководителей образовательных организаций № 6 от 20.11.2025
                Председательствовал: начальник управления образования Лаптев Д.В.
                Заслушав информацию методиста РМК Орловой Т.В. о мониторинге, а также выступление директора школы Н.Ф. Дьячук,
                Решение совещания:
                • Информацию выступающих принять к сведению.
                • Руководителям ОО провести родительские собрания до 15.12.2025.
                руководитель РМК Орлова Т.В.
                """);

        assertThat(draft.decisions()).extracting(Decision::text).containsExactly(
                "Информацию выступающих принять к сведению.", "Руководителям ОО провести родительские собрания до 15.12.2025.");
        assertThat(draft.agenda()).flatExtracting(ProtocolDraft.AgendaItem::speakerNames).contains("Орлова Т.В.", "Дьячук Н.Ф.");
    }

    @Test
    void aLegalDatabasesHeadOfAPageGivesRequisitesFoundNowhereElse() {
        ProtocolDraft draft = parser.parse("""
                УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ЛЕСНОГО РАЙОНА
                ПРИКАЗ
                ОБ ИТОГАХ ВПР
                ПРИКАЗЫВАЮ:
                1. Руководителям ОО провести анализ результатов ВПР до 20.06.2024.
                Начальник управления образования                  С.М. Дорохин
                Документ предоставлен КонсультантПлюс
                Приказ Управления образования администрации Лесного района
                от 03.06.2024 N 164
                "Об итогах ВПР"
                """);

        assertThat(draft.date()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(draft.number()).isEqualTo("164");
    }
}

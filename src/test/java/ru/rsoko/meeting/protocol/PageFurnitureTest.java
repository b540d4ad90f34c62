package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;
import ru.rsoko.meeting.protocol.ProtocolDraft.Decision;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What surrounds a document on a page and is no part of it: page numbers and running heads, an e-signature stamp,
 * the performer mark, a site's menu and footer, what is left of a table's borders. In wordings of their own, not
 * the corpus texts.
 */
class PageFurnitureTest {

    private final ProtocolParser parser = new ProtocolParser();

    @Test
    void stampsPerformerMarksContactsAndTableResidueAreFurnitureLineByLine() {
        assertThat(List.of(
                "ДОКУМЕНТ ПОДПИСАН",
                "ЭЛЕКТРОННОЙ ПОДПИСЬЮ",
                "Документ подписан усиленной квалифицированной электронной подписью",
                "Сведения о сертификате ЭП",
                "Сертификат: 7A 3F 00 12 9C 44 B1 0E 55 21",
                "Владелец: Смирнова Ольга Петровна",
                "Действителен: с 01.02.2024 по 27.04.2025",
                "Исп. Коврова Н.Д., тел. 8 (48439) 5-12-07",
                "Исп. Коврова Н.Д.",
                "Исполнитель: Коврова Надежда Дмитриевна",
                "тел. 8 (48439) 5-12-07",
                "E-mail: roo@example.ru",
                "тел/факс (48439) 5-12-08",
                "249100, Калужская обл., г. Таруса, ул. Ленина, д. 3",
                "Поделиться: ВКонтакте Telegram",
                "Деятельность / Методическая работа / Протоколы заседаний",
                "Подписано ЭП: Орлов А.А., заведующий, 12.03.2025 10:41",
                "Документ зарегистрирован № 45-од от 12.03.2025 (Отдел образования)",
                "Издатель: Казначейство России",
                "Скачать (PDF, 245 Кб)",
                "Страница 2 из 4. Дата печати: 03.03.2025",
                "|",
                "| |")).allMatch(ProtocolText::isFurniture);
        assertThat(List.of(
                "тельных организаций, выявить дефициты в формировании грамотности",
                "Исполнитель: Петрова А.А.",
                "Ответственные: МБОУ СОШ / ДОУ / УДО",
                "2023 / 2024 учебный год",
                "т.е. не менее двух раз в четверть",
                "Телефон доверия разместить на сайтах ОО",
                "Срок: с 01.09.2024 по 31.05.2025",
                "Ответственные: руководители ОО")).noneMatch(ProtocolText::isFurniture);
    }

    @Test
    void aRunningHeadBesideAPageNumberOrRepeatedOnThePagesIsFurniture() {
        List<String> lines = List.of(
                "2.1. Руководителям школ провести педагогические советы по итогам",
                "- 2 -",
                "Отдел образования Тарусского района Протокол № 7 от 11.03.2025",
                "мониторинга.",
                "2.2. Утвердить состав рабочей группы.",
                "Гимназия им. Н.Е. Жуковского, педсовет",
                "Страница 3 из 5",
                "Гимназия им. Н.Е. Жуковского, педсовет");
        assertThat(furnitureOf(lines)).containsExactly(
                "- 2 -", "Отдел образования Тарусского района Протокол № 7 от 11.03.2025", "Гимназия им. Н.Е. Жуковского, педсовет",
                "Страница 3 из 5", "Гимназия им. Н.Е. Жуковского, педсовет");
    }

    @Test
    void aRunningHeadNamingTheDocumentsKindBesideAPageNumberIsFurniture() {
        List<String> lines = List.of(
                "2.2) организовать мониторинг реализации ФОП.",
                "2",
                "Резолюция августовской конференции – 2023",
                "3. Руководителям образовательных организаций:",
                "Решение о награждении принято единогласно.");
        assertThat(furnitureOf(lines)).containsExactly("2", "Резолюция августовской конференции – 2023");
    }

    @Test
    void aRunningHeadCarryingItsPagesNumberIsFurniture() {
        List<String> lines = List.of(
                "2.2 Родителям оказать содействие в организации экскурсий.",
                "МБОУ «Лицей № 3» – Протокол УС № 2 2",
                "2.3 Администрации представить отчёт до 15 сентября 2025 года.",
                "Председатель совета _______ А.А. Орлов",
                "МБОУ «Лицей № 3» – Протокол УС № 2 3",
                "Принять к сведению информацию о работе № 4 2");
        assertThat(furnitureOf(lines)).containsExactly(
                "МБОУ «Лицей № 3» – Протокол УС № 2 2", "МБОУ «Лицей № 3» – Протокол УС № 2 3");
    }

    @Test
    void aRunningHeadWithTheNumberSignGluedBesideAPageNumberIsFurniture() {
        assertThat(furnitureOf(List.of("2) Рекомендовать директору школы:", "МКУ «ЦОКО» г. Озёрска Протокол№4 заседания комиссии", "2",
                "а) провести служебную проверку;"))).containsExactly("МКУ «ЦОКО» г. Озёрска Протокол№4 заседания комиссии", "2");
    }

    @Test
    void aWordBrokenAfterTwoLettersJoinsWholeButPoAndVoKeepTheirHyphen() {
        assertThat(ProtocolText.joinWrapped("о местах регистрации на эк-", "замены.")).isEqualTo("о местах регистрации на экзамены.");
        assertThat(ProtocolText.joinWrapped("говорить по-", "русски")).isEqualTo("говорить по-русски");
        assertThat(ProtocolText.joinWrapped("во-", "первых")).isEqualTo("во-первых");
    }

    @Test
    void aNewsPagesNavigationIsFurniture() {
        assertThat(furnitureOf(List.of("← Предыдущая новость    Следующая новость →", "Счётчик посещений: сегодня 12",
                "Политика конфиденциальности", "Другие новости:", "Кислицына Н.Б. Признаки необъективности.pdf (1,4 Мб)",
                "Материалы семинара (презентации) доступны для скачивания:"))).hasSize(6);
    }

    @Test
    void aDecisionBesideAPageNumberStaysContent() {
        List<String> lines = List.of(
                "1. Утвердить план мероприятий № 4 на 2025 год от 11.03.2025 года.",
                "3",
                "2. Директорам школ обеспечить исполнение приказа № 12 от 01.03.2025",
                "Председатель                А.А. Орлов",
                "Страница 1 из 1");
        assertThat(furnitureOf(lines)).containsExactly("3", "Страница 1 из 1");
    }

    @Test
    void aSitesMenuBetweenItsOtherFurnitureIsFurnitureButADecisionAfterACounterIsNot() {
        List<String> lines = List.of(
                "Просмотров: 48",
                "Новости образования",
                "Приказы отдела",
                "© 2025 Отдел образования",
                "Опубликовано: 12.03.2025",
                "Провести совещание заместителей директоров",
                "1. Подготовить отчёт.");
        assertThat(furnitureOf(lines)).containsExactly("Просмотров: 48", "Новости образования", "Приказы отдела",
                "© 2025 Отдел образования", "Опубликовано: 12.03.2025");
    }

    @Test
    void aPageBreakBetweenADecisionAndItsFieldsNeitherSplitsNorEndsIt() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 7
                совещания заместителей директоров по УВР
                от 11.03.2025
                РЕШИЛИ:
                1. Руководителям школ провести педагогические советы по итогам
                Документ подписан электронной подписью
                - 2 -
                Отдел образования Тарусского района              Протокол № 7 от 11.03.2025
                мониторинга.
                Ответственные: заместители директоров по УВР
                Срок: до 28.03.2025
                2. Утвердить состав рабочей группы.

                Заведующий отделом образования
                ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ
                Владелец: Орлов Алексей Алексеевич
                А.А. Орлов
                Исполнитель: Коврова Надежда Дмитриевна
                тел. 8 (48439) 5-12-07
                """);
        assertThat(draft.decisions()).extracting(Decision::number, Decision::text, Decision::responsible)
                .containsExactly(
                        tuple("1", "Руководителям школ провести педагогические советы по итогам мониторинга.",
                                List.of("заместители директоров по УВР")),
                        tuple("2", "Утвердить состав рабочей группы.", List.of()));
        assertThat(draft.unplaced()).contains("А.А. Орлов", "Исполнитель: Коврова Надежда Дмитриевна", "- 2 -");
    }

    @Test
    void aTablesHeaderRepeatedOnTheNextPageIsNoDecisionWhetherOrNotAPageNumberMarksTheBreak() {
        ProtocolDraft cellPerLine = parser.parse("""
                ПРОТОКОЛ № 2
                от 10.10.2024
                РЕШИЛИ:
                № п/п
                Мероприятие
                Срок
                Ответственный
                1.
                Провести входную диагностику по математике
                до 20.10.2024
                Петрова А.А.
                2.
                Разработать план коррекционной работы
                до 01.11.2024
                Руководители ШМО
                Страница 1 из 2
                № п/п
                Мероприятие
                Срок
                Ответственный
                3.
                Провести повторную диагностику
                декабрь 2024 г.
                Петрова А.А.
                Председатель А.А. Орлов
                """);
        assertThat(cellPerLine.decisions()).extracting(Decision::number, Decision::responsible).containsExactly(
                tuple("1", List.of("Петрова А.А.")), tuple("2", List.of("Руководители ШМО")), tuple("3", List.of("Петрова А.А.")));
        ProtocolDraft typed = parser.parse("""
                ПРОТОКОЛ № 3
                от 10.10.2024
                РЕШИЛИ:
                | № | Решение | Срок | Ответственный |
                |---|---|---|---|
                | 1 | Провести входную диагностику по математике | до 20.10.2024 | Петрова А.А. |
                | № | Решение | Срок | Ответственный |
                | 2 | Разработать план коррекционной работы | – | – |
                Председатель А.А. Орлов
                """);
        assertThat(typed.decisions()).extracting(Decision::number, Decision::responsible, Decision::deadline).containsExactly(
                tuple("1", List.of("Петрова А.А."), typed.decisions().getFirst().deadline()), tuple("2", List.of(), null));
    }

    @Test
    void aTemplatesEmptyNumberedRowsAndABordersStrayBarAreNoDecisions() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 8
                от 14.11.2024
                РЕШИЛИ:
                № п/п\tРешение\tОтветственный\tСрок
                1\tПровести школьный этап конкурса чтецов\tРуководитель ШМО\tдо 29.11.2024
                2\t\t\t
                3\t–\t–\t–
                4. Подготовить приказ об итогах конкурса |
                Председатель А.А. Орлов
                """);
        assertThat(draft.decisions()).extracting(Decision::number, Decision::text).containsExactly(
                tuple("1", "Провести школьный этап конкурса чтецов"), tuple("4", "Подготовить приказ об итогах конкурса"));
    }

    @Test
    void aPageCounterGluedToADecisionsLastLineIsTakenOffItNotTheLineWithIt() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 9
                от 05.12.2024
                РЕШИЛИ:
                1. Руководителям ОО провести педагогические советы по итогам Страница 1 из 2
                Протокол № 9 от 05.12.2024 Страница 2 из 2
                мониторинга до 20.12.2024.
                2. Утвердить состав рабочей группы.
                """);
        assertThat(draft.decisions()).extracting(Decision::text).containsExactly(
                "Руководителям ОО провести педагогические советы по итогам мониторинга до 20.12.2024.",
                "Утвердить состав рабочей группы.");
        assertThat(draft.unplaced()).contains("Страница 1 из 2", "Протокол № 9 от 05.12.2024 Страница 2 из 2");
    }

    @Test
    void aRunningHeadAtAPageBreakInsideATableDoesNotEndTheTable() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 6
                от 02.12.2024
                РЕШИЛИ:
                № п/п\tРешение\tОтветственный\tСрок
                1\tПровести школьный этап конкурса чтецов\tРуководитель ШМО\tдо 20.12.2024
                Протокол ШМО № 6 от 02.12.2024
                - 2 -
                2\tПодготовить приказ об итогах конкурса\tЗаместитель директора\tдо 25.12.2024
                Председатель А.А. Орлов
                """);
        assertThat(draft.decisions()).extracting(Decision::number, Decision::responsible).containsExactly(
                tuple("1", List.of("Руководитель ШМО")), tuple("2", List.of("Заместитель директора")));
        assertThat(draft.unplaced()).contains("Протокол ШМО № 6 от 02.12.2024", "- 2 -");
    }

    @Test
    void aSitesContactsAfterTheLastDecisionDoNotJoinIt() {
        ProtocolDraft draft = parser.parse("""
                ПРОТОКОЛ № 5
                от 10.10.2024
                РЕШИЛИ:
                1. Утвердить план работы на четверть.
                2. Руководителям ОО провести родительские собрания до 25 октября 2024 года
                Адрес: 624200, г. Лесной, ул. Победы, 14
                Телефон: (34342) 6-44-20
                Электронная почта: gorono@example.ru
                © Управление образования, 2024
                """);
        assertThat(draft.decisions()).extracting(Decision::text).containsExactly("Утвердить план работы на четверть.",
                "Руководителям ОО провести родительские собрания до 25 октября 2024 года");
    }

    private static List<String> furnitureOf(List<String> lines) {
        boolean[] furniture = ProtocolText.furniture(lines);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (furniture[i]) {
                found.add(lines.get(i));
            }
        }
        return found;
    }
}

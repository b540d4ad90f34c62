package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The document's own date and number wherever official documents put them, and never another act's. */
class DocumentDateTest {

    private final ProtocolParser parser = new ProtocolParser();

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void theDocumentsOwnDateAndNumber(String layout, String source, LocalDate date, String number) {
        ProtocolDraft draft = parser.parseStrictly(source);

        assertThat(draft.date()).as("date").isEqualTo(date);
        assertThat(draft.number()).as("number").isEqualTo(number);
        DraftCoverage.assertEveryLineKept(source, draft);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("number on the title, «от … г.» with the place below", """
                                ПРОТОКОЛ № 7
                                совещания руководителей ОО
                                от 24.11.2022 г.                 пгт Заречный
                                Председатель: Волкова Г.С.
                                РЕШИЛИ:
                                1. Провести анализ результатов ВПР до 16.12.2022.""",
                        LocalDate.of(2022, 11, 24), "7"),
                Arguments.of("an order: date and number on one line, then the town, then an act it cites", """
                                УПРАВЛЕНИЕ ОБРАЗОВАНИЯ
                                ПРИКАЗ
                                15.09.2022                                   № 245-од
                                г. Лесогорск
                                Об организации мониторинга
                                В соответствии с приказом Рособрнадзора от 28.03.2022
                                № 467 «Об утверждении графика проведения ВПР»
                                ПРИКАЗЫВАЮ:
                                1. Утвердить план мероприятий.""",
                        LocalDate.of(2022, 9, 15), "245-од"),
                Arguments.of("a decision in words: «21 марта 2023 года № 2»", """
                                РЕШЕНИЕ КОЛЛЕГИИ
                                21 марта 2023 года                              № 2
                                О результатах региональной оценки
                                Заслушав информацию, коллегия РЕШАЕТ:
                                1. Информацию принять к сведению.""",
                        LocalDate.of(2023, 3, 21), "2"),
                Arguments.of("an order without an agenda, number on the title and the date below it", """
                                ПРИКАЗ № 58/1
                                от 3 февраля 2023 года
                                Во исполнение приказа управления от 27.01.2023 № 34 «Об участии в ВПР» приказываю:
                                1) назначить координатором ВПР Маркову И.Ю.""",
                        LocalDate.of(2023, 2, 3), "58/1"),
                Arguments.of("everything on the title line, after a site's breadcrumbs and publication date", """
                                Главная » Документы » Приказы » Приказ № 112-о от 01.09.2022
                                Опубликовано: 05.09.2022 | Просмотров: 311
                                Приказ № 112-о от 01.09.2022 «Об организации ВСОКО»
                                В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ ПРИКАЗЫВАЮ:
                                1.Утвердить положение о ВСОКО.""",
                        LocalDate.of(2022, 9, 1), "112-о"),
                Arguments.of("a legal database: its saving date on top, the date and number below the signature", """
                                Документ предоставлен КонсультантПлюс
                                Дата сохранения: 02.06.2023
                                ПРИКАЗ
                                О РЕГИОНАЛЬНОМ МОНИТОРИНГЕ
                                В соответствии с Положением, утвержденным
                                приказом департамента от 17.08.2021 N 1422,
                                приказываю:
                                1. Провести региональный мониторинг
                                20 апреля 2023 года.
                                Директор департамента
                                Л.В.НИКОЛАЕВА
                                г. Кострома
                                14 февраля 2023 года
                                N 78
                                ------------------------------""",
                        LocalDate.of(2023, 2, 14), "78"),
                Arguments.of("an extract: the number on «из протокола», the date of issue at the end is not it", """
                                ВЫПИСКА
                                из протокола № 6 заседания педагогического совета
                                МКОУ «Озерновская ООШ № 2»
                                от 22 мая 2023 г.
                                РЕШИЛИ:
                                1. Допустить к ГИА 11 обучающихся.
                                Выписка верна.
                                Дата выдачи выписки: 29.05.2023""",
                        LocalDate.of(2023, 5, 22), "6"),
                Arguments.of("a date on its own line and the number on the next", """
                                ПРОТОКОЛ
                                заседания районного методического совета
                                «17» октября 2022 г.
                                № 2
                                Присутствовали: 11 членов совета.
                                РЕШИЛИ:
                                1) одобрить справку.""",
                        LocalDate.of(2022, 10, 17), "2"),
                Arguments.of("a labelled date with the number beside it, a ministry's name between", """
                                ПРОТОКОЛ
                                совещания по вопросам функциональной грамотности
                                Министерство образования Лесной области
                                Дата проведения: 06.12.2022                     № 31-пр
                                РЕШИЛИ:
                                1) обеспечить участие педагогов в курсах до 1 апреля 2023 г.""",
                        LocalDate.of(2022, 12, 6), "31-пр"),
                Arguments.of("glued by extraction", """
                                ПРИКАЗ
                                от 19.04.2023№ 96
                                с. Таёжное
                                ПРИКАЗЫВАЮ:1.Информацию принять к сведению.""",
                        LocalDate.of(2023, 4, 19), "96"),
                Arguments.of("a news page: the item's own date and a wrapped «протокол» are not the title", """
                                Главная / Новости / Состоялось совещание
                                07.11.2022 12:40
                                1 ноября 2022 года прошло совещание заместителей. Публикуем
                                протокол совещания.
                                Протокол совещания № 14 от 01.11.2022
                                Заслушав информацию, участники совещания решили:
                                1. Привести положения о ВСОКО в соответствие до 01.12.2022.
                                Предыдущая новость: Итоги олимпиады 02.11.2022""",
                        LocalDate.of(2022, 11, 1), "14"),
                Arguments.of("a draft without a date of its own: the cited order's date and number are not it", """
                                Проект
                                РЕШЕНИЕ
                                Совета руководителей общеобразовательных организаций
                                О мерах по повышению качества подготовки к ГИА
                                На основании приказа Минпросвещения России от 04.04.2023 № 232/551
                                Совет руководителей решил:
                                1. Закрепить кураторов до 15 сентября 2023 года.""",
                        null, null),
                Arguments.of("a resolution without a number", """
                                РЕЗОЛЮЦИЯ
                                августовского совещания педагогических работников
                                «Качество образования: от оценки к управлению»
                                26 августа 2022 года                             г. Верхнекамск
                                Участники совещания РЕШИЛИ:
                                1. Обеспечить объективность ВПР.""",
                        LocalDate.of(2022, 8, 26), null),
                Arguments.of("a header block in capitals, everything on the title line", """
                                ПРОТОКОЛ № 3 ЗАСЕДАНИЯ ПЕДАГОГИЧЕСКОГО СОВЕТА ОТ 29 ДЕКАБРЯ 2022 ГОДА
                                Присутствовали: 24 человека
                                РЕШИЛИ:
                                1. Утвердить положение о ВСОКО до 20.01.2023.""",
                        LocalDate.of(2022, 12, 29), "3"),
                Arguments.of("a legal database's «от … г. N …» under the title, the date and place labelled", """
                                РАСПОРЯЖЕНИЕ
                                от 24 ноября 2022 г. N 358-р
                                О проведении мониторинга
                                Руководствуясь приказом от 01.02.2022 N 12:
                                1. Провести мониторинг.""",
                        LocalDate.of(2022, 11, 24), "358-р"),
                Arguments.of("«Дата и место проведения:» and a deadline in the first decision", """
                                Протокол № 2
                                заседания рабочей группы
                                Дата и место проведения: 16.02.2023, г. Горностаевск
                                РЕШИЛИ:
                                1. Скорректировать программы до 01.03.2023.""",
                        LocalDate.of(2023, 2, 16), "2"),
                Arguments.of("a publication notice at the end is not the resolution's number", """
                                ПОСТАНОВЛЕНИЕ
                                от 10 марта 2023 г. № 211-п
                                Об организации ВПР
                                Администрация ПОСТАНОВЛЯЕТ:
                                1. Провести ВПР.
                                Глава городского округа Пастухов
                                Опубликовано в газете «Южноуральская новь» от 17.03.2023 № 11""",
                        LocalDate.of(2023, 3, 10), "211-п"),
                Arguments.of("a register's card above a form whose requisites were left blank", """
                                Вид документа: Постановление администрации
                                Дата принятия: 24.11.2022
                                Номер: 358
                                Дата опубликования: 30.11.2022
                                Источник опубликования: Вестник округа № 47 от 30.11.2022
                                ПОСТАНОВЛЕНИЕ
                                от ______________ № _______
                                Об организации мониторинга
                                Администрация ПОСТАНОВЛЯЕТ:
                                1. Провести мониторинг 14 декабря 2022 года.""",
                        LocalDate.of(2022, 11, 24), "358"),
                Arguments.of("a site's card after the signatures, its own page dates below it", """
                                РЕШЕНИЕ КОЛЛЕГИИ УПРАВЛЕНИЯ ОБРАЗОВАНИЯ № 5/2
                                О работе со школами с низкими результатами
                                Заслушав информацию Тимофеевой А.С., коллегия РЕШИЛА:
                                1. Информацию принять к сведению.
                                Председатель коллегии                 Д.И. Волков
                                Дата принятия: 24.11.2022
                                Страница создана: 05.12.2022 14:20
                                Вернуться к списку документов""",
                        LocalDate.of(2022, 11, 24), "5/2"),
                Arguments.of("an order amending another: the amended order's date and number in its heading are not its own", """
                                ПРИКАЗ
                                О внесении изменений в приказ от 12.10.2022 № 300
                                ПРИКАЗЫВАЮ:
                                1. Провести мониторинг до 15 декабря 2022 года.""",
                        null, null),
                Arguments.of("a council's decision whose items follow its title's requisites", """
                                РЕШЕНИЕ коллегии управления образования
                                от 24.11.2022 № 3
                                г. Тверь
                                О результатах ВПР
                                1. Информацию принять к сведению.
                                2. Провести мониторинг до 15 декабря 2022 года.""",
                        LocalDate.of(2022, 11, 24), "3"),
                Arguments.of("an electronic document system's registration stamp under the signature", """
                                ПРИКАЗ
                                О мониторинге
                                ПРИКАЗЫВАЮ:
                                1. Провести мониторинг до 15 декабря 2022 года.
                                Начальник управления                         И.И. Иванов
                                Регистрационный номер: 358
                                Дата регистрации: 24.11.2022""",
                        LocalDate.of(2022, 11, 24), "358"),
                Arguments.of("a school's number without quotes in the title is the school's", """
                                ПРОТОКОЛ заседания педагогического совета МБОУ СОШ № 5 от 24.11.2022 № 3
                                РЕШИЛИ:
                                1. Информацию принять к сведению.""",
                        LocalDate.of(2022, 11, 24), "3"),
                Arguments.of("an order for a gymnasium named without quotes, its own number below", """
                                ПРИКАЗ по МАОУ гимназии № 2
                                от 24.11.2022 № 358
                                ПРИКАЗЫВАЮ:
                                1. Провести мониторинг до 15 декабря 2022 года.""",
                        LocalDate.of(2022, 11, 24), "358"),
                Arguments.of("a protocol of a kindergarten's council without a number of its own", """
                                ПРОТОКОЛ заседания педагогического совета МБДОУ детский сад № 12
                                от 24.11.2022
                                РЕШИЛИ:
                                1. Информацию принять к сведению.""",
                        LocalDate.of(2022, 11, 24), null),
                Arguments.of("the place beside the date is a school with a number, quoted or not", """
                                ПРОТОКОЛ
                                совещания заместителей директоров
                                24.11.2022                         МБОУ «СОШ № 5»
                                РЕШИЛИ:
                                1. Информацию принять к сведению.""",
                        LocalDate.of(2022, 11, 24), null),
                Arguments.of("the place beside the date is a school named without quotes", """
                                ПРОТОКОЛ
                                совещания заместителей директоров
                                24.11.2022, МБОУ СОШ № 5
                                РЕШИЛИ:
                                1. Информацию принять к сведению.""",
                        LocalDate.of(2022, 11, 24), null),
                Arguments.of("the old «Приказ по школе № 45»: the order's number", """
                                Приказ по школе № 45
                                от 01.09.2022
                                ПРИКАЗЫВАЮ:
                                1. Утвердить расписание уроков.""",
                        LocalDate.of(2022, 9, 1), "45"),
                Arguments.of("a print date under a protocol without a date of its own", """
                                ПРОТОКОЛ № 7
                                совещания руководителей
                                РЕШИЛИ:
                                1. Информацию принять к сведению.
                                Дата печати: 28.11.2022""",
                        null, "7"),
                Arguments.of("an order amending another, its own requisites blank, a site's card above", """
                                Приказ о внесении изменений в приказ от 14.08.2024 № 212
                                Дата принятия: 16.01.2025
                                Номер: 7-од
                                ПРИКАЗ
                                от «___» ________ 20__ г.          № ____
                                О внесении изменений в приказ от 14.08.2024 № 212
                                ПРИКАЗЫВАЮ:
                                1. Внести изменения в состав рабочей группы.""",
                        LocalDate.of(2025, 1, 16), "7-од"),
                Arguments.of("a database's edition note under the title, requisites after the signature, then the periodical", """
                                КОЛЛЕГИЯ
                                РЕШЕНИЕ
                                ОБ ИТОГАХ МОНИТОРИНГА
                                (в ред. решения коллегии управления образования
                                от 11.04.2025 N 3/2)
                                Коллегия ПОСТАНОВЛЯЕТ:
                                1. Информацию принять к сведению.
                                Председатель коллегии
                                И.И.ОРЛОВ
                                г. Заречный
                                20 февраля 2025 года
                                N 1/4
                                Источник публикации: "Вестник муниципальных
                                правовых актов", N 5, 01.03.2025""",
                        LocalDate.of(2025, 2, 20), "1/4"));
    }

    @Test
    void aDecisionsTitleBlockIsNoDecision() {
        ProtocolDraft draft = parser.parseStrictly("""
                РЕШЕНИЕ
                педагогического совета от 24.11.2022 № 3
                Перевести обучающихся 1-8 классов в следующий класс.""");

        assertThat(draft.date()).isEqualTo(LocalDate.of(2022, 11, 24));
        assertThat(draft.decisions()).extracting(ProtocolDraft.Decision::text)
                .containsExactly("Перевести обучающихся 1-8 классов в следующий класс.");
    }

    @Test
    void aPrintDateIsNoDecision() {
        ProtocolDraft draft = parser.parseStrictly("""
                ПРОТОКОЛ № 7
                РЕШИЛИ:
                1. Информацию принять к сведению.
                Дата печати: 28.11.2022""");

        assertThat(draft.decisions()).extracting(ProtocolDraft.Decision::text).containsExactly("Информацию принять к сведению.");
    }

    @Test
    void titlesInCapitalsSpacedOutOrNotAndSentencesThatAreNoTitles() {
        assertThat(Stream.of("П Р И К А З", "ПРОТОКОЛ№12", "РЕШЕНИЕ КОЛЛЕГИИ", "Решение коллегии от 30 ноября 2022 года № 5/2",
                "Протокол совещания при директоре № 5 от 14.11.2022 г.", "ВЫПИСКА", "Р Е З О Л Ю Ц И Я"))
                .allMatch(DocumentDate::isTitle);
        assertThat(Stream.of("ПРИКАЗЫВАЮ:", "Решение:", "РЕШЕНИЯ", "протокол совещания.", "Протокол вела К.Л. Агафонова",
                "Решение принято единогласно.", "Приказ вступает в силу со дня подписания."))
                .noneMatch(DocumentDate::isTitle);
    }

    @Test
    void aCoveringLetterIsNotTheProtocol() {
        ProtocolDraft draft = parser.parseStrictly(ProtocolSamples.text(ProtocolSamples.SEED_002));

        assertThat(draft.date()).isEqualTo(LocalDate.of(2021, 4, 16));
        assertThat(draft.number()).as("«06.05.2021 № 57-2751» is the letter's").isNull();
    }

    @Test
    void aLongTextWithManyTitlesAndNumbersStaysFast() {
        String block = "ПРОТОКОЛ №" + "1-".repeat(2000) + "\nиз протокола «№ 1»" + "«№ 2» ".repeat(5000)
                + "\nот 24.11.2022 г. " + "г. Тверь ".repeat(3000) + "\n" + "-.".repeat(5000) + "\n";
        String source = block.repeat(500_000 / block.length() + 1);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> DocumentDate.of(ProtocolText.lines(source)));
    }
}

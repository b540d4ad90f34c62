package ru.rsoko.meeting.protocol;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline a decision's own wording names (issue 16): found where it is written, then read. */
class DecisionWordingDeadlineTest {

    private static final LocalDate MEETING = LocalDate.of(2024, 2, 14);

    @ParameterizedTest(name = "«{0}» → «{1}» {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Провести заседания ШМО в соответствии с планом работы методического объединения. | в соответствии с планом работы методического объединения | OTHER | -
            Организовать дежурство администрации до особого распоряжения.           | до особого распоряжения            | ONGOING              | -
            Провести сверку данных 15/04/2024.                                       | 15/04/2024                         | BY_DATE              | 2024-04-15
            Провести сверку данных до 15. 04. 2024.                                  | до 15. 04. 2024                    | BY_DATE              | 2024-04-15
            Представить отчёт до 1 марта 24 г.                                       | до 1 марта 24 г.                   | BY_DATE              | 2024-03-01
            Подготовить отчёт к 25.05.                                               | к 25.05                            | BY_DATE              | 2024-05-25
            Провести неделю математики 04.12–08.12.2024.                             | 04.12–08.12.2024                   | WITHIN_PERIOD        | 2024-12-08
            Провести акцию 1–10 апреля.                                              | 1–10 апреля                        | WITHIN_PERIOD        | 2024-04-10
            Провести совещание в апреле.                                             | в апреле                           | WITHIN_PERIOD        | 2024-04-30
            Продолжить работу в 2024–2025 учебном году.                              | в 2024–2025 учебном году           | WITHIN_PERIOD        | 2025-08-31
            Провести открытые уроки в течение 2023-24 уч. г.                         | в течение 2023-24 уч. г.           | WITHIN_PERIOD        | 2024-08-31
            Обеспечить питание в течение учебного года, далее – ежегодно.            | в течение учебного года, далее – ежегодно | BY_DATE_THEN_ONGOING | 2024-08-31
            Проводить планёрки еженедельно (по понедельникам).                       | еженедельно (по понедельникам)     | ONGOING              | -
            Проверять журналы еженедельно по пятницам.                               | еженедельно по пятницам            | ONGOING              | -
            Проводить планёрки каждую пятницу.                                       | каждую пятницу                     | ONGOING              | -
            Сдавать табели до 25 числа каждого месяца.                               | до 25 числа каждого месяца         | ONGOING              | -
            Завершить оформление портфолио до конца четверти.                        | до конца четверти                  | OTHER                | -
            Провести мониторинг в течение 5 рабочих дней.                            | в течение 5 рабочих дней           | OTHER                | -
            Обеспечить явку в день проведения экзамена.                              | в день проведения экзамена         | OTHER                | -
            Проверять кабинеты накануне его проведения.                              | накануне его проведения            | OTHER                | -
            Провести работы по графику, утверждённому заместителем директора.        | по графику, утверждённому заместителем директора | OTHER | -
            Провести родительские собрания в декабре текущего года.                  | в декабре текущего года            | WITHIN_PERIOD        | 2024-12-31
            Представить информацию до 15 марта текущего года.                        | до 15 марта текущего года          | BY_DATE              | 2024-03-15
            Провести семинар 28 февраля – 1 марта 2024 г.                            | 28 февраля – 1 марта 2024 г.       | WITHIN_PERIOD        | 2024-03-01
            Сдавать отчёт ежегодно в срок до 1 сентября.                             | ежегодно в срок до 1 сентября      | BY_DATE_THEN_ONGOING | 2024-09-01
            Провести инструктаж по технике безопасности накануне каникул.             | накануне каникул                   | OTHER                | -
            Обеспечить сопровождение площадок в течение срока реализации проектов.   | в течение срока реализации проектов | OTHER               | -
            Обобщить опыт и представить на августовской педагогической конференции.  | на августовской педагогической конференции | OTHER        | -
            Провести предметные недели по графику, утверждённому директором (ответственный – Иванова А.А.). | по графику, утверждённому директором | OTHER | -
            Провести открытые уроки в декабре текущего года (ответственная – Гречко Е.А.). | в декабре текущего года | WITHIN_PERIOD | 2024-12-31
            Обеспечить подготовку наблюдателей до начала экзаменационной кампании.   | до начала экзаменационной кампании | OTHER                | -
            """)
    void findsAndReads(String text, String wording, DeadlineKind kind, LocalDate due) {
        assertThat(DecisionWording.deadline(text)).contains(wording);
        Deadline deadline = DeadlineParser.parse(wording, MEETING);
        assertThat(deadline.kind()).isEqualTo(kind);
        assertThat(deadline.dueDate()).isEqualTo(due);
    }

    @org.junit.jupiter.api.Test
    void aTermInsideTheQuotedTitleOfAnActIsNoDeadline() {
        assertThat(DecisionWording.deadline("Внести в приказ от 28.08.2024 № 145 «Об организации ВСОКО в 2024-2025 учебном году» изменения."))
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aStandingSeminarIsNoRecurringDeadline() {
        assertThat(DecisionWording.deadline("Создать постоянно действующий семинар для молодых педагогов.")).isEmpty();
    }
}

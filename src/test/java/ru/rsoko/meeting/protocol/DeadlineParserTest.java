package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.meeting.DeadlineKind.AFTER_EACH_PROCEDURE;
import static ru.rsoko.meeting.DeadlineKind.BY_DATE;
import static ru.rsoko.meeting.DeadlineKind.BY_DATE_THEN_ONGOING;
import static ru.rsoko.meeting.DeadlineKind.ONGOING;
import static ru.rsoko.meeting.DeadlineKind.OTHER;
import static ru.rsoko.meeting.DeadlineKind.WITHIN_PERIOD;

/** The deadline wordings of real protocols (DOMAIN.md, the seeds) and the ways people vary them. */
class DeadlineParserTest {

    /** Seed 002's meeting. */
    private static final LocalDate MEETING = LocalDate.of(2021, 4, 16);

    @ParameterizedTest(name = "«{0}» (от {1}) → {2} {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # the table of DOMAIN.md and seed 002
            до 31 мая 2021 года                                                | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            до 10 июня 2021 года, далее - постоянно                            | 2021-04-16 | BY_DATE_THEN_ONGOING | 2021-06-10 | -
            постоянно                                                          | 2021-04-16 | ONGOING              | -          | -
            в течение 2022-2023 учебного года                                  | 2021-04-16 | WITHIN_PERIOD        | 2023-08-31 | 2022-09-01
            постоянно по итогам процедур оценки качества образования           | 2021-04-16 | AFTER_EACH_PROCEDURE | -          | -
            в соответствии со сроками плана мероприятий Концепции до 2025 года | 2021-04-16 | OTHER                | 2025-12-31 | -
            до 15 августа 2021 года                                            | 2021-04-16 | BY_DATE              | 2021-08-15 | -
            до 15 сентября 2021 года                                           | 2021-04-16 | BY_DATE              | 2021-09-15 | -
            # case, dashes, «г.» / «года» / «гг.»
            ДО 31 МАЯ 2021 ГОДА                                                | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            До 10 июня 2021 года, далее – постоянно                            | 2021-04-16 | BY_DATE_THEN_ONGOING | 2021-06-10 | -
            до 10 июня 2021 года, далее — постоянно                            | 2021-04-16 | BY_DATE_THEN_ONGOING | 2021-06-10 | -
            до 10 июня 2021 г., далее постоянно                                | 2021-04-16 | BY_DATE_THEN_ONGOING | 2021-06-10 | -
            до 10 июня 2021 года (далее – ежегодно)                            | 2021-04-16 | BY_DATE_THEN_ONGOING | 2021-06-10 | -
            до 10.06.2021, в дальнейшем – постоянно                            | 2021-04-16 | BY_DATE_THEN_ONGOING | 2021-06-10 | -
            Постоянно.                                                         | 2021-04-16 | ONGOING              | -          | -
            в течение 2022–2023 учебного года                                  | 2021-04-16 | WITHIN_PERIOD        | 2023-08-31 | 2022-09-01
            в течение 2022 - 2023 уч. года                                     | 2021-04-16 | WITHIN_PERIOD        | 2023-08-31 | 2022-09-01
            до 31 мая 2021 г.                                                  | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            до 31 мая 2021г.                                                   | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            до 31.05.2021 г.                                                   | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            # other ways to say «by»
            не позднее 1 сентября 2022 г.                                      | 2021-04-16 | BY_DATE              | 2022-09-01 | -
            в срок до 01.06.2021                                               | 2021-04-16 | BY_DATE              | 2021-06-01 | -
            до 01.06.21                                                        | 2021-04-16 | BY_DATE              | 2021-06-01 | -
            31.05.2021                                                         | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            31 мая 2021 года                                                   | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            «31» мая 2021 г.                                                   | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            Срок – до 31 мая 2021 года                                         | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            срок исполнения: до 31.05.2021                                     | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            до 31 мая 2021 года включительно                                   | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            к 1 сентября 2021 года                                             | 2021-04-16 | BY_DATE              | 2021-09-01 | -
            по 31.05.2021                                                      | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            2021-05-31                                                         | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            до конца 2021 года                                                 | 2021-04-16 | BY_DATE              | 2021-12-31 | -
            до конца мая 2021 года                                             | 2021-04-16 | BY_DATE              | 2021-05-31 | -
            до конца I квартала 2022 года                                      | 2021-04-16 | BY_DATE              | 2022-03-31 | -
            до конца года                                                      | 2021-04-16 | BY_DATE              | 2021-12-31 | -
            к концу текущего года                                              | 2021-04-16 | BY_DATE              | 2021-12-31 | -
            до конца учебного года                                             | 2021-04-16 | BY_DATE              | 2021-08-31 | -
            до конца месяца                                                    | 2021-04-16 | BY_DATE              | 2021-04-30 | -
            до 2025 года                                                       | 2021-04-16 | BY_DATE              | 2025-12-31 | -
            # without a year: the first such day on or after the meeting
            до 15 августа                                                      | 2021-04-16 | BY_DATE              | 2021-08-15 | -
            до 15 августа                                                      | 2021-09-01 | BY_DATE              | 2022-08-15 | -
            до 16 апреля                                                       | 2021-04-16 | BY_DATE              | 2021-04-16 | -
            до 15.08                                                           | 2021-04-16 | BY_DATE              | 2021-08-15 | -
            до 29 февраля                                                      | 2021-04-16 | BY_DATE              | 2024-02-29 | -
            в мае                                                              | 2021-04-16 | WITHIN_PERIOD        | 2021-05-31 | 2021-05-01
            с октября 2023 года по апрель 2024 года                            | 2023-08-29 | WITHIN_PERIOD        | 2024-04-30 | 2023-10-01
            декабрь 2025 г. – апрель 2026 г.                                   | 2025-09-01 | WITHIN_PERIOD        | 2026-04-30 | 2025-12-01
            в мае                                                              | 2021-06-01 | WITHIN_PERIOD        | 2022-05-31 | 2022-05-01
            в I квартале                                                       | 2021-04-16 | WITHIN_PERIOD        | 2022-03-31 | 2022-01-01
            # periods
            в течение 2021 года                                                | 2021-04-16 | WITHIN_PERIOD        | 2021-12-31 | 2021-01-01
            в 2022 году                                                        | 2021-04-16 | WITHIN_PERIOD        | 2022-12-31 | 2022-01-01
            2022 год                                                           | 2021-04-16 | WITHIN_PERIOD        | 2022-12-31 | 2022-01-01
            в течение текущего года                                            | 2021-04-16 | WITHIN_PERIOD        | 2021-12-31 | 2021-01-01
            в течение месяца                                                   | 2021-04-16 | WITHIN_PERIOD        | 2021-05-16 | 2021-04-16
            в течение месяца                                                   | 2021-01-31 | WITHIN_PERIOD        | 2021-02-28 | 2021-01-31
            в течение двух недель                                              | 2021-04-16 | WITHIN_PERIOD        | 2021-04-30 | 2021-04-16
            в течение 10 дней                                                  | 2021-04-16 | WITHIN_PERIOD        | 2021-04-26 | 2021-04-16
            в течение трех месяцев                                             | 2021-04-16 | WITHIN_PERIOD        | 2021-07-16 | 2021-04-16
            в месячный срок                                                    | 2021-04-16 | WITHIN_PERIOD        | 2021-05-16 | 2021-04-16
            в двухнедельный срок                                               | 2021-04-16 | WITHIN_PERIOD        | 2021-04-30 | 2021-04-16
            в 10-дневный срок                                                  | 2021-04-16 | WITHIN_PERIOD        | 2021-04-26 | 2021-04-16
            в течение года                                                     | 2021-04-16 | WITHIN_PERIOD        | 2022-04-16 | 2021-04-16
            I квартал 2022 г.                                                  | 2021-04-16 | WITHIN_PERIOD        | 2022-03-31 | 2022-01-01
            в I квартале 2022 года                                             | 2021-04-16 | WITHIN_PERIOD        | 2022-03-31 | 2022-01-01
            IV квартал 2021 года                                               | 2021-04-16 | WITHIN_PERIOD        | 2021-12-31 | 2021-10-01
            3 квартал 2021 г.                                                  | 2021-04-16 | WITHIN_PERIOD        | 2021-09-30 | 2021-07-01
            II полугодие 2021 года                                             | 2021-04-16 | WITHIN_PERIOD        | 2021-12-31 | 2021-07-01
            первое полугодие 2022 года                                         | 2021-04-16 | WITHIN_PERIOD        | 2022-06-30 | 2022-01-01
            в течение второго полугодия                                        | 2024-01-09 | WITHIN_PERIOD        | 2024-08-31 | 2024-01-01
            в I полугодии                                                      | 2024-01-09 | WITHIN_PERIOD        | 2024-12-31 | 2024-09-01
            май 2021 года                                                      | 2021-04-16 | WITHIN_PERIOD        | 2021-05-31 | 2021-05-01
            в мае 2021 года                                                    | 2021-04-16 | WITHIN_PERIOD        | 2021-05-31 | 2021-05-01
            февраль 2024 г.                                                    | 2021-04-16 | WITHIN_PERIOD        | 2024-02-29 | 2024-02-01
            сентябрь-октябрь 2021 года                                         | 2021-04-16 | WITHIN_PERIOD        | 2021-10-31 | 2021-09-01
            2021-2022 учебный год                                              | 2021-04-16 | WITHIN_PERIOD        | 2022-08-31 | 2021-09-01
            в 2021/2022 учебном году                                           | 2021-04-16 | WITHIN_PERIOD        | 2022-08-31 | 2021-09-01
            2021-22 уч. год                                                    | 2021-04-16 | WITHIN_PERIOD        | 2022-08-31 | 2021-09-01
            в течение учебного года                                            | 2021-04-16 | WITHIN_PERIOD        | 2021-08-31 | 2020-09-01
            в течение учебного года                                            | 2021-10-01 | WITHIN_PERIOD        | 2022-08-31 | 2021-09-01
            в течение следующего учебного года                                 | 2021-04-16 | WITHIN_PERIOD        | 2022-08-31 | 2021-09-01
            2021–2025 гг.                                                      | 2021-04-16 | WITHIN_PERIOD        | 2025-12-31 | 2021-01-01
            2019-2025 годы                                                     | 2021-04-16 | WITHIN_PERIOD        | 2025-12-31 | 2019-01-01
            2021-2022 гг.                                                      | 2021-04-16 | WITHIN_PERIOD        | 2022-12-31 | 2021-01-01
            с 01.09.2021 по 31.12.2021                                         | 2021-04-16 | WITHIN_PERIOD        | 2021-12-31 | 2021-09-01
            с 1 по 15 мая 2021 года                                            | 2021-04-16 | WITHIN_PERIOD        | 2021-05-15 | 2021-05-01
            # reported period by period
            ежеквартально                                                      | 2021-04-16 | ONGOING              | -          | -
            ежемесячно                                                         | 2021-04-16 | ONGOING              | -          | -
            систематически                                                     | 2021-04-16 | ONGOING              | -          | -
            на постоянной основе                                               | 2021-04-16 | ONGOING              | -          | -
            постоянно, в течение учебного года                                 | 2021-04-16 | ONGOING              | -          | -
            ежегодно до 1 сентября                                             | 2021-04-16 | BY_DATE_THEN_ONGOING | 2021-09-01 | -
            в течение года, далее постоянно                                    | 2021-04-16 | BY_DATE_THEN_ONGOING | 2022-04-16 | -
            в течение 2021 года, далее – ежегодно                              | 2021-04-16 | BY_DATE_THEN_ONGOING | 2021-12-31 | -
            # after each assessment procedure
            по итогам ВПР                                                      | 2021-04-16 | AFTER_EACH_PROCEDURE | -          | -
            после проведения каждой оценочной процедуры                        | 2021-04-16 | AFTER_EACH_PROCEDURE | -          | -
            в течение 10 дней после проведения мониторинга                     | 2021-04-16 | OTHER                | -          | -
            # school half-years, seasons, the start of a school year (issue 16)
            в течение I полугодия 2022-2023 учебного года                      | 2022-08-30 | WITHIN_PERIOD        | 2022-12-31 | 2022-09-01
            во втором полугодии 2022/2023 учебного года                        | 2022-08-30 | WITHIN_PERIOD        | 2023-08-31 | 2023-01-01
            II полугодие текущего учебного года                                | 2022-11-10 | WITHIN_PERIOD        | 2023-08-31 | 2023-01-01
            в течение всего учебного года                                      | 2021-10-01 | WITHIN_PERIOD        | 2022-08-31 | 2021-09-01
            в летний период                                                    | 2021-04-16 | WITHIN_PERIOD        | 2021-08-31 | 2021-06-01
            в летний период                                                    | 2021-09-16 | WITHIN_PERIOD        | 2022-08-31 | 2022-06-01
            в период летних каникул 2023 года                                  | 2021-04-16 | WITHIN_PERIOD        | 2023-08-31 | 2023-06-01
            летом 2022 г.                                                      | 2021-04-16 | WITHIN_PERIOD        | 2022-08-31 | 2022-06-01
            в осенний период                                                   | 2021-04-16 | WITHIN_PERIOD        | 2021-11-30 | 2021-09-01
            в зимний период                                                    | 2021-04-16 | WITHIN_PERIOD        | 2022-02-28 | 2021-12-01
            до начала учебного года                                            | 2021-04-16 | BY_DATE              | 2021-08-31 | -
            до начала нового учебного года                                     | 2021-10-16 | BY_DATE              | 2022-08-31 | -
            к началу 2023-2024 учебного года                                   | 2023-05-20 | BY_DATE              | 2023-08-31 | -
            # repeated every period, after each event (issue 16)
            еженедельно                                                        | 2021-04-16 | ONGOING              | -          | -
            ежедневно                                                          | 2021-04-16 | ONGOING              | -          | -
            1 раз в полугодие                                                  | 2021-04-16 | ONGOING              | -          | -
            один раз в квартал                                                 | 2021-04-16 | ONGOING              | -          | -
            не реже 2 раз в год                                                | 2021-04-16 | ONGOING              | -          | -
            не реже одного раза в месяц                                        | 2021-04-16 | ONGOING              | -          | -
            2 раза в учебный год                                               | 2021-04-16 | ONGOING              | -          | -
            по итогам каждой четверти                                          | 2021-04-16 | ONGOING              | -          | -
            ежемесячно до 5 числа                                              | 2021-04-16 | ONGOING              | -          | -
            после проведения каждой процедуры                                  | 2021-04-16 | AFTER_EACH_PROCEDURE | -          | -
            по итогам каждого мероприятия                                      | 2021-04-16 | AFTER_EACH_PROCEDURE | -          | -
            по завершении каждого этапа                                        | 2021-04-16 | AFTER_EACH_PROCEDURE | -          | -
            # days with slashes or spaces, two-digit years, ranges written with a dash (issue 16)
            до 15/04/2024                                                      | 2024-03-05 | BY_DATE              | 2024-04-15 | -
            15. 03. 2024                                                       | 2024-03-05 | BY_DATE              | 2024-03-15 | -
            до 20.03.24 г.                                                     | 2024-03-05 | BY_DATE              | 2024-03-20 | -
            до 15 марта 24 г.                                                  | 2024-03-05 | BY_DATE              | 2024-03-15 | -
            04.12–08.12.2023                                                   | 2023-10-12 | WITHIN_PERIOD        | 2023-12-08 | 2023-12-04
            18.12.2023 – 22.12.2023                                            | 2023-10-12 | WITHIN_PERIOD        | 2023-12-22 | 2023-12-18
            25.12–12.01.2024                                                   | 2023-10-12 | WITHIN_PERIOD        | 2024-01-12 | 2023-12-25
            с 1 марта по 15 апреля 2024 года                                   | 2023-10-12 | WITHIN_PERIOD        | 2024-04-15 | 2024-03-01
            1 марта – 15 апреля 2024 г.                                        | 2023-10-12 | WITHIN_PERIOD        | 2024-04-15 | 2024-03-01
            с 22 по 26 января                                                  | 2024-01-09 | WITHIN_PERIOD        | 2024-01-26 | 2024-01-22
            в течение 2023-24 уч. г.                                           | 2023-09-21 | WITHIN_PERIOD        | 2024-08-31 | 2023-09-01
            к 1 сентября                                                       | 2024-02-14 | BY_DATE              | 2024-09-01 | -
            до 10 апреля, далее – ежемесячно                                   | 2024-02-14 | BY_DATE_THEN_ONGOING | 2024-04-10 | -
            еженедельно по пятницам                                            | 2024-02-14 | ONGOING              | -          | -
            1 раз в четверть                                                   | 2024-02-14 | ONGOING              | -          | -
            до особого распоряжения                                            | 2024-02-14 | ONGOING              | -          | -
            в течение недели                                                   | 2024-01-09 | WITHIN_PERIOD        | 2024-01-16 | 2024-01-09
            до конца месяца                                                    | 2024-02-14 | BY_DATE              | 2024-02-29 | -
            каждую пятницу                                                     | 2024-02-14 | ONGOING              | -          | -
            до 25 числа каждого месяца                                         | 2024-02-14 | ONGOING              | -          | -
            в течение учебного года, далее – ежегодно                          | 2024-02-14 | BY_DATE_THEN_ONGOING | 2024-08-31 | -
            до конца четверти                                                  | 2024-02-14 | OTHER                | -          | -
            в день проведения родительских собраний                            | 2024-02-14 | OTHER                | -          | -
            накануне его проведения                                            | 2024-02-14 | OTHER                | -          | -
            в течение 3 дней после получения результатов                       | 2024-02-14 | OTHER                | -          | -
            в соответствии с планом                                            | 2024-02-14 | OTHER                | -          | -
            в установленные сроки                                              | 2024-02-14 | OTHER                | -          | -
            по графику, утверждённому заместителем директора                   | 2024-02-14 | OTHER                | -          | -
            # school quarters have each school's own dates; a schedule is set elsewhere: kept as written
            в течение III четверти                                             | 2021-04-16 | OTHER                | -          | -
            в течение третьей четверти 2022-2023 учебного года                 | 2021-04-16 | OTHER                | -          | -
            по графику проведения ВПР                                          | 2021-04-16 | OTHER                | -          | -
            по графику проведения оценочных процедур                           | 2021-04-16 | OTHER                | -          | -
            в зимний период 2023 года                                          | 2021-04-16 | OTHER                | -          | -
            до начала ГИА                                                      | 2021-04-16 | OTHER                | -          | -
            # anything else is kept as written
            по мере необходимости                                              | 2021-04-16 | OTHER                | -          | -
            согласно плану-графику                                             | 2021-04-16 | OTHER                | -          | -
            в течение месяца после получения результатов                       | 2021-04-16 | OTHER                | -          | -
            в течение 10 рабочих дней                                          | 2021-04-16 | OTHER                | -          | -
            п. 1 – до 01.06.2021, п. 2 – до 01.09.2021                         | 2021-04-16 | OTHER                | 2021-09-01 | -
            до 31 февраля 2021 года                                            | 2021-04-16 | OTHER                | -          | -
            31 февраля                                                         | 2021-04-16 | OTHER                | -          | -
            до 01.13.2021                                                      | 2021-04-16 | OTHER                | -          | -
            2025-2021 гг.                                                      | 2021-04-16 | OTHER                | -          | -
            2021-2023 учебный год                                              | 2021-04-16 | OTHER                | -          | -
            V квартал 2021 года                                                | 2021-04-16 | OTHER                | -          | -
            абырвалг                                                           | 2021-04-16 | OTHER                | -          | -
            ???                                                                | 2021-04-16 | OTHER                | -          | -
            срок                                                               | 2021-04-16 | OTHER                | -          | -
            """)
    void readsTheWording(String wording, LocalDate reference, DeadlineKind kind, LocalDate due, LocalDate start) {
        Deadline deadline = DeadlineParser.parse(wording, reference);

        assertThat(deadline.kind()).as("kind").isEqualTo(kind);
        assertThat(deadline.dueDate()).as("due date").isEqualTo(due);
        assertThat(deadline.periodStart()).as("period start").isEqualTo(start);
        assertThat(deadline.originalText()).as("the wording, kept").isEqualTo(wording);
    }

    @Test
    void keepsTheWordingExactlyButTrimmed() {
        Deadline deadline = DeadlineParser.parse(" \u00a0**до 31\u00a0мая 2021 года**\t\r\n", MEETING);

        assertThat(deadline.kind()).isEqualTo(BY_DATE);
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2021, 5, 31));
        assertThat(deadline.originalText()).isEqualTo("**до 31\u00a0мая 2021 года**");
    }

    @Test
    void withoutAReferenceAYearlessDateIsInTheCurrentYear() {
        Deadline deadline = DeadlineParser.parse("до 15 августа", null, Year.of(2024));

        assertThat(deadline.kind()).isEqualTo(BY_DATE);
        assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2024, 8, 15));
        assertThat(DeadlineParser.parse("в мае", null, Year.of(2024)).periodStart()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(DeadlineParser.parse("до 15 августа", null).dueDate().getYear()).isEqualTo(Year.now().getValue());
    }

    @Test
    void withoutAReferenceWhatCountsFromTheMeetingHasNoDate() {
        for (String wording : List.of("в течение месяца", "в течение учебного года", "до конца года", "в месячный срок")) {
            Deadline deadline = DeadlineParser.parse(wording, null, Year.of(2024));

            assertThat(deadline.kind()).as(wording).isEqualTo(OTHER);
            assertThat(deadline.dueDate()).as(wording).isNull();
        }
        assertThat(DeadlineParser.parse("до 31 мая 2021 года", null).dueDate()).isEqualTo(LocalDate.of(2021, 5, 31));
    }

    @Test
    void nothingIsOtherWithEmptyWording() {
        assertThat(DeadlineParser.parse(null, MEETING)).isEqualTo(Deadline.other(""));
        assertThat(DeadlineParser.parse("   ", MEETING)).isEqualTo(Deadline.other(""));
    }

    @Test
    void neverThrowsAndAlwaysKeepsTheWording() {
        String[] words = {"до", "в", "течение", "срок", "далее", "-", "–", ",", "постоянно", "ежегодно", "31", "29",
                "февраля", "мая", "2021", "21", "года", "г.", "гг.", "учебного", "I", "IV", "квартал", "полугодие",
                "01.06.21", "31.02.2021", "99.99.9999", "с", "по", "конца", "месяца", "999", "лет", "(", ")", "«", "»",
                "после", "ВПР", "2021-2022", "9999-10000", "0", "00.00", "дней", "\u00a0", "**"};
        Random random = new Random(20210416);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder wording = new StringBuilder();
            for (int w = random.nextInt(7); w >= 0; w--) {
                wording.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
            }
            LocalDate reference = random.nextInt(10) == 0 ? null : LocalDate.of(1990 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));

            Deadline deadline = DeadlineParser.parse(wording.toString(), reference);

            assertThat(deadline.originalText()).isEqualTo(ProtocolText.trim(wording.toString()));
            if (deadline.kind() == WITHIN_PERIOD) {
                assertThat(deadline.periodStart()).as(wording.toString()).isNotNull().isBeforeOrEqualTo(deadline.dueDate());
            }
            if (deadline.kind() == BY_DATE || deadline.kind() == BY_DATE_THEN_ONGOING) {
                assertThat(deadline.dueDate()).as(wording.toString()).isNotNull();
            }
            if (deadline.kind() == ONGOING || deadline.kind() == AFTER_EACH_PROCEDURE) {
                assertThat(deadline.dueDate()).as(wording.toString()).isNull();
            }
        }
    }
}

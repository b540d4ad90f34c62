package ru.rsoko.vsoko.result;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A direction heads its column by code and name, so that «1, %» needs no tooltip. */
class ResultNumbersTest {

    @Test
    void aDirectionsHeaderIsItsCodeAndItsNameCutAtAWordWhenLong() {
        assertThat(ResultNumbers.directionHeader("1", "система оценки качества подготовки обучающихся"))
                .isEqualTo("1. Система оценки качества подготовки обучающихся");
        assertThat(ResultNumbers.directionHeader("1.", "Система  организации\nвоспитания"))
                .isEqualTo("1. Система организации воспитания");
        String longName = "система выявления, поддержки и развития способностей и талантов у обучающихся, "
                + "включая работу с одарёнными детьми";
        String header = ResultNumbers.directionHeader("3", longName);
        assertThat(header).startsWith("3. Система выявления, поддержки и развития способностей и талантов").endsWith("…");
        assertThat(header.length()).isLessThanOrEqualTo(3 + ResultNumbers.HEADER_NAME + 1);
        assertThat(header).doesNotContain(" …", ",…");
        assertThat(ResultNumbers.directionHeader("", "оценка")).isEqualTo("Оценка");
    }
}

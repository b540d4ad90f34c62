package ru.rsoko.platform.docx;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RussianDatesTest {

    @Test
    void datesAndTimesAreWrittenAsInOfficialDocuments() {
        assertThat(RussianDates.longDate(LocalDate.of(2021, 4, 16))).isEqualTo("16 апреля 2021 года");
        assertThat(RussianDates.longDate(LocalDate.of(2021, 5, 1))).isEqualTo("1 мая 2021 года");
        assertThat(RussianDates.shortDate(LocalDate.of(2021, 5, 6))).isEqualTo("06.05.2021");
        assertThat(RussianDates.time(LocalTime.of(11, 0))).isEqualTo("11.00");
        assertThat(RussianDates.time(LocalTime.of(9, 5))).isEqualTo("9.05");
    }

    @Test
    void everyMonthIsInTheGenitive() {
        assertThat(Arrays.stream(Month.values()).map(RussianDates::monthGenitive)).containsExactly(
                "января", "февраля", "марта", "апреля", "мая", "июня",
                "июля", "августа", "сентября", "октября", "ноября", "декабря");
    }

    @Test
    void nothingIsWrittenForAMissingDateOrTime() {
        assertThat(RussianDates.longDate(null)).isEmpty();
        assertThat(RussianDates.shortDate(null)).isEmpty();
        assertThat(RussianDates.time(null)).isEmpty();
    }
}

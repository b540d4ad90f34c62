package ru.rsoko.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Russian counted nouns: the form depends on the last two digits, and 11–14 always take the third. */
class PluralsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "0, школ, поручений",
            "1, школа, поручение",
            "2, школы, поручения",
            "4, школы, поручения",
            "5, школ, поручений",
            "11, школ, поручений",
            "12, школ, поручений",
            "14, школ, поручений",
            "21, школа, поручение",
            "22, школы, поручения",
            "25, школ, поручений",
            "72, школы, поручения",
            "101, школа, поручение",
            "111, школ, поручений",
            "112, школ, поручений",
            "1021, школа, поручение",
    })
    void theFormFollowsTheLastDigits(long n, String school, String record) {
        assertThat(Plurals.word(n, "школа", "школы", "школ")).isEqualTo(school);
        assertThat(Plurals.schools(n)).isEqualTo(n + " " + school);
        assertThat(Plurals.records(n)).isEqualTo(n + " " + record);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1, 1 день", "3, 3 дня", "11, 11 дней", "-1, -1 день", "-12, -12 дней"})
    void negativeNumbersAgreeAsTheirAbsoluteValue(long n, String text) {
        assertThat(Plurals.days(n)).isEqualTo(text);
    }
}

package ru.rsoko.meeting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A cell of the execution matrix reads in words, without a legend of slashes to decode. */
class ExecutionCountsTest {

    @Test
    void aCellSaysHowManyAreDoneOfAllAndOnlyThePartsThatAreNotZero() {
        assertThat(new ExecutionFigures.Counts(1, 1, 0, 0, 0, 0).text()).isEqualTo("1 из 1 выполнено");
        assertThat(new ExecutionFigures.Counts(6, 2, 1, 1, 1, 1).text())
                .isEqualTo("2 из 6 выполнено · в работе 1 · просрочено 1 · не начато 1 · не выполнено 1");
        assertThat(new ExecutionFigures.Counts(3, 0, 0, 3, 0, 0).parts())
                .extracting(ExecutionFigures.Part::text, ExecutionFigures.Part::css)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0 из 3 выполнено", "fw-semibold"),
                        org.assertj.core.groups.Tuple.tuple("просрочено 3", "text-danger fw-semibold"));
        assertThat(new ExecutionFigures.Counts(2, 2, 0, 0, 0, 0).parts().getFirst().css()).contains("text-success");
    }
}

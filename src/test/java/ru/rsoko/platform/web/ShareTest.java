package ru.rsoko.platform.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule of shown percentages: half up to one decimal, never across a line the exact figure does not cross. */
class ShareTest {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Test
    void roundsHalfUpToOneDecimalAndSaysItsDenominator() {
        Share share = Share.of(8, 9, "процедур, срок которых наступил");
        assertThat(share.percent()).isEqualByComparingTo("88.9");
        assertThat(share.text()).isEqualTo("88,9 %");
        assertThat(share.title()).isEqualTo("8 из 9 процедур, срок которых наступил");
        // the denominator agrees with the number before it: «из 21 процедуры», «из 111 процедур»
        assertThat(Share.of(8, 21, "процедуры, срок которой наступил", "процедур, срок которых наступил").title())
                .isEqualTo("8 из 21 процедуры, срок которой наступил");
        assertThat(Share.of(8, 111, "процедуры, срок которой наступил", "процедур, срок которых наступил").title())
                .isEqualTo("8 из 111 процедур, срок которых наступил");
        assertThat(Share.of(2, 3, "x").text()).isEqualTo("66,7 %");
        assertThat(Share.of(10, 10, "x").text()).isEqualTo("100,0 %");
        assertThat(Share.of(0, 10, "x").text()).isEqualTo("0,0 %");
    }

    @Test
    void ofNothingThereIsNoPercentage() {
        Share none = Share.of(0, 0, "ОО");
        assertThat(none.defined()).isFalse();
        assertThat(none.percent()).isNull();
        assertThat(none.text()).isEqualTo("—");
        assertThat(none.reaches(BigDecimal.ZERO)).isFalse();
        assertThat(none.title()).isEqualTo("0 из 0 ОО: доля не вычисляется");
    }

    @Test
    void aHundredPerCentMeansAllAndNoughtMeansNone() {
        assertThat(Share.of(2499, 2500, "x").text()).as("99,96 %").isEqualTo("99,9 %");
        assertThat(Share.of(1, 2500, "x").text()).as("0,04 %").isEqualTo("0,1 %");
    }

    @Test
    void theShownFigureStaysOnTheSideOfTheTargetItIsJudgedOn() {
        BigDecimal target = new BigDecimal("95");
        Share under = Share.of(18999, 20000, "x"); // 94,995 %
        assertThat(under.reaches(target)).isFalse();
        assertThat(under.percent()).isEqualByComparingTo("95.0");
        assertThat(under.percent(target)).isEqualByComparingTo("94.9");
        assertThat(under.textAgainst(target)).isEqualTo("94,9 %");

        BigDecimal fine = new BigDecimal("95.04");
        Share reaching = Share.of(9504, 10000, "x"); // exactly 95,04 %
        assertThat(reaching.reaches(fine)).isTrue();
        assertThat(reaching.percent(fine)).isEqualByComparingTo("95.1");

        assertThat(Share.of(20, 20, "x").reaches(HUNDRED)).isTrue();
        assertThat(Share.of(20, 20, "x").percent(HUNDRED)).isEqualByComparingTo("100.0");
    }
}

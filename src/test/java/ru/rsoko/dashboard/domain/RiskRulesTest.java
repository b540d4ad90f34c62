package ru.rsoko.dashboard.domain;

import org.junit.jupiter.api.Test;
import ru.rsoko.dashboard.domain.RiskRules.Facts;
import ru.rsoko.dashboard.domain.RiskRules.ListFact;
import ru.rsoko.dashboard.domain.RiskRules.Reason;
import ru.rsoko.dashboard.domain.RiskRules.Risk;
import ru.rsoko.dashboard.domain.RiskRules.VsokoFact;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.participation.Coverage;
import ru.rsoko.vsoko.Level;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stated rules of a school's risk: each reason written out with its weight, the level from their sum. */
class RiskRulesTest {

    static final Settings S = Settings.DEFAULTS;

    @Test
    void aSchoolWithNothingAgainstItIsLowRisk() {
        Risk risk = RiskRules.evaluate(new Facts(new VsokoFact(2022, Level.FORMED), 0, List.of(), List.of(), List.of()), S, id -> "");
        assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
        assertThat(risk.score()).isZero();
        assertThat(risk.reasons()).isEmpty();
    }

    @Test
    void everyRuleMetAddsItsWeightAndSaysWhy() {
        Coverage.School under = new Coverage.School(7, 1, "Школа", 2L, "Район", 100, 80, 5, List.of(), 5, true,
                BigDecimal.valueOf(95));
        Risk risk = RiskRules.evaluate(new Facts(new VsokoFact(2022, Level.NOT_FORMED), 5,
                List.of(new ListFact(2021, ListKind.LOW_RESULTS), new ListFact(2022, ListKind.NON_OBJECTIVE)),
                List.of(under), List.of("ВПР в 4–8 классах")), S, id -> "ВПР в 4–8 классах");
        assertThat(risk.reasons()).extracting(Reason::text).containsExactly(
                "ВСОКО не сформирована в 2022",
                "5 просроченных поручений",
                "в списке ШНОР 2021",
                "признаки необъективности результатов ВПР 2022",
                "охват ниже цели: ВПР в 4–8 классах — 80,0 % при цели 95 %",
                "без общественных наблюдателей: ВПР в 4–8 классах");
        // 3 + 3 (five overdue, counted up to three) + 2 + 2 + 1 + 1
        assertThat(risk.score()).isEqualTo(12);
        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void theLevelFollowsTheRegionsThresholdsAndWeights() {
        Facts partialAndOneOverdue = new Facts(new VsokoFact(2022, Level.PARTIAL), 1, List.of(), List.of(), List.of());
        assertThat(RiskRules.evaluate(partialAndOneOverdue, S, id -> "").level()).isEqualTo(RiskLevel.MEDIUM); // 1 + 1
        Settings strict = new Settings(S.formedGreen(), S.formedRed(), S.overdueGreen(), S.overdueRed(), S.coverageAmberGap(),
                S.riskGreen(), S.riskRed(), S.weightVsokoNotFormed(), 4, S.weightVsokoNotSubmitted(), S.weightOverdue(),
                S.overdueCap(), S.weightLowResults(), S.weightNonObjective(), S.weightUnderTarget(), S.weightNoObservers(),
                S.lookbackYears(), S.mediumFrom(), S.highFrom(), 0);
        assertThat(RiskRules.evaluate(partialAndOneOverdue, strict, id -> "").level()).isEqualTo(RiskLevel.HIGH); // 4 + 1
        // a rule of weight 0 is not a reason
        Settings lenient = new Settings(S.formedGreen(), S.formedRed(), S.overdueGreen(), S.overdueRed(), S.coverageAmberGap(),
                S.riskGreen(), S.riskRed(), S.weightVsokoNotFormed(), 0, S.weightVsokoNotSubmitted(), 0,
                S.overdueCap(), S.weightLowResults(), S.weightNonObjective(), S.weightUnderTarget(), S.weightNoObservers(),
                S.lookbackYears(), S.mediumFrom(), S.highFrom(), 0);
        assertThat(RiskRules.evaluate(partialAndOneOverdue, lenient, id -> "").reasons()).isEmpty();
    }

    @Test
    void aSelfAssessmentNotHandedInAndMissingDataAreReasonsToo() {
        Coverage.School withoutData = new Coverage.School(7, 1, "Школа", 2L, "Район", 40, 40, 2, List.of(7, 8), 5, true,
                BigDecimal.valueOf(95));
        Risk risk = RiskRules.evaluate(new Facts(new VsokoFact(2025, null), 0, List.of(), List.of(withoutData), List.of()),
                S, id -> "ВПР");
        assertThat(risk.reasons()).extracting(Reason::text).containsExactly(
                "самооценка ВСОКО за 2025 год не представлена", "нет данных об участии: ВПР (нет данных: 7, 8 классы)");
        assertThat(risk.score()).isEqualTo(3);
    }

    @Test
    void overdueDecisionsAreCountedInRussian() {
        assertThat(RiskRules.overdueText(1)).isEqualTo("1 просроченное поручение");
        assertThat(RiskRules.overdueText(3)).isEqualTo("3 просроченных поручения");
        assertThat(RiskRules.overdueText(11)).isEqualTo("11 просроченных поручений");
        assertThat(RiskRules.overdueText(21)).isEqualTo("21 просроченное поручение");
        assertThat(RiskRules.overdueText(112)).isEqualTo("112 просроченных поручений");
    }
}

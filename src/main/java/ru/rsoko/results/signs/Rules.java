package ru.rsoko.results.signs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A region's thresholds of the rules (result_rule_setting); {@link #DEFAULTS} are the column defaults of V22, which a
 * region without a row of its own uses. Shares and margins are percents.
 */
public record Rules(int minParticipants, BigDecimal topMarkFactor, BigDecimal topMarkMargin, BigDecimal raisedShare,
                    BigDecimal loweredShare, BigDecimal recheckDiscrepancyShare, int recheckMinWorks, BigDecimal yearJump,
                    BigDecimal lowFailShare, int lowSubjects, BigDecimal lowBottomShare, int lowYears) {

    public static final Rules DEFAULTS = new Rules(10, new BigDecimal("2.00"), new BigDecimal("15.00"),
            new BigDecimal("20.00"), new BigDecimal("50.00"), new BigDecimal("30.00"), 5, new BigDecimal("30.00"),
            new BigDecimal("30.00"), 2, new BigDecimal("10.00"), 2);

    /** One rule as a person reads it. */
    public record Wording(String code, String title, String text) {
    }

    /** The rules in words with their thresholds, as the rules' page shows them. */
    public List<Wording> wordings() {
        return List.of(
                new Wording("MIN", "Число участников", "Правила не оценивают предмет и класс школы, если участников меньше "
                        + minParticipants + "."),
                new Wording(SignRule.TOP_MARKS.name(), SignRule.TOP_MARKS.label(), "Доля «5» не меньше " + number(topMarkFactor)
                        + " × региональной и на " + number(topMarkMargin) + " п. п. выше неё, при числе участников от "
                        + minParticipants + "."),
                new Wording(SignRule.RAISED.name(), SignRule.RAISED.label(), "Доля «повысили» (отметка за работу выше "
                        + "отметки школы) не меньше " + number(raisedShare) + " %, при числе участников от " + minParticipants + "."),
                new Wording(SignRule.LOWERED.name(), SignRule.LOWERED.label(), "Доля «понизили» не меньше "
                        + number(loweredShare) + " %, при числе участников от " + minParticipants + "."),
                new Wording(SignRule.RECHECK.name(), SignRule.RECHECK.label(), "При региональной перепроверке отметка "
                        + "эксперта расходится с отметкой школы не меньше чем в " + number(recheckDiscrepancyShare)
                        + " % работ, если перепроверено не меньше " + recheckMinWorks + " работ."),
                new Wording(SignRule.YEAR_JUMP.name(), SignRule.YEAR_JUMP.label(), "Доля «4» и «5» изменилась против "
                        + "прошлого года (тот же предмет и класс) не меньше чем на " + number(yearJump)
                        + " п. п., при числе участников от " + minParticipants + " в обоих годах."),
                new Wording("LOW_RESULTS", "Кандидаты в ШНОР", "Школа — кандидат в ШНОР, если " + years(lowYears)
                        + " подряд (оцениваемый год и предыдущие) доля «2» (все классы предмета) не меньше "
                        + number(lowFailShare) + " % не меньше чем по " + lowSubjects + " " + subjects(lowSubjects)
                        + " либо школа входит в " + number(lowBottomShare) + " % школ региона с наибольшей долей «2» "
                        + "по всем работам ВПР.")
        );
    }

    /** 2.00 → «2», 15.50 → «15,5». */
    public static String number(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0, RoundingMode.UNNECESSARY);
        }
        return v.toPlainString().replace('.', ',');
    }

    /** A share as the reasons show it: 48.0 → «48 %», 47.5 → «47,5 %». */
    public static String percent(double share) {
        return number(BigDecimal.valueOf(share)) + " %";
    }

    private static String years(int n) {
        return n == 1 ? "в оцениваемом году" : n + (n < 5 ? " года" : " лет");
    }

    private static String subjects(int n) {
        return n % 10 == 1 && n % 100 != 11 ? "предмету" : "предметам";
    }
}

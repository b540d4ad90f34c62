package ru.rsoko.results.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.spreadsheet.ImportError;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One row of results as sent to the API: a school's grade and subject with its figures and the version it was read
 * at (null for a new row).
 */
public record ResultInput(@Nullable Long schoolId, @Nullable Integer grade, @Nullable String subject,
                          @Nullable Integer participants, @Nullable Map<String, Integer> marks,
                          @Nullable BigDecimal meanScore, @Nullable Integer lowered, @Nullable Integer confirmed,
                          @Nullable Integer raised, @Nullable Long version) {

    /** The most participants a row may have: more than any school's grade. */
    static final int MAX_PARTICIPANTS = 10_000;

    /** The figures of a row once read and checked. */
    record Figures(int participants, int mark2, int mark3, int mark4, int mark5, @Nullable BigDecimal meanScore,
                   @Nullable Integer lowered, @Nullable Integer confirmed, @Nullable Integer raised) {
    }

    /** The names of the fields in the messages: the API's fields or the template's columns. */
    record Names(String participants, String mark2, String mark3, String mark4, String mark5, String meanScore,
                 String lowered, String confirmed, String raised) {
        static final Names API = new Names("participants", "marks.2", "marks.3", "marks.4", "marks.5", "meanScore",
                "lowered", "confirmed", "raised");
    }

    /**
     * The rules of a row's figures, the same for the upload and the API: each a whole number from 0, the marks
     * given and summing to the participants, the comparison not above them, the mean score from 0 to 100.
     */
    static @Nullable Figures check(@Nullable Integer participants, @Nullable Integer mark2, @Nullable Integer mark3,
                                   @Nullable Integer mark4, @Nullable Integer mark5, @Nullable BigDecimal meanScore,
                                   @Nullable Integer lowered, @Nullable Integer confirmed, @Nullable Integer raised,
                                   @Nullable Integer row, Names names, List<ImportError> errors) {
        int before = errors.size();
        required(participants, row, names.participants(), "число участников", errors);
        required(mark2, row, names.mark2(), "число отметок «2»", errors);
        required(mark3, row, names.mark3(), "число отметок «3»", errors);
        required(mark4, row, names.mark4(), "число отметок «4»", errors);
        required(mark5, row, names.mark5(), "число отметок «5»", errors);
        optional(lowered, row, names.lowered(), "«понизили»", errors);
        optional(confirmed, row, names.confirmed(), "«подтвердили»", errors);
        optional(raised, row, names.raised(), "«повысили»", errors);
        if (meanScore != null && (meanScore.signum() < 0 || meanScore.compareTo(BigDecimal.valueOf(100)) > 0
                || meanScore.scale() > 2 && meanScore.stripTrailingZeros().scale() > 2)) {
            errors.add(new ImportError(row, names.meanScore(), "средний первичный балл — число от 0 до 100 "
                    + "не более чем с двумя знаками после запятой, а не «" + meanScore.toPlainString() + "»"));
        }
        if (errors.size() > before) {
            return null;
        }
        int sum = mark2 + mark3 + mark4 + mark5;
        if (sum != participants) {
            errors.add(new ImportError(row, names.participants(), "сумма отметок «2»–«5» (" + sum
                    + ") не равна числу участников (" + participants + ")"));
        }
        int compared = (lowered == null ? 0 : lowered) + (confirmed == null ? 0 : confirmed) + (raised == null ? 0 : raised);
        if (compared > participants) {
            errors.add(new ImportError(row, names.lowered(), "понизили + подтвердили + повысили (" + compared
                    + ") больше числа участников (" + participants + ")"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Figures(participants, mark2, mark3, mark4, mark5,
                meanScore == null ? null : meanScore.setScale(2, java.math.RoundingMode.HALF_UP), lowered, confirmed, raised);
    }

    private static void required(@Nullable Integer value, @Nullable Integer row, String field, String what,
                                 List<ImportError> errors) {
        if (value == null) {
            errors.add(new ImportError(row, field, "не указано " + what));
        } else {
            optional(value, row, field, what, errors);
        }
    }

    private static void optional(@Nullable Integer value, @Nullable Integer row, String field, String what,
                                 List<ImportError> errors) {
        if (value != null && (value < 0 || value > MAX_PARTICIPANTS)) {
            errors.add(new ImportError(row, field, what + " — целое число от 0 до " + MAX_PARTICIPANTS + ", а не " + value));
        }
    }
}

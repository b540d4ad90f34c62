package ru.rsoko.execution.domain;

import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Several things asked at once (periods of one record, or records at once) and some of them refused: nothing was
 * written, and each refused one is named with its reason. {@code conflict} when a record had been changed since the
 * person read it, so that they reload rather than correct.
 */
public class BatchRejectedException extends RuntimeException {

    private final List<Problem> problems;
    private final boolean conflict;

    BatchRejectedException(String message, List<Problem> problems, boolean conflict) {
        super(message);
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean conflict() {
        return conflict;
    }

    /**
     * One refused item: a record ({@code id}) or a period ({@code periodStart}), named as the person knows it.
     *
     * @param label the record («№ 1 «Провести анализ…» · МОУ «Берёзовская СОШ»») or the period («01.01.2024 – 31.03.2024»)
     */
    public record Problem(@Nullable Long id, @Nullable LocalDate periodStart, String label, String message)
            implements Serializable {

        /** As a page lists it: «label: message». */
        public String text() {
            return label + ": " + message;
        }
    }
}

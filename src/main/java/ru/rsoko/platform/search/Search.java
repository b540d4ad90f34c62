package ru.rsoko.platform.search;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * «Contains» searches of every list: a person typing «берез», «Берез» or «Бёрёз» finds «Берёзовская СОШ» and
 * «Березовка» alike. Both the column and the typed text go through the database function {@value #FOLD}
 * (lower case, «ё» → «е»; migration V14), whose expression indexes (pg_trgm) keep a search off a table scan.
 * Native SQL writes {@code rsoko_fold(column) like rsoko_fold(?) escape '\'} with {@link #containsPattern}.
 */
public final class Search {

    /** The SQL function that folds case and «ё»; its indexes are made on {@code rsoko_fold(column)}. */
    public static final String FOLD = "rsoko_fold";

    private Search() {
    }

    /** {@code %text%} with the LIKE wildcards of the text escaped by {@code \}, or null when nothing was typed. */
    public static @Nullable String containsPattern(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return "%" + typed.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The column (or any text) folded as the indexes are. */
    public static Expression<String> fold(CriteriaBuilder cb, Expression<String> text) {
        return cb.function(FOLD, String.class, text);
    }

    /** The column contains what was typed ({@link #containsPattern}), ignoring case and «ё». */
    public static Predicate contains(CriteriaBuilder cb, Expression<String> column, String pattern) {
        return cb.like(fold(cb, column), fold(cb, cb.literal(pattern)), '\\');
    }
}

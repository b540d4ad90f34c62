package ru.rsoko.platform.search;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * Makes {@code rsoko_fold(text)} (migration V14) known to Hibernate as a function returning text, so JPQL
 * ({@code rsoko_fold(m.title) like rsoko_fold(:q)}) and Criteria ({@link Search#contains}) can compare with it.
 * Registered through {@code META-INF/services/org.hibernate.boot.model.FunctionContributor}.
 */
public class FoldFunction implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        functions.getFunctionRegistry().registerPattern(Search.FOLD, Search.FOLD + "(?1)",
                functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.STRING));
    }
}

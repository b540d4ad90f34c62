package ru.rsoko.plan;

import java.util.Collection;
import java.util.Optional;

/**
 * What another module has recorded against procedures of the plan (participation, for one). That module implements
 * this, and the plan asks every implementation before it throws a draft away with its procedures, so that nothing
 * recorded disappears with them, without the plan naming the modules that depend on it.
 */
public interface ProcedureRecords {

    /**
     * What is recorded against any of the procedures, as the plan's refusal names it in Russian («участие»); empty
     * when nothing is.
     */
    Optional<String> recordedAgainst(Collection<Long> procedureIds);
}

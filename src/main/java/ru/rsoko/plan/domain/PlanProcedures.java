package ru.rsoko.plan.domain;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.rsoko.plan.Procedure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's procedures as other modules read them. A page asks for the same plan's procedures several times (the plan's
 * execution, the coverage alerts, the dashboard's figures): inside a read-only transaction they are read once; a
 * writing transaction always reads them afresh.
 */
@Component
class PlanProcedures {

    private final ProcedureRepository procedures;

    PlanProcedures(ProcedureRepository procedures) {
        this.procedures = procedures;
    }

    List<Procedure> of(long planId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return read(planId);
        }
        @SuppressWarnings("unchecked")
        Map<Long, List<Procedure>> read = (Map<Long, List<Procedure>>) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            read = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PlanProcedures.this);
                }
            });
        }
        return read.computeIfAbsent(planId, this::read);
    }

    private List<Procedure> read(long planId) {
        return procedures.findByPlan(planId).stream().map(ProcedureEntity::view).toList();
    }
}

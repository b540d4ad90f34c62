package ru.rsoko.plan.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;

import java.util.List;

/**
 * A procedure's form page: the plan, the procedure (none for a new one), the form as shown, and the choices of its
 * lists — the kinds in use (and the form's own), the region's municipalities and schools, the organisations that can
 * be responsible, the region's ВСОКО campaigns.
 */
public record ProcedureEditing(Plan plan, @Nullable Procedure procedure, ProcedureForm form, List<ProcedureKind> types,
                               List<Choice> municipalities, List<Choice> schools, List<Choice> responsibles,
                               List<Choice> campaigns) {

    public Participants[] participantKinds() {
        return Participants.values();
    }
}

package ru.rsoko.participation.domain;

import ru.rsoko.directory.OrgUnit;
import ru.rsoko.participation.Coverage;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.audit.HistoryEntry;

import java.util.List;

/** One school's participation in a procedure: its grades as stored, its figures and the history of its rows. */
public record SchoolPage(Procedure procedure, OrgUnit school, List<ParticipationService.GradeLine> grades,
                         Coverage.School figures, List<HistoryEntry> history) {

    /** The school year whose pupils the directory prefills: the procedure's. */
    public String schoolYear() {
        return DirectoryPupils.schoolYear(procedure).toString();
    }
}

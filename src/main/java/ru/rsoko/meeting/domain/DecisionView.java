package ru.rsoko.meeting.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.ReportPeriod;
import ru.rsoko.meeting.ResponsibleParty;

import java.util.List;

/** A decision of a protocol as its meeting's pages show it: text, responsible parties (words and structure), deadline. */
public record DecisionView(long id, String number, String text, @Nullable String responsibleText,
                           List<ResponsibleParty> responsible, Deadline deadline, ReportPeriod reportPeriod,
                           int daysAfterProcedure, long version) {

    static DecisionView of(Decision d) {
        return new DecisionView(d.getId(), d.getNumber(), d.getText(), d.getResponsibleText(), d.getResponsible(),
                d.getDeadline(), d.getReportPeriod(), d.getDaysAfterProcedure(), d.getVersion());
    }

    public DeadlineKind deadlineKind() {
        return deadline.kind();
    }
}

package ru.rsoko.meeting;

import java.util.List;

/** A decision of a signed protocol with whom it binds: what execution fans out into one record per organisation. */
public record SignedDecision(DecisionFacts decision, List<ResponsibleParty> responsible) {
}

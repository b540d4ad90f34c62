package ru.rsoko.participation.domain;

import org.springframework.data.domain.Page;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.participation.Coverage;
import ru.rsoko.plan.Procedure;

import java.util.List;

/**
 * A procedure's participation page as the user's {@link CoverageView} shows it: by municipality ({@code byMunicipality}),
 * a page of schools with their total (and the municipality chosen, if any), or the director's own school with its
 * grades. What a view does not show is null (or empty).
 */
public record CoveragePage(Procedure procedure, CoverageView view, CoverageService.ByMunicipality byMunicipality,
                           Coverage.Totals total, Page<Coverage.School> rows, OrgUnit municipality, Coverage.School own,
                           List<ParticipationService.GradeLine> grades) {
}

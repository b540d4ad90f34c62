package ru.rsoko.participation.domain;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.participation.Coverage;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.audit.HistoryEntry;

import java.util.List;
import java.util.Optional;

/**
 * What the participation pages and their downloads show, each read in one transaction: a procedure's coverage as
 * the user's view shows it, the same for .xlsx, and one school's page.
 */
@Service
@Transactional(readOnly = true)
public class ParticipationPages {

    public static final int PAGE_SIZE = 50;

    /** The figures of a view in full, for its .xlsx: the municipalities and total, the schools shown, or the grades. */
    public record CoverageExport(CoverageView view, CoverageService.ByMunicipality byMunicipality,
                                 List<Coverage.School> schools, List<ParticipationService.GradeLine> grades) {
    }

    private final CoverageService coverage;
    private final ParticipationService participation;

    ParticipationPages(CoverageService coverage, ParticipationService participation) {
        this.coverage = coverage;
        this.participation = participation;
    }

    /** The page of a procedure's participation; {@code under}: only the schools under the target. */
    public CoveragePage coverage(CurrentUser user, long id, Long municipalityId, boolean under, int page) {
        Procedure procedure = coverage.procedure(user, id);
        CoverageView view = CoverageView.of(user, municipalityId);
        return switch (view) {
            case MUNICIPALITIES -> new CoveragePage(procedure, view, coverage.byMunicipality(user, procedure), null, null,
                    null, null, List.of());
            case SCHOOLS -> {
                List<Coverage.School> all = coverage.schools(user, procedure, municipalityId);
                Coverage.Totals total = Coverage.Totals.of(municipalityId, null, all);
                List<Coverage.School> shown = under ? all.stream().filter(Coverage.School::underTarget).toList() : all;
                int from = Math.min(shown.size(), Math.max(0, page) * PAGE_SIZE);
                Page<Coverage.School> rows = new PageImpl<>(shown.subList(from, Math.min(shown.size(), from + PAGE_SIZE)),
                        PageRequest.of(Math.max(0, page), PAGE_SIZE), shown.size());
                OrgUnit municipality = municipalityId == null ? null : coverage.municipality(user, municipalityId);
                yield new CoveragePage(procedure, view, null, total, rows, municipality, null, List.of());
            }
            case SCHOOL -> {
                Optional<Coverage.School> own = coverage.schools(user, procedure, null).stream().findFirst();
                List<ParticipationService.GradeLine> grades = own.isEmpty() ? List.of() : participation.grades(user,
                        procedure, participation.school(user, procedure, own.get().schoolId()));
                yield new CoveragePage(procedure, view, null, null, null, null, own.orElse(null), grades);
            }
        };
    }

    /** The same figures in full, for the view's .xlsx. */
    public CoverageExport export(CurrentUser user, long id, Long municipalityId, boolean under) {
        Procedure procedure = coverage.procedure(user, id);
        CoverageView view = CoverageView.of(user, municipalityId);
        return switch (view) {
            case MUNICIPALITIES -> new CoverageExport(view, coverage.byMunicipality(user, procedure), List.of(), List.of());
            case SCHOOLS -> {
                List<Coverage.School> all = coverage.schools(user, procedure, municipalityId);
                yield new CoverageExport(view, null, under ? all.stream().filter(Coverage.School::underTarget).toList() : all,
                        List.of());
            }
            case SCHOOL -> new CoverageExport(view, null, List.of(), coverage.schools(user, procedure, null).stream()
                    .findFirst()
                    .map(s -> participation.grades(user, procedure, participation.school(user, procedure, s.schoolId())))
                    .orElse(List.of()));
        };
    }

    /** A school of the user's scope that takes part in the procedure, its grades, figures and history. */
    public SchoolPage school(CurrentUser user, long id, long schoolId) {
        Procedure procedure = coverage.procedure(user, id);
        OrgUnit school = participation.school(user, procedure, schoolId);
        return new SchoolPage(procedure, school, participation.grades(user, procedure, school),
                coverage.school(user, procedure, school.id()), participation.history(user, procedure, school));
    }

    /** Who changed which grade of the school when, newest first. */
    public List<HistoryEntry> history(CurrentUser user, long id, long schoolId) {
        Procedure procedure = coverage.procedure(user, id);
        return participation.history(user, procedure, participation.school(user, procedure, schoolId));
    }
}

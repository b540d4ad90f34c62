package ru.rsoko.execution;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import ru.rsoko.access.Scope;
import ru.rsoko.meeting.ExecutionFigures;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What other modules ask of the execution of decisions: a scope's records by due date and their figures, for home
 * pages and overviews. Reporting on records is this module's own business.
 */
public interface ExecutionService {

    /** Today in the region: the day "overdue" is judged by. */
    LocalDate today(long regionId);

    /** Records in the scope matching the filter, by due date (records without one last). */
    Page<ExecutionRecord> find(Scope scope, ExecutionFilter filter, Pageable pageable);

    /** Figures of the records in the scope matching the filter, each judged against today of its region. */
    ExecutionFigures.Counts counts(Scope scope, ExecutionFilter filter);

    /**
     * Of the region's one-off records in the scope that are due in the year and due by today (the region's) or done:
     * the percentage done by the due date (one decimal), the day of completion read in the region's time zone;
     * null when none is due. For annual tasks' «поручения выполнены в срок», so that no other module reads
     * {@code execution}.
     */
    @Nullable BigDecimal onTimeShare(Scope scope, long regionId, int year);

    /**
     * Figures of the records in the scope per municipality of the executor (0 for the region's own organisations),
     * each as {@link #counts} with {@code ExecutionFilter.municipalityId} would count them: one query.
     */
    java.util.Map<Long, ExecutionFigures.Counts> countsByMunicipality(Scope scope);

    /** Figures of the records in the scope per executing organisation, as {@link #counts} with {@code orgUnitId}: one query. */
    java.util.Map<Long, ExecutionFigures.Counts> countsByOrgUnit(Scope scope);
}

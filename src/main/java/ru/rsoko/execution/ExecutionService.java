package ru.rsoko.execution;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import ru.rsoko.access.Scope;
import ru.rsoko.meeting.ExecutionFigures;
import ru.rsoko.platform.web.Share;

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

    /** What {@link #onTimeShare} is a share of, as it follows «2 из 4 …». */
    String ON_TIME_OF = "разовых поручений со сроком в этом году, срок которых наступил или которые выполнены";
    /** {@link #ON_TIME_OF} after «из 1», «из 21». */
    String ON_TIME_OF_ONE = "разового поручения со сроком в этом году, срок которого наступил или которое выполнено";

    /**
     * «Поручения выполнены в срок», the one definition: of the region's one-off records in the scope that are due in
     * the year and due by today (the region's) or done, those done by the due date, the day of completion read in the
     * region's time zone; ongoing records are not counted. Null when none is due. The home pages and annual tasks show
     * this figure, so that no other module reads {@code execution}.
     */
    @Nullable Share onTimeShare(Scope scope, long regionId, int year);

    /**
     * Figures of the records in the scope per municipality of the executor (0 for the region's own organisations),
     * each as {@link #counts} with {@code ExecutionFilter.municipalityId} would count them: one query.
     */
    java.util.Map<Long, ExecutionFigures.Counts> countsByMunicipality(Scope scope);

    /** Figures of the records in the scope per executing organisation, as {@link #counts} with {@code orgUnitId}: one query. */
    java.util.Map<Long, ExecutionFigures.Counts> countsByOrgUnit(Scope scope);

    /**
     * Records in the scope still owed (open, or ongoing) whose due date is between the two days, inclusive, by due
     * date: for reminders and digests. One query for the records and one for their decisions.
     */
    java.util.List<ExecutionRecord> owingDue(Scope scope, LocalDate from, LocalDate to);

    /** Records of a meeting in the scope, by organisation, for telling each responsible organisation what it owes. */
    java.util.List<ExecutionRecord> ofMeeting(Scope scope, long meetingId);
}

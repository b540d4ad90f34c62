package ru.rsoko.meeting.correction;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A kept correction of an imported protocol: who confirmed which facts otherwise than the parser read them, in which
 * region, for which meeting. {@code sourceText}, {@code parsed} and {@code confirmed} are null in a list's rows.
 *
 * @param meetingId    null once the meeting is deleted
 * @param meetingTitle null once the meeting is deleted
 */
public record ProtocolCorrection(long id, Instant createdAt, long regionId, String regionName, ZoneId regionZone,
                                 @Nullable Long municipalityId, @Nullable Long accountId, String author,
                                 @Nullable Long meetingId, @Nullable String meetingTitle,
                                 List<FactDifference> differences, @Nullable String sourceText,
                                 @Nullable ProtocolFacts parsed, @Nullable ProtocolFacts confirmed) {

    /** The day it was kept, in its region's time zone. */
    public LocalDate day() {
        return createdAt.atZone(regionZone).toLocalDate();
    }

    public int corrected() {
        return differences.size();
    }

    /** The kinds of facts corrected, each once, in the order of {@link FactKind}. */
    public List<FactKind> kinds() {
        return differences.stream().map(FactDifference::fact).distinct().sorted().toList();
    }

    public String kindsLabel() {
        return String.join(", ", kinds().stream().map(FactKind::label).toList());
    }
}

package ru.rsoko.meeting;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import ru.rsoko.access.Scope;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What other modules ask of meetings: the meetings a user may open, and the facts of decisions that other modules
 * keep by id. Keeping meetings (forms, signing, documents) is this module's own business.
 */
public interface MeetingService {

    /** What a list of meetings is narrowed to; all parts optional. */
    record MeetingFilter(@Nullable MeetingStatus status, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String q) {

        public static MeetingFilter none() {
            return new MeetingFilter(null, null, null, null);
        }
    }

    /**
     * Meetings the scope may open, newest first: the region's for regional staff; for a municipality its own and
     * those that assigned it or its schools something; for a school those that assigned it something.
     */
    Page<MeetingSummary> find(Scope scope, MeetingFilter filter, Pageable pageable);

    /** Decisions by id with their meetings, whatever the scope (for ids a module already keeps); missing ids are left out. */
    Map<Long, DecisionFacts> decisions(Collection<Long> decisionIds);

    /** The decisions of a signed protocol with their responsible parties, in the protocol's order. */
    List<SignedDecision> signedDecisions(long meetingId);

    /** A meeting of any scope by id, for modules that were told of it by an event; empty when there is none. */
    java.util.Optional<MeetingSummary> summary(long meetingId);

    /** The covering letter of a meeting's protocol as the official .docx, for the mail that sends the protocol. */
    Document coverLetter(long meetingId);

    /** A generated document: its file name and content. */
    record Document(String fileName, byte[] content) {
    }
}

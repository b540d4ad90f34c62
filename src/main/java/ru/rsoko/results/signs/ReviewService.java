package ru.rsoko.results.signs;

import jakarta.persistence.EntityManager;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.SchoolLists;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.FieldChange;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.Revision;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.platform.web.TextLimits;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The review of the schools the rules put forward into a year's lists: signs of non-objectivity (NON_OBJECTIVE) and
 * ШНОР candidates (LOW_RESULTS). Regional staff accept a school (it goes on the list with its reasons as the basis) or
 * dismiss it (an accepted school leaves the list); each verdict has a comment and its history.
 */
@Service
@Transactional
public class ReviewService {

    public static final int MAX_COMMENT = 2000;
    public static final int MAX_BASIS = 2000;

    /** A verdict as pages and the API show it. */
    public record Review(long id, long schoolId, Verdict verdict, String comment, String reasons, Instant decidedAt,
                         String decidedBy, long version) {
    }

    /** A school put forward (or reviewed before) with its reasons, its verdict, and whether it is on the list. */
    public record Item(VprRows.School school, List<String> reasons, List<ObjectivitySigns.Flag> flags,
                       @Nullable Review review, boolean listed) {

        /** On the list though no accepted verdict put it there: typed in or uploaded. */
        public boolean listedFromOutside() {
            return listed && (review == null || review.verdict() != Verdict.ACCEPTED);
        }
    }

    private final ObjectivitySigns signs;
    private final LowResultsCandidates candidates;
    private final CandidateReviewRepository reviews;
    private final SchoolLists lists;
    private final DirectoryService directory;
    private final VprRows rows;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final AuditHistory auditHistory;
    private final Clock clock;

    ReviewService(ObjectivitySigns signs, LowResultsCandidates candidates, CandidateReviewRepository reviews,
                  SchoolLists lists, DirectoryService directory, VprRows rows, JdbcTemplate jdbc,
                  EntityManager entityManager, AuditHistory auditHistory, Clock clock) {
        this.signs = signs;
        this.candidates = candidates;
        this.reviews = reviews;
        this.lists = lists;
        this.directory = directory;
        this.rows = rows;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.auditHistory = auditHistory;
        this.clock = clock;
    }

    /** A review page: the year shown, the years offered, the schools, and (for regional staff) the verdicts' history. */
    public record ReviewPage(int year, List<Integer> years, List<Item> items, @Nullable List<HistoryEntry> history) {
    }

    /** The review page of a year's list in one read-only transaction; without a year the newest with ВПР results. */
    @Transactional(readOnly = true)
    public ReviewPage page(CurrentUser user, @Nullable Integer year, ListKind kind, int currentYear) {
        List<Integer> years = new ArrayList<>(signs.years(user));
        int y = year != null ? year : years.isEmpty() ? currentYear : years.getFirst();
        if (!years.contains(y)) {
            years.add(y);
            years.sort(Collections.reverseOrder());
        }
        return new ReviewPage(y, years, items(user, y, kind), RuleService.keeps(user) ? history(user, y, kind) : null);
    }

    /** Every school of the user's scope the rules put forward for the year's list, and every one reviewed. */
    @Transactional(readOnly = true)
    public List<Item> items(CurrentUser user, int year, ListKind kind) {
        Map<Long, VprRows.School> schools = new LinkedHashMap<>();
        Map<Long, List<String>> reasons = new LinkedHashMap<>();
        Map<Long, List<ObjectivitySigns.Flag>> flags = new HashMap<>();
        if (kind == ListKind.NON_OBJECTIVE) {
            for (ObjectivitySigns.Flag f : signs.flags(user, year)) {
                schools.putIfAbsent(f.school().id(), f.school());
                flags.computeIfAbsent(f.school().id(), k -> new ArrayList<>()).add(f);
                f.signs().forEach(s -> reasons.computeIfAbsent(f.school().id(), k -> new ArrayList<>()).add(s.text()));
            }
        } else {
            for (LowResultsCandidates.Candidate c : candidates.candidates(user, year)) {
                schools.put(c.school().id(), c.school());
                reasons.put(c.school().id(), c.reasons().stream().map(LowResultsCandidates.Reason::text).toList());
            }
        }
        Map<Long, Review> reviewed = reviews(user, year, kind).stream()
                .collect(Collectors.toMap(Review::schoolId, r -> r, (a, b) -> a, LinkedHashMap::new));
        List<Long> missing = reviewed.keySet().stream().filter(id -> !schools.containsKey(id)).toList();
        schools.putAll(rows.schools(missing));
        Set<Long> listed = lists.of(user.scope(), year, year).stream().filter(l -> l.kind() == kind)
                .map(SchoolLists.Listing::schoolId).collect(Collectors.toSet());
        List<Item> items = new ArrayList<>();
        for (VprRows.School school : schools.values()) {
            items.add(new Item(school, reasons.getOrDefault(school.id(), List.of()), flags.getOrDefault(school.id(), List.of()),
                    reviewed.get(school.id()), listed.contains(school.id())));
        }
        return items;
    }

    /** The verdicts of the year's list in the user's scope. */
    @Transactional(readOnly = true)
    public List<Review> reviews(CurrentUser user, int year, ListKind kind) {
        List<Object> args = new ArrayList<>(List.of(year, kind.name()));
        String scope = user.scope().toSql("r.region_id", "r.municipality_id", "r.school_id", args);
        if (user.regionId() != null && user.scope().isAll()) {
            scope = "r.region_id = ?";
            args.add(user.regionId());
        }
        return jdbc.query("select r.id, r.school_id, r.verdict, r.comment, r.reasons, r.decided_at, r.decided_by, r.version"
                        + " from list_candidate_review r where r.year = ? and r.kind = ? and " + scope + " order by r.id",
                (rs, i) -> new Review(rs.getLong(1), rs.getLong(2), Verdict.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getLong(8)), args.toArray());
    }

    /**
     * Gives (or changes) the verdict on a school: ACCEPTED puts it on the year's list with its reasons as the basis,
     * DISMISSED after an accept takes it off. A school the rules do not put forward and nobody reviewed is refused.
     */
    public Review decide(CurrentUser user, Integer year, ListKind kind, long schoolId, @Nullable Verdict verdict,
                         @Nullable String comment, @Nullable Long version) {
        RuleService.requireKeeper(user);
        OrgUnit school = directory.get(user.scope(), schoolId);
        if (year == null || year < 2000 || year > 2100) {
            throw RuleViolationException.field("year", "Укажите год списка (например, 2021)");
        }
        if (verdict == null) {
            throw RuleViolationException.field("verdict", "Выберите решение: включить в список или не включать");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw RuleViolationException.field("comment", "Напишите комментарий к решению");
        }
        if (text.length() > MAX_COMMENT) {
            throw RuleViolationException.field("comment", TextLimits.message(MAX_COMMENT, "Комментарий", text.length()));
        }
        CandidateReview review = reviews.findByYearAndKindAndSchoolId(year, kind, schoolId).orElse(null);
        List<String> reasons = currentReasons(school, year, kind);
        String stored;
        if (reasons.isEmpty()) {
            if (review == null) {
                throw RuleViolationException.field("schoolId", "Правила не выдвигают «" + school.name() + "» в список «"
                        + kind.label() + "» " + year + " года");
            }
            stored = review.getReasons();
        } else {
            stored = String.join("\n", reasons);
        }
        Verdict before = null;
        if (review == null) {
            review = new CandidateReview(Objects.requireNonNull(school.regionId()), school.municipalityId(), schoolId, year, kind);
            review.decide(verdict, text, stored, clock.instant(), user.getUsername());
            reviews.saveAndFlush(review);
        } else {
            ConcurrentEditException.check(version, review.getVersion());
            before = review.getVerdict();
            review.decide(verdict, text, stored, clock.instant(), user.getUsername());
            reviews.flush();
        }
        if (verdict == Verdict.ACCEPTED) {
            lists.include(user, schoolId, year, kind, basis(List.of(stored.split("\n"))));
        } else if (before == Verdict.ACCEPTED) {
            lists.exclude(user, schoolId, year, kind);
        }
        return reviews(user, year, kind).stream().filter(r -> r.schoolId() == schoolId).findFirst().orElseThrow();
    }

    private List<String> currentReasons(OrgUnit school, int year, ListKind kind) {
        long regionId = Objects.requireNonNull(school.regionId());
        if (kind == ListKind.NON_OBJECTIVE) {
            return signs.ofRegion(regionId, year).stream().filter(f -> f.school().id() == school.id())
                    .flatMap(f -> f.signs().stream()).map(ObjectivitySigns.Sign::text).toList();
        }
        return candidates.ofRegion(regionId, year).stream().filter(c -> c.school().id() == school.id())
                .flatMap(c -> c.reasons().stream()).map(LowResultsCandidates.Reason::text).toList();
    }

    /**
     * The reasons as a list entry's basis: joined with «; », at most {@value #MAX_BASIS} characters; what does not fit
     * is left out with «…» and how many reasons were left.
     */
    static String basis(List<String> reasons) {
        String all = String.join("; ", reasons);
        if (all.length() <= MAX_BASIS) {
            return all;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < reasons.size(); i++) {
            String next = (i == 0 ? "" : "; ") + reasons.get(i);
            String tail = "; … и ещё " + (reasons.size() - i - 1);
            String rest = "; … и ещё " + (reasons.size() - i);
            if (b.length() + next.length() + (i == reasons.size() - 1 ? 0 : tail.length()) > MAX_BASIS) {
                if (i == 0) {
                    String cut = "… и ещё " + (reasons.size() - 1);
                    return reasons.get(0).substring(0, MAX_BASIS - cut.length() - 1) + cut;
                }
                return b + rest;
            }
            b.append(next);
        }
        return b.toString();
    }

    /** The changes of the verdicts of a year's list in the user's region: who decided what on which school, and when. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, int year, ListKind kind) {
        RuleService.requireKeeper(user);
        Long regionId = user.regionId();
        if (regionId == null) {
            return List.of();
        }
        Map<Long, Long> schoolOf = new HashMap<>();
        jdbc.query("select id, school_id from list_candidate_review where region_id = ? and year = ? and kind = ?",
                rs -> {
                    schoolOf.put(rs.getLong(1), rs.getLong(2));
                }, regionId, year, kind.name());
        if (schoolOf.isEmpty()) {
            return List.of();
        }
        Map<Long, VprRows.School> names = rows.schools(Set.copyOf(schoolOf.values()));
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(CandidateReview.class, false, true)
                .add(AuditEntity.id().in(schoolOf.keySet()))
                .addOrder(AuditEntity.revisionNumber().asc())
                .setMaxResults(2000)
                .getResultList();
        Map<Long, CandidateReview> last = new HashMap<>();
        List<HistoryEntry> history = new ArrayList<>();
        for (Object[] row : revisions) {
            CandidateReview state = (CandidateReview) row[0];
            Revision revision = (Revision) row[1];
            RevisionType type = (RevisionType) row[2];
            Long schoolId = schoolOf.get(state.getId());
            VprRows.School school = schoolId == null ? null : names.get(schoolId);
            String name = school == null ? "—" : school.name();
            CandidateReview previous = last.get(state.getId());
            List<FieldChange> changes = new ArrayList<>();
            changes.add(new FieldChange("Школа", type == RevisionType.ADD ? null : name, name));
            changes.add(new FieldChange("Решение", previous == null ? null : label(previous.getVerdict()), label(state.getVerdict())));
            changes.add(new FieldChange("Комментарий", previous == null ? null : previous.getComment(), state.getComment()));
            last.put(state.getId(), state);
            history.add(new HistoryEntry(revision.getId(), revision.getTimestamp(), revision.getUsername(),
                    type == RevisionType.ADD ? HistoryEntry.Kind.CREATED : HistoryEntry.Kind.CHANGED, changes));
        }
        Collections.reverse(history);
        return auditHistory.named(history);
    }

    private static @Nullable String label(@Nullable Verdict verdict) {
        return verdict == null ? null : verdict.label();
    }
}

package ru.rsoko.meeting.correction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.meeting.domain.ImportForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.meeting.protocol.ProtocolDraft;
import ru.rsoko.meeting.protocol.ProtocolParser;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Keeps what people correct in an imported protocol's draft ({@code protocol_correction}, V21) and gives it to the
 * region's administrators: a list, one correction, its deletion, and the corrections as test cases of the corpus.
 * A correction is kept in the transaction that creates the meeting, under a savepoint of its own: it never makes the
 * creation fail, and a creation that fails keeps nothing.
 */
@Service
public class ProtocolCorrections {

    private static final Logger log = LoggerFactory.getLogger(ProtocolCorrections.class);
    /** As much text as the import accepts (MeetingImportController.MAX_TEXT); a longer hidden field is not a draft's. */
    static final int MAX_TEXT = 500_000;
    private static final TypeReference<List<FactDifference>> DIFFERENCES = new TypeReference<>() {
    };

    private static final String SELECT = """
            select c.id, c.created_at, c.region_id, r.name as region_name, r.time_zone, c.municipality_id, c.account_id,
                   c.author, c.meeting_id, m.title as meeting_title, c.differences%s
            from protocol_correction c
                     join directory_org_unit r on r.id = c.region_id
                     left join meeting m on m.id = c.meeting_id
            """;

    private final MeetingManagement meetings;
    private final ProtocolParser parser;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Formats formats;

    ProtocolCorrections(MeetingManagement meetings, ProtocolParser parser, JdbcTemplate jdbc, ObjectMapper json,
                        Clock clock, Formats formats) {
        this.meetings = meetings;
        this.parser = parser;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.formats = formats;
    }

    /** Creates the meeting a person confirmed from an imported draft, and keeps what they corrected in it. */
    @Transactional
    public MeetingView createFromImport(CurrentUser user, ImportForm form) {
        MeetingView meeting = meetings.createWithContent(user, form.getMeeting(), form.getAgenda(), form.getDecisions());
        keep(user, form, meeting);
        return meeting;
    }

    private void keep(CurrentUser user, ImportForm form, MeetingView meeting) {
        String text = form.getSourceText();
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            return;
        }
        try {
            // read again rather than trusting a copy of the draft carried through the page
            ProtocolDraft draft = parser.parse(text);
            ProtocolFacts parsed = ProtocolFacts.of(draft);
            ProtocolFacts confirmed = CorrectedFacts.confirmed(form, draft, parsed, LocalDate.now(formats.zone()));
            List<FactDifference> differences = CorrectedFacts.differences(parsed, confirmed);
            if (differences.isEmpty()) {
                return;
            }
            String author = user.fullName() == null || user.fullName().isBlank() ? user.getUsername() : user.fullName();
            String parsedJson = json.writeValueAsString(parsed);
            String confirmedJson = json.writeValueAsString(confirmed);
            String differencesJson = json.writeValueAsString(differences);
            Object[] values = {meeting.regionId(), meeting.municipalityId(), user.accountId(),
                    author.length() > 300 ? author.substring(0, 300) : author, Timestamp.from(clock.instant()),
                    meeting.id(), text.replace('\u0000', ' '), parsedJson, confirmedJson, differencesJson};
            // a savepoint of its own: a failed insert is undone alone, and the meeting is still created
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                Savepoint savepoint = connection.setSavepoint();
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into protocol_correction (region_id, municipality_id, account_id, author, created_at,
                                                         meeting_id, source_text, parsed, confirmed, differences)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)""")) {
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.executeUpdate();
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException | RuntimeException e) {
                    connection.rollback(savepoint);
                    throw e;
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Исправления протокола не сохранены (мероприятие {} создано)", meeting.id(), e);
        }
    }

    @Transactional(readOnly = true)
    public Page<ProtocolCorrection> find(Scope scope, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = where(scope, args);
        Long total = jdbc.queryForObject("select count(*) from protocol_correction c where " + where, Long.class, args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<ProtocolCorrection> rows = jdbc.query(SELECT.formatted("") + " where " + where
                + " order by c.created_at desc, c.id desc limit ? offset ?", row(false), args.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** Every correction in the scope, newest first, streamed (the .xlsx). */
    @Transactional(readOnly = true)
    public void forEach(Scope scope, Consumer<ProtocolCorrection> sink) {
        stream(scope, false, sink);
    }

    /** One correction with its text and facts; not found outside the scope. */
    @Transactional(readOnly = true)
    public ProtocolCorrection get(Scope scope, long id) {
        List<Object> args = new ArrayList<>();
        String where = where(scope, args) + " and c.id = ?";
        args.add(id);
        return jdbc.query(SELECT.formatted(", c.source_text, c.parsed, c.confirmed") + " where " + where, row(true),
                args.toArray()).stream().findFirst().orElseThrow(() -> NotFoundException.of("Исправление протокола", id));
    }

    /** Removes one correction (protocols hold personal data); not found outside the scope. */
    @Transactional
    public void delete(Scope scope, long id) {
        get(scope, id);
        jdbc.update("delete from protocol_correction where id = ?", id);
    }

    /**
     * The scope's corrections as test cases of the corpus, oldest first: {@code NN-correction-ID.txt} (the text) and
     * {@code NN-correction-ID.facts.json} (the facts as confirmed), streamed into a .zip.
     */
    @Transactional(readOnly = true)
    public void exportCases(Scope scope, OutputStream out) {
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            int[] n = {0};
            stream(scope, true, c -> {
                n[0]++;
                String name = "%02d-correction-%d".formatted(n[0], c.id());
                try {
                    zip.putNextEntry(new ZipEntry(name + ".txt"));
                    zip.write(c.sourceText().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(name + ".facts.json"));
                    ProtocolFacts facts = c.confirmed().withLayout("из исправленного импорта в регионе «" + c.regionName()
                            + "», " + Formats.DATE.format(c.day()) + "; исправлено: " + c.kindsLabel());
                    zip.write(corpusJson(facts).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facts laid out as the corpus's files are: a key per line, a decision per line. */
    String corpusJson(ProtocolFacts facts) {
        StringBuilder out = new StringBuilder("{\n");
        if (facts.layout() != null) {
            out.append("  \"layout\": ").append(json.writeValueAsString(facts.layout())).append(",\n");
        }
        out.append("  \"date\": ").append(json.writeValueAsString(facts.date())).append(",\n");
        out.append("  \"number\": ").append(json.writeValueAsString(facts.number())).append(",\n");
        out.append("  \"speakers\": ").append(json.writeValueAsString(facts.speakers())).append(",\n");
        out.append("  \"decisions\": [");
        for (int i = 0; i < facts.decisions().size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append("    ").append(json.writeValueAsString(facts.decisions().get(i)));
        }
        out.append(facts.decisions().isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return out.toString();
    }

    private void stream(Scope scope, boolean whole, Consumer<ProtocolCorrection> sink) {
        List<Object> args = new ArrayList<>();
        String where = where(scope, args);
        RowMapper<ProtocolCorrection> row = row(whole);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(SELECT.formatted(whole ? ", c.source_text, c.parsed, c.confirmed" : "")
                    + " where " + where + (whole ? " order by c.created_at, c.id" : " order by c.created_at desc, c.id desc"));
            statement.setFetchSize(whole ? 50 : 1000);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, rs -> {
            sink.accept(row.mapRow(rs, 0));
        });
    }

    /** A region's administrator sees their region's; a deployment administrator every region's. */
    private static String where(Scope scope, List<Object> args) {
        if (scope.isAll()) {
            return "true";
        }
        if (scope.level() != Scope.Level.REGION) {
            return "false";
        }
        args.add(scope.regionId());
        return "c.region_id = ?";
    }

    private RowMapper<ProtocolCorrection> row(boolean whole) {
        return (rs, n) -> new ProtocolCorrection(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("region_id"), rs.getString("region_name"), zone(rs),
                rs.getObject("municipality_id", Long.class), rs.getObject("account_id", Long.class), rs.getString("author"),
                rs.getObject("meeting_id", Long.class), rs.getString("meeting_title"),
                json.readValue(rs.getString("differences"), DIFFERENCES),
                whole ? rs.getString("source_text") : null,
                whole ? facts(rs.getString("parsed")) : null, whole ? facts(rs.getString("confirmed")) : null);
    }

    private @Nullable ProtocolFacts facts(@Nullable String text) {
        return text == null ? null : json.readValue(text, ProtocolFacts.class);
    }

    private ZoneId zone(ResultSet rs) throws SQLException {
        String zone = rs.getString("time_zone");
        return zone == null ? formats.zone() : ZoneId.of(zone);
    }
}

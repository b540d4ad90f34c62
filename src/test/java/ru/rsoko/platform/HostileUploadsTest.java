package ru.rsoko.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;
import ru.rsoko.vsoko.VsokoFixtures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every upload endpoint × a corpus of hostile and malformed files ({@link HostileFiles}): each file is refused with a
 * 4xx and a Russian message, and not one row of any table changes — or, on the endpoints that keep attachments, a file
 * acceptable as an attachment is kept and served back only as a download (Content-Disposition: attachment, nosniff, a
 * safe type). Never a 5xx, never a hang. The count is printed at the end.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class HostileUploadsTest {

    /** Tables that bookkeeping writes whatever a request does: sessions, scheduler locks, events, the mail loop. */
    private static final Set<String> BOOKKEEPING = Set.of("spring_session", "spring_session_attributes", "shedlock",
            "event_publication", "event_publication_archive", "flyway_schema_history", "mail_outbox");
    private static final Pattern CYRILLIC_MESSAGE = Pattern.compile("[А-ЯЁа-яё][А-ЯЁа-яё ,.:;«»()\\-–—0-9A-Za-z_/*]{15,}");

    enum Kind {
        /** a page that reads the file and shows its errors: refuses everything */
        IMPORT_PAGE,
        /** the API: problem+json */
        API,
        /** a page that keeps the file as an attachment */
        ATTACHMENT
    }

    record Endpoint(String name, Kind kind, String user, String fileParam, Map<String, String> params, String downloadPath) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    PlanFixtures planFixtures;
    @Autowired
    ru.rsoko.vsoko.framework.FrameworkRepository frameworkRepository;
    @Autowired
    ru.rsoko.vsoko.campaign.CampaignService campaignService;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    private final List<Endpoint> endpoints = new ArrayList<>();
    private long executionId;
    private long ongoingId;
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger KEPT = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static final AtomicInteger PARTIAL_WRITES = new AtomicInteger();
    private static final Set<String> FILES = new java.util.concurrent.ConcurrentSkipListSet<>();
    private static final Set<String> ENDPOINTS = new java.util.concurrent.ConcurrentSkipListSet<>();

    @BeforeAll
    void endpoints() {
        long tver = fixtures.org("Тверская область").id();
        Plan draft = planFixtures.plan(tver, PlanFixtures.freshYear(), false);
        Plan approved = planFixtures.plan(tver, PlanFixtures.freshYear(), true);
        long vpr = planFixtures.vpr(approved, LocalDate.of(approved.year(), 3, 15), LocalDate.of(approved.year(), 5, 21)).id();
        VsokoFixtures vsoko = new VsokoFixtures(frameworkRepository, campaignService, userDetails, new TransactionTemplate(transactions));
        long campaign = vsoko.openCampaign("tver.coko", 2035, LocalDate.of(2035, 1, 10), false).id(); // a year no page of today shows
        MeetingView meeting = meetingFixtures.meeting("tver.coko", false);
        MeetingView signed = meetingFixtures.meeting("tver.coko", true);
        ExecutionRecord record = meetingFixtures.execution(signed, "1", fixtures.org("МОУ «Берёзовская СОШ»"));
        executionId = record.id();
        ongoingId = meetingFixtures.execution(signed, "2", fixtures.org("МОУ «Берёзовская СОШ»")).id();

        endpoints.add(new Endpoint("plan import", Kind.IMPORT_PAGE, "tver.coko", "file", Map.of(), "/plans/" + draft.id() + "/import"));
        endpoints.add(new Endpoint("directory import", Kind.IMPORT_PAGE, "tver.admin", "file", Map.of("regionId", String.valueOf(tver)),
                "/directory/import"));
        endpoints.add(new Endpoint("school lists", Kind.IMPORT_PAGE, "tver.coko", "file", Map.of("year", "2021", "kind", "LOW_RESULTS"),
                "/school-lists/upload"));
        endpoints.add(new Endpoint("participation", Kind.IMPORT_PAGE, "tver.coko", "file", Map.of(),
                "/procedures/" + vpr + "/participation/upload"));
        endpoints.add(new Endpoint("ВСОКО values", Kind.IMPORT_PAGE, "sonkovo.school", "file", Map.of(),
                "/vsoko/campaigns/" + campaign + "/upload"));
        endpoints.add(new Endpoint("framework import", Kind.IMPORT_PAGE, "tver.coko", "file",
                Map.of("name", "Враждебная модель", "year", "2026"), "/vsoko/frameworks/import"));
        endpoints.add(new Endpoint("meeting import (.docx)", Kind.IMPORT_PAGE, "tver.coko", "file", Map.of(), "/meetings/import"));
        endpoints.add(new Endpoint("protocol parse API (multipart)", Kind.API, "tver.coko", "file", Map.of(), "/api/v1/protocols/parse"));
        endpoints.add(new Endpoint("protocol parse API (text/plain)", Kind.API, "tver.coko", null, Map.of(), "/api/v1/protocols/parse"));
        endpoints.add(new Endpoint("procedure files", Kind.ATTACHMENT, "tver.coko", "file", Map.of(),
                "/procedures/" + planFixtures.vpr(approved, LocalDate.of(approved.year(), 9, 15),
                        LocalDate.of(approved.year(), 10, 21)).id() + "/files"));
        endpoints.add(new Endpoint("meeting materials", Kind.ATTACHMENT, "tver.coko", "file", Map.of("title", "Материал"),
                "/meetings/" + meeting.id() + "/agenda/" + meeting.agenda().getFirst().id() + "/materials"));
        endpoints.add(new Endpoint("execution evidence", Kind.ATTACHMENT, "sonkovo.school", "evidenceFile",
                Map.of("status", "IN_PROGRESS", "report", "Начато"), "/executions/" + executionId));
        endpoints.add(new Endpoint("execution report file", Kind.ATTACHMENT, "sonkovo.school", "evidenceFile",
                Map.of("text", "Отчёт за период"), "/executions/{ongoing}/reports"));
    }

    Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (HostileFiles.Hostile file : HostileFiles.corpus()) {
            for (Endpoint endpoint : endpoints) {
                all.add(Arguments.of(file, endpoint));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void everyHostileFileIsRefusedCleanlyOrKeptAsADownload(HostileFiles.Hostile file, Endpoint endpoint) throws Exception {
        FILES.add(file.title());
        ENDPOINTS.add(endpoint.name());
        CASES.incrementAndGet();
        if (endpoint.downloadPath().endsWith("/reports")) {
            // a period takes one report: each case reports on a record of its own, made before the tables are read
            ongoingId = meetingFixtures.execution(meetingFixtures.meeting("tver.coko", true), "2",
                    fixtures.org("МОУ «Берёзовская СОШ»")).id();
        }
        long before = tables();
        long started = System.nanoTime();
        MvcResult result = send(file, endpoint);
        MockHttpServletResponse response = result.getResponse();
        long millis = (System.nanoTime() - started) / 1_000_000;
        int status = response.getStatus();
        if (status >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        assertThat(status).as("%s → %s: not a server error (%s)", file, endpoint, response.getContentAsString()).isLessThan(500);
        assertThat(millis).as("%s → %s answered within 60 s", file, endpoint).isLessThan(60_000);

        boolean kept = endpoint.kind() == Kind.ATTACHMENT && file.attachable();
        if (kept) {
            assertThat(status).as("%s → %s: kept as an attachment", file, endpoint).isEqualTo(302);
            assertThat(result.getFlashMap().get("error")).as("%s → %s", file, endpoint).isNull();
            KEPT.incrementAndGet();
            if (endpoint.name().equals("procedure files")) {
                servedAsADownload(file);
            }
            return;
        }
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).as("%s → %s: refused with 400, 413, 415 or 422 (%s)", file, endpoint, body)
                .isIn(400, 413, 415, 422);
        assertThat(message(body, endpoint.kind())).as("%s → %s: a Russian message in the answer", file, endpoint).isNotNull();
        Map<String, String> changed = changed(before);
        if (!changed.isEmpty()) {
            PARTIAL_WRITES.incrementAndGet();
        }
        assertThat(changed).as("%s → %s: tables changed", file, endpoint).isEmpty();
        REFUSED.incrementAndGet();
    }

    /**
     * Over spring.servlet.multipart.max-file-size (20 MB) through the real server: the page and the API both answer a
     * Russian 413, not Tomcat's English page or a 500.
     */
    @Test
    void aFileOverTheUploadLimitIsRefusedInRussianOnPagesAndTheApi() throws Exception {
        byte[] big = new byte[30 * 1024 * 1024];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String boundary = "----hostile" + System.nanoTime();
        byte[] multipart = multipart(boundary, "огромный.xlsx", big);
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/protocols/parse"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tver.coko:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.body()).contains("не более 20 МБ");

        // a person's browser: signed in, the form's CSRF token before the file, as a browser sends the form
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://localhost:" + port;
        String token = csrfToken(browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=tver.coko&password=demo&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        token = csrfToken(browser.send(HttpRequest.newBuilder(URI.create(base + "/meetings/import")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        form.writeBytes(multipart);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/meetings/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(413);
        assertThat(page.body()).contains("не более 20 МБ");
    }

    private static String csrfToken(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    @AfterAll
    void count() {
        System.out.printf("Hostile uploads: %d files × %d endpoints = %d cases; refused %d, kept as attachments %d; "
                        + "server errors %d, partial writes %d%n", FILES.size(), ENDPOINTS.size(), CASES.get(), REFUSED.get(),
                KEPT.get(), SERVER_ERRORS.get(), PARTIAL_WRITES.get());
    }

    private MvcResult send(HostileFiles.Hostile file, Endpoint endpoint) throws Exception {
        byte[] content = file.content().get();
        AbstractMockHttpServletRequestBuilder<?> request;
        if (endpoint.fileParam() == null) {
            request = MockMvcRequestBuilders.post(endpoint.downloadPath()).contentType(MediaType.TEXT_PLAIN).content(content);
        } else {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(HttpMethod.POST,
                    endpoint.downloadPath().replace("{ongoing}", String.valueOf(ongoingId)));
            multipart.file(new MockMultipartFile(endpoint.fileParam(), file.fileName(), file.contentType(), content));
            request = multipart;
        }
        endpoint.params().forEach(request::param);
        if (endpoint.downloadPath().startsWith("/executions/")) {
            long id = endpoint.downloadPath().endsWith("/reports") ? ongoingId : executionId;
            request.param("version", String.valueOf(jdbc.queryForObject("select version from execution where id = ?", Long.class, id)));
        }
        if (endpoint.kind() == Kind.API) {
            request.with(DemoUsers.api(endpoint.user())).accept(MediaType.APPLICATION_JSON);
        } else {
            request.with(users.page(endpoint.user())).with(csrf()).accept(MediaType.TEXT_HTML);
        }
        return mvc.perform(request).andReturn();
    }

    /** The stored file comes back as a download only: attachment, nosniff, a type no browser renders as a page. */
    private void servedAsADownload(HostileFiles.Hostile file) throws Exception {
        Map<String, Object> stored = jdbc.queryForMap("""
                select pf.id as file_id, pf.procedure_id from plan_procedure_file pf order by pf.id desc limit 1""");
        MockHttpServletResponse download = mvc.perform(MockMvcRequestBuilders.get("/procedures/" + stored.get("procedure_id")
                        + "/files/" + stored.get("file_id")).with(users.page("tver.coko"))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getContentType()).doesNotContain("html", "svg", "javascript")
                .isNotIn("text/xml", "application/xml");
        assertThat(download.getContentAsByteArray()).as(file.title()).isEqualTo(file.content().get());
    }

    /** The Russian message the answer gives: problem+json's detail, the page's alert or the error page's text. */
    private static String message(String body, Kind kind) {
        String place;
        if (kind == Kind.API) {
            Matcher detail = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            place = detail.find() ? detail.group(1) : "";
        } else {
            Matcher alert = Pattern.compile("(?s)class=\"(?:alert alert-danger|lead text-muted[^\"]*|invalid-feedback[^\"]*)\"[^>]*>(.*?)</(?:div|p)>")
                    .matcher(body);
            StringBuilder all = new StringBuilder();
            while (alert.find()) {
                all.append(alert.group(1).replaceAll("<[^>]+>", " ")).append(' ');
            }
            place = all.toString();
        }
        Matcher russian = CYRILLIC_MESSAGE.matcher(place);
        return russian.find() ? russian.group() : null;
    }

    /**
     * Every table of the public schema but the bookkeeping ones gets, for this class only, a trigger that notes each
     * row inserted, updated or deleted (and each truncate) in {@value #WRITES}; a write that is rolled back takes its
     * note with it. So "no row of any table changed" is "no note since before the request", read from one small
     * table, instead of counting every row of every table twice per case. Dropped with its schema after the class.
     */
    private static final String WRITES = "hostile_uploads_check.writes";

    @BeforeAll
    void noteEveryWrite() {
        jdbc.execute("drop schema if exists hostile_uploads_check cascade");
        jdbc.execute("create schema hostile_uploads_check");
        jdbc.execute("create table " + WRITES + " (id bigserial primary key, table_name text not null, operation text not null)");
        jdbc.execute("""
                create function hostile_uploads_check.note() returns trigger language plpgsql as $$
                begin
                    insert into hostile_uploads_check.writes (table_name, operation) values (tg_table_name, tg_op);
                    return null;
                end
                $$""");
        List<String> tables = jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition""", String.class);
        for (String table : tables) {
            if (!BOOKKEEPING.contains(table)) {
                jdbc.execute("create trigger hostile_uploads_noted after insert or update or delete on public.\"" + table
                        + "\" for each row execute function hostile_uploads_check.note()");
                jdbc.execute("create trigger hostile_uploads_noted_truncate after truncate on public.\"" + table
                        + "\" for each statement execute function hostile_uploads_check.note()");
            }
        }
        // the notes see a write: an update of one row, rolled back afterwards
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            long before = tables();
            jdbc.update("update org_unit set name = name where id = (select min(id) from org_unit)");
            assertThat(changed(before)).as("a write is noted").containsOnlyKeys("org_unit");
            status.setRollbackOnly();
        });
    }

    @AfterAll
    void stopNotingWrites() {
        // the triggers depend on the function: dropping the schema drops them all
        jdbc.execute("drop schema if exists hostile_uploads_check cascade");
    }

    /** The last write noted so far (see {@link #noteEveryWrite()}). */
    private long tables() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from " + WRITES, Long.class);
    }

    /** The tables written since {@code before}: each with its rows inserted, updated, deleted or truncated. */
    private Map<String, String> changed(long before) {
        Map<String, String> changed = new TreeMap<>();
        jdbc.query("select table_name, operation, count(*) from " + WRITES + " where id > ? group by 1, 2 order by 1, 2",
                rs -> {
                    changed.merge(rs.getString(1), rs.getString(2) + " " + rs.getLong(3), (a, b) -> a + ", " + b);
                }, before);
        return changed;
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        out.writeBytes(head);
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}

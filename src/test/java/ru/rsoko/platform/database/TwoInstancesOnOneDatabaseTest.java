package ru.rsoko.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.platform.demo.DemoDataSet;
import ru.rsoko.support.SeparateApplication;
import ru.rsoko.support.WebClientSession;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances started together on one empty database, as docker-compose starts them, both with the demo data on:
 * Flyway's advisory lock lets one of them migrate and the other find the schema ready; the demo loader's table lock
 * lets one of them load each set and the other skip it. A session signed in on one is valid on the other (sessions
 * live in PostgreSQL), and an edit made on B with the version read before A's edit is refused with 409.
 * Runs on a PostgreSQL of its own (the shared test database is untouched).
 */
class TwoInstancesOnOneDatabaseTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoInstancesOnAnEmptyDatabaseMigrateOnceLoadTheDemoDataOnceShareSessionsAndRefuseLostUpdates()
            throws Exception {
        int dbPort = SeparateApplication.freePort();
        EmbeddedPostgres postgres = SeparateApplication.postgres(dir.resolve("postgres"), dbPort);
        ExecutorService starter = Executors.newFixedThreadPool(2);
        List<ConfigurableApplicationContext> apps = new ArrayList<>();
        try {
            Callable<ConfigurableApplicationContext> start = () -> SeparateApplication.start(dbPort, true);
            List<Future<ConfigurableApplicationContext>> started = starter.invokeAll(List.of(start, start));
            for (Future<ConfigurableApplicationContext> app : started) {
                apps.add(app.get(10, TimeUnit.MINUTES));
            }
            ConfigurableApplicationContext a = apps.get(0);
            ConfigurableApplicationContext b = apps.get(1);
            JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));

            // Flyway migrated once: every migration once, all successful
            int migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version is not null",
                    Integer.class)).isEqualTo(migrations);
            assertThat(jdbc.queryForObject("select count(distinct version) from flyway_schema_history", Integer.class))
                    .isEqualTo(migrations);
            assertThat(jdbc.queryForObject("select bool_and(success) from flyway_schema_history", Boolean.class)).isTrue();

            // the demo data loaded once: each set once, and no organisation, account or meeting twice
            assertThat(jdbc.queryForObject("select count(*) from demo_data_set", Integer.class))
                    .isEqualTo(a.getBeansOfType(DemoDataSet.class).size());
            assertThat(jdbc.queryForObject("select count(*) from org_unit where type = 'REGION' and name = 'Тверская область'",
                    Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from org_unit", Integer.class)).isEqualTo(jdbc.queryForObject(
                    "select count(*) from (select distinct type, name, parent_id from org_unit) units", Integer.class));
            assertThat(jdbc.queryForObject("select count(*) from user_account", Integer.class)).isEqualTo(
                    jdbc.queryForObject("select count(distinct username) from user_account", Integer.class));
            assertThat(jdbc.queryForObject("select count(*) from meeting", Integer.class)).isEqualTo(jdbc.queryForObject(
                    "select count(*) from (select distinct organiser_id, title, meeting_date from meeting) meetings", Integer.class));
            System.out.printf("Два экземпляра на пустой базе: миграций %d (каждая один раз), наборов демо-данных %d, "
                            + "организаций %d, учётных записей %d, мероприятий %d%n", migrations,
                    jdbc.queryForObject("select count(*) from demo_data_set", Integer.class),
                    jdbc.queryForObject("select count(*) from org_unit", Integer.class),
                    jdbc.queryForObject("select count(*) from user_account", Integer.class),
                    jdbc.queryForObject("select count(*) from meeting", Integer.class));

            // one browser signs in on A and goes on on B with the same session cookie
            CookieManager cookies = new CookieManager();
            WebClientSession onA = new WebClientSession(SeparateApplication.port(a), cookies);
            assertThat(onA.login("tver.coko", "demo")).doesNotContain("error");
            WebClientSession onB = new WebClientSession(SeparateApplication.port(b), cookies);
            HttpResponse<String> page = onB.get("/meetings");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("tver.coko");
            // and B takes the CSRF token the session got on A: signing out there ends the session on A too
            assertThat(onB.post("/logout", java.util.Map.of()).statusCode()).isEqualTo(302);
            assertThat(onA.get("/meetings").statusCode()).isEqualTo(302);
            assertThat(new WebClientSession(SeparateApplication.port(b)).get("/meetings").statusCode()).isEqualTo(302);

            // a version conflict between the instances: B's edit made on the version before A's is refused
            String created = api(a, "POST", "/api/v1/meetings", """
                    {"title": "Совещание двух экземпляров", "date": "%s", "kind": "SEMINAR_MEETING"}"""
                    .formatted(LocalDate.now()), 201);
            long id = Long.parseLong(find(ID, created));
            long version = Long.parseLong(find(VERSION, api(b, "GET", "/api/v1/meetings/" + id, null, 200)));
            String edit = """
                    {"title": "%s", "date": "%s", "kind": "SEMINAR_MEETING", "version": %d}""";
            api(a, "PUT", "/api/v1/meetings/" + id, edit.formatted("Правка через A", LocalDate.now(), version), 200);
            String refused = api(b, "PUT", "/api/v1/meetings/" + id, edit.formatted("Правка через B", LocalDate.now(), version), 409);
            assertThat(refused).contains("Конфликт изменений");
            assertThat(jdbc.queryForObject("select title from meeting where id = ?", String.class, id)).isEqualTo("Правка через A");
        } finally {
            starter.shutdownNow();
            apps.forEach(ConfigurableApplicationContext::close);
            postgres.close();
        }
    }

    private String api(ConfigurableApplicationContext app, String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + SeparateApplication.port(app) + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tver.coko:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    private static String find(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }
}

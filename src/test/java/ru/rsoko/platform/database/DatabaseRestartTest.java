package ru.rsoko.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.account.domain.AccountForm;
import ru.rsoko.account.domain.UserAccountService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.directory.domain.OrgUnitForm;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.support.SeparateApplication;
import ru.rsoko.support.WebClientSession;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL is stopped and started again, twice, while four clients keep creating meetings through the API with a
 * personal token. The application is not restarted. Requests made while the database is down fail cleanly and fast
 * (503 problem+json or the Russian outage page; never 500 or 401, each in well under Hikari's old 30 s), the health
 * endpoints say DOWN and then UP, the app serves again by itself, and every meeting acknowledged with 201 is in the
 * database afterwards. Runs on a PostgreSQL and an application of its own (the shared test database is untouched).
 */
class DatabaseRestartTest {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String TITLE = "Нагрузка при перезапуске БД № ";
    private static final String USER = "restart.officer";
    private static final String PASSWORD = "Perezapusk-2026";
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    /** "Well under 30 s": the pool gives up after 3 s; the rest is room for a busy machine. */
    private static final long FAST_MILLIS = 10_000;

    enum Phase { UP, STOPPING, DOWN, STARTING }

    record Answer(Phase phase, int status, long millis, String title, String contentType, String body) {
    }

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.UP);
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> clientFailures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private String base;

    @Test
    void acknowledgedWritesSurviveTwoRestartsAndTheOutageIsAnsweredWith503() throws Exception {
        int dbPort = SeparateApplication.freePort();
        Path data = dir.resolve("postgres");
        long began = System.nanoTime();
        EmbeddedPostgres postgres = SeparateApplication.postgres(data, dbPort);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (ConfigurableApplicationContext app = SeparateApplication.start(dbPort, false,
                // the outage is expected here: its warnings (one per refused request) would bury the test output
                "--logging.level.org.hibernate.orm.jdbc.error=OFF", "--logging.level.com.zaxxer.hikari=ERROR",
                "--logging.level.ru.rsoko.platform.web=ERROR",
                "--logging.level.org.springframework.transaction.interceptor=OFF",
                "--logging.level.org.springframework.boot.jdbc.health=ERROR")) {
            System.out.printf("PostgreSQL и приложение запущены за %d с%n", millisSince(began) / 1000);
            base = "http://localhost:" + SeparateApplication.port(app);
            assertPoolSettings(app.getBean(HikariDataSource.class));
            regionalOfficer(app);
            String token = token();
            WebClientSession browser = new WebClientSession(SeparateApplication.port(app));
            assertThat(browser.login(USER, PASSWORD)).doesNotContain("error");
            assertThat(browser.get("/meetings").statusCode()).isEqualTo(200);

            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                load.add(clients.submit(() -> {
                    while (running.get()) {
                        createMeeting(token);
                    }
                }));
            }
            awaitAcknowledged(Phase.UP, 20);

            for (int restart = 1; restart <= 2; restart++) {
                // someone opens the login page before the outage and sends it during it
                WebClientSession stranger = new WebClientSession(SeparateApplication.port(app));
                assertThat(stranger.get("/login").statusCode()).isEqualTo(200);
                phase.set(Phase.STOPPING);
                postgres.close(); // pg_ctl stop -m fast, the data directory kept
                phase.set(Phase.DOWN);
                long downSince = System.nanoTime();

                assertThat(health("/actuator/health")).isEqualTo(503);
                assertThat(health("/actuator/health/readiness")).isEqualTo(503);
                assertThat(health("/actuator/health/liveness")).isEqualTo(200);
                outageAnswersOfPeople(browser, stranger);
                sleepUntil(downSince + OUTAGE.toNanos());

                phase.set(Phase.STARTING);
                postgres = SeparateApplication.postgres(data, dbPort);
                await(() -> health("/actuator/health") == 200, Duration.ofSeconds(60));
                phase.set(Phase.UP);
                assertThat(health("/actuator/health/readiness")).isEqualTo(200);
                awaitAcknowledged(Phase.UP, answersIn(Phase.UP, 201) + 20);
                // the signed-in person's session outlived the restart too
                assertThat(browser.get("/meetings").statusCode()).isEqualTo(200);
            }
            running.set(false);
            for (Future<?> f : load) {
                f.get(60, TimeUnit.SECONDS);
            }

            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
            Set<String> stored = new HashSet<>(jdbc.queryForList("select title from meeting where title like ?",
                    String.class, TITLE + "%"));
            List<String> acknowledged = answers.stream().filter(a -> a.status() == 201).map(Answer::title).toList();
            long lost = acknowledged.stream().filter(t -> !stored.contains(t)).count();
            List<Answer> down = answers.stream().filter(a -> a.phase() == Phase.DOWN).toList();
            long refused = answers.stream().filter(a -> a.status() == 503).count();
            System.out.printf("Два перезапуска PostgreSQL под нагрузкой: запросов %d, подтверждено (201) %d, "
                            + "отказано (503) %d, из них при остановленной БД %d (самый долгий ответ %d мс), потеряно %d%n",
                    answers.size(), acknowledged.size(), refused, down.size(),
                    down.stream().mapToLong(Answer::millis).max().orElse(0), lost);

            assertThat(clientFailures).as("the app never dropped a connection").isEmpty();
            assertThat(lost).as("acknowledged writes missing from the database").isZero();
            assertThat(acknowledged).doesNotHaveDuplicates();
            assertThat(answers).as("only 201 or a clean 503, never 500 or 401")
                    .allSatisfy(a -> assertThat(a.status()).isIn(201, 503));
            assertThat(down).as("requests made while PostgreSQL was down").isNotEmpty().allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.millis()).isLessThan(FAST_MILLIS);
            });
            assertThat(answers).filteredOn(a -> a.status() == 503).allSatisfy(a -> {
                assertThat(a.contentType()).startsWith("application/problem+json");
                assertThat(a.body()).contains("База данных недоступна").doesNotContain("Exception", "at ru.", "at org.");
            });
        } finally {
            clients.shutdownNow();
            postgres.close();
        }
    }

    /** A signed-in person's page, a login form sent and an HTTP Basic call while the database is down. */
    private void outageAnswersOfPeople(WebClientSession browser, WebClientSession stranger) {
        long start = System.nanoTime();
        HttpResponse<String> page = browser.get("/meetings");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("База данных недоступна").doesNotContain("HTTP Status", "Exception");
        assertThat(millisSince(start)).isLessThan(FAST_MILLIS);

        start = System.nanoTime();
        HttpResponse<String> login = stranger.post("/login", Map.of("username", USER, "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.body()).contains("База данных недоступна");
        assertThat(millisSince(start)).isLessThan(FAST_MILLIS);

        start = System.nanoTime();
        HttpResponse<String> basic = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", basic(USER, PASSWORD)).GET());
        assertThat(basic.statusCode()).isEqualTo(503);
        assertThat(basic.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(basic.body()).contains("База данных недоступна");
        assertThat(millisSince(start)).isLessThan(FAST_MILLIS);
    }

    /** The settings of application.properties, on the pool Spring Boot builds for a configured database. */
    static void assertPoolSettings(HikariDataSource pool) {
        assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
        assertThat(pool.getValidationTimeout()).isEqualTo(1_000);
        assertThat(pool.getKeepaliveTime()).isEqualTo(120_000);
        assertThat(pool.getMaxLifetime()).isEqualTo(900_000);
        assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "3")
                .containsEntry("socketTimeout", "120").containsEntry("tcpKeepAlive", "true");
        assertThat(pool).isInstanceOfSatisfying(ConnectionPool.class,
                waiting -> assertThat(waiting.getBusyWait()).isEqualTo(Duration.ofSeconds(10)));
    }

    /**
     * A region and its officer, made through the services (no demo data: it would add minutes to the start). The
     * password is the officer's own, as after the first sign-in, so pages open without the change-password step.
     */
    private static void regionalOfficer(ConfigurableApplicationContext app) {
        OrgUnitForm region = new OrgUnitForm();
        region.setType(OrgUnitType.REGION);
        region.setName("Область перезапусков");
        region.setTimeZone("Europe/Moscow");
        OrgUnit unit = app.getBean(OrgUnitService.class).create(Scope.all(), region);
        AccountForm officer = new AccountForm();
        officer.setUsername(USER);
        officer.setFullName("Проверяющий Перезапуски");
        officer.setRole(Role.REGION);
        officer.setOrgUnitId(unit.id());
        officer.setPassword(PASSWORD);
        app.getBean(UserAccountService.class).create(Scope.all(), officer);
        new JdbcTemplate(app.getBean(javax.sql.DataSource.class))
                .update("update user_account set must_change_password = false where username = ?", USER);
    }

    private String token() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                .header("Authorization", basic(USER, PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Нагрузка при перезапуске БД\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher matcher = TOKEN.matcher(response.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private void createMeeting(String token) {
        String title = TITLE + sequence.incrementAndGet();
        String body = "{\"title\": \"%s\", \"date\": \"%s\", \"kind\": \"SEMINAR_MEETING\"}".formatted(title, LocalDate.now());
        Phase before = phase.get();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/meetings"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // a request counts as made during the outage only if the database was down all the time it ran
            Phase after = phase.get();
            Phase during = before == Phase.DOWN && after == Phase.DOWN ? Phase.DOWN
                    : before == Phase.UP && after == Phase.UP ? Phase.UP : Phase.STOPPING;
            answers.add(new Answer(during, response.statusCode(), millisSince(start), title,
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.statusCode() == 201 ? "" : response.body()));
        } catch (IOException e) {
            clientFailures.add(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int health(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private long answersIn(Phase which, int status) {
        return answers.stream().filter(a -> a.phase() == which && a.status() == status).count();
    }

    private void awaitAcknowledged(Phase which, long count) throws InterruptedException {
        await(() -> answersIn(which, 201) >= count, Duration.ofSeconds(120));
    }

    private static void await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", atMost).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

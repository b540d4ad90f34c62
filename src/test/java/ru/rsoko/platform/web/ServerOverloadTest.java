package ru.rsoko.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.rsoko.platform.database.ConnectionPool;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.WebClientSession;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every connection of the pool is in use and the database answers: a request that waits in vain is told the server
 * is overloaded (503, Retry-After, «Сервер перегружен…»), not that the database is down — wherever the wait ends: in
 * the session lookup of a signed-in browser, in the account lookup of an HTTP Basic call, or in a controller. The
 * test holds the shared context's connections for a few seconds and lets each request wait one connection-timeout
 * (3 s, all four at once) instead of the whole busy wait. A database that is down still answers «База данных
 * недоступна»: DatabaseRestartTest, ConnectionPoolTest and DatabaseOutageTest.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ServerOverloadTest {

    private static final String DIRECTOR = "sonkovo.school";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void aRequestThatFindsEveryConnectionBusyIsToldTheServerIsOverloaded(CapturedOutput output) throws Exception {
        WebClientSession browser = new WebClientSession(port);
        browser.login(DIRECTOR, DemoUsers.PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        RequestPostProcessor signedIn = new DemoUsers(users).page(DIRECTOR);
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (DIRECTOR + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));

        ConnectionPool pool = dataSource.unwrap(ConnectionPool.class);
        Duration busyWait = pool.getBusyWait();
        List<Connection> held = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            pool.setBusyWait(Duration.ZERO);
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.withoutBusyWait().getConnection());
            }
            var sessionPage = submit(clients, () -> browser.get("/"));
            var basicApi = submit(clients, () -> http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/tasks")).header("Authorization", basic).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            var controllerPage = submit(clients, () -> mvc.perform(get("/").with(signedIn)).andReturn());
            var controllerApi = submit(clients, () -> mvc.perform(get("/api/v1/tasks").with(signedIn)).andReturn());

            HttpResponse<String> page = sessionPage.get();
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains(ServerOverload.RETRY_AFTER);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("<title>Сервер перегружен — РСОКО</title>", ServerOverload.DETAIL.split(" Повторите")[0])
                    .doesNotContain(DatabaseOutage.TITLE);

            HttpResponse<String> api = basicApi.get();
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains(ServerOverload.RETRY_AFTER);
            assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(api.body()).contains("\"title\":\"" + ServerOverload.TITLE + "\"", ServerOverload.DETAIL)
                    .doesNotContain(DatabaseOutage.TITLE, "Требуется вход");

            MvcResult mvcPage = controllerPage.get();
            assertThat(mvcPage.getResponse().getStatus()).isEqualTo(503);
            assertThat(mvcPage.getResponse().getHeader("Retry-After")).isEqualTo(ServerOverload.RETRY_AFTER);
            assertThat(mvcPage.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("<h1 class=\"h3 mt-2\">Сервер перегружен</h1>").doesNotContain(DatabaseOutage.TITLE);

            MvcResult mvcApi = controllerApi.get();
            assertThat(mvcApi.getResponse().getStatus()).isEqualTo(503);
            assertThat(mvcApi.getResponse().getHeader("Retry-After")).isEqualTo(ServerOverload.RETRY_AFTER);
            assertThat(mvcApi.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(mvcApi.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains(ServerOverload.TITLE, ServerOverload.DETAIL);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
            pool.setBusyWait(busyWait);
        }
        // the four refusals are one line of the log, with no stack trace
        assertThat(output.getAll().split("не дождались соединения", -1)).hasSizeBetween(1, 2);
        assertThat(output.getAll()).doesNotContain("at com.zaxxer.hikari");
        // and the server serves again as soon as connections are free
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    private static <T> CompletableFuture<T> submit(ExecutorService clients, Callable<T> request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, clients);
    }
}

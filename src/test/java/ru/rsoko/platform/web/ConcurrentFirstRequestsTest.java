package ru.rsoko.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.WebClientSession;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page and its htmx fragments can be the first requests of a fresh session at once (right after signing in, which
 * drops the CSRF token): each stores the session's first CSRF token, and none of them may fail on the session table.
 */
@IntegrationTest
class ConcurrentFirstRequestsTest {

    @LocalServerPort
    int port;

    @Test
    void twoFirstRequestsOnOneFreshSessionBothSucceed() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                WebClientSession browser = new WebClientSession(port);
                browser.get("/login");
                HttpResponse<String> login = browser.post("/login", Map.of("username", "sonkovo.school", "password", "demo"));
                assertThat(login.statusCode()).isEqualTo(302);
                CyclicBarrier together = new CyclicBarrier(2);
                List<CompletableFuture<Integer>> pages = List.of("/", "/executions").stream()
                        .map(path -> CompletableFuture.supplyAsync(() -> {
                            try {
                                together.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return browser.get(path).statusCode();
                        }, pool)).toList();
                for (CompletableFuture<Integer> page : pages) {
                    assertThat(page.get()).as("attempt " + attempt).isEqualTo(200);
                }
            }
        }
    }
}

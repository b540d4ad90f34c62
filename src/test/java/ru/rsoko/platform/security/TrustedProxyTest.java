package ru.rsoko.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.TestBeans;
import ru.rsoko.support.TestDatabaseInitializer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A proxy configured as trusted ({@code rsoko.trusted-proxies}, here 127.0.0.1): what it says in {@code X-Forwarded-*}
 * is applied — the client's address, HTTPS (so HSTS and {@code Secure} cookies), the public host in redirects. The same
 * headers from another address (the IPv6 loopback, which the expression does not name) change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rsoko.trusted-proxies=127\\.0\\.0\\.1")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import({TestBeans.class, TrustedProxyTest.Echo.class})
class TrustedProxyTest {

    /** Says what the application sees of the client. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class Echo {
        @GetMapping("/api/test/client")
        String client(HttpServletRequest request) {
            return request.getRemoteAddr() + " " + request.isSecure() + " " + request.getServerName();
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void whatTheTrustedProxySaysIsApplied() throws Exception {
        HttpResponse<String> client = send("127.0.0.1", "/api/test/client", true);
        assertThat(client.body()).isEqualTo("203.0.113.9 true rsoko.example");

        HttpResponse<String> login = send("127.0.0.1", "/login", false);
        assertThat(login.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
        assertThat(sessionCookie(login)).containsIgnoringCase("; Secure");

        HttpResponse<String> redirect = send("127.0.0.1", "/", false);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).startsWith("https://rsoko.example");
    }

    @Test
    void theSameHeadersFromAnotherAddressChangeNothing() throws Exception {
        HttpResponse<String> client;
        try {
            client = send("[::1]", "/api/test/client", true);
        } catch (ConnectException noIpv6) {
            assumeTrue(false, "no IPv6 loopback on this machine");
            return;
        }
        assertThat(client.body()).as("the socket's address, plain HTTP, the real host")
                .startsWith("0:0:0:0:0:0:0:1 false ").doesNotContain("rsoko.example");
        HttpResponse<String> login = send("[::1]", "/login", false);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(login)).doesNotContainIgnoringCase("secure");
        assertThat(send("[::1]", "/", false).headers().firstValue("Location").orElseThrow()).doesNotContain("rsoko.example");
    }

    private HttpResponse<String> send(String host, String path, boolean api) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "rsoko.example");
        if (api) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("sonkovo.school:" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .orElseThrow();
    }
}

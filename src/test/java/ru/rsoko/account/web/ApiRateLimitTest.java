package ru.rsoko.account.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static ru.rsoko.support.DemoUsers.api;

/** Issue 15: calls to the API per account are limited; over the limit a call is answered 429 with Retry-After. */
@IntegrationTest
class ApiRateLimitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiRateLimit rateLimit;
    @Value("${rsoko.api.rate-limit.per-second:50}")
    long perSecond;
    @Value("${rsoko.api.rate-limit.burst:100}")
    long burst;

    @AfterEach
    void putTheLimitBack() {
        rateLimit.limit(perSecond, burst);
    }

    @Test
    void overTheLimitACallIsAnswered429WithRetryAfter() throws Exception {
        rateLimit.limit(1, 5);
        List<Integer> statuses = new ArrayList<>();
        MockHttpServletResponse refused = null;
        for (int i = 0; i < 20; i++) {
            MockHttpServletResponse r = mvc.perform(get("/api/v1/me").with(api("sonkovo.mouo"))).andReturn().getResponse();
            statuses.add(r.getStatus());
            if (r.getStatus() == 429) {
                refused = r;
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(refused.getHeader("Retry-After")).isNotNull();
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Слишком много запросов к API");
        // another account is not concerned
        assertThat(mvc.perform(get("/api/v1/me").with(api("tver.coko"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }
}

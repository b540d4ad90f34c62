package ru.rsoko.account.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.rsoko.access.CurrentUser;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Calls to the API per account (by token or HTTP Basic alike): {@code rsoko.api.rate-limit.per-second} (50) a second
 * on average with bursts of {@code rsoko.api.rate-limit.burst} (100); over it the call is answered 429
 * (problem+json, Russian, {@code Retry-After}) without being served. Bucket4j's buckets kept in memory, per instance
 * (a call costs no database round trip; with N instances an account may make N times as many). Runs after Spring
 * Security's filters (an ordinary servlet filter), so the caller is known; anonymous calls are not counted here (they
 * are refused by security anyway). {@code rsoko.api.rate-limit.per-second=0} turns it off.
 */
@Component
class ApiRateLimit extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();
    private volatile long perSecond;
    private volatile long burst;

    ApiRateLimit(ObjectMapper json, @Value("${rsoko.api.rate-limit.per-second:50}") long perSecond,
                 @Value("${rsoko.api.rate-limit.burst:100}") long burst) {
        this.json = json;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Tests set a small limit and put it back. */
    void limit(long perSecond, long burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        buckets.invalidateAll();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return perSecond <= 0 || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.get(user.accountId(), id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(Math.max(burst, 1)).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Слишком много запросов к API от вашей учётной записи: не больше " + perSecond
                        + " в секунду. Повторите через " + seconds + " с.");
        problem.setTitle("Слишком много запросов");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

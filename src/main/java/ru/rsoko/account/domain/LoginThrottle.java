package ru.rsoko.account.domain;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.BucketTableSettings;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.jdbc.SQLProxyConfigurationBuilder;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.account.AccountSecurityEvent;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Failed sign-ins are limited with Bucket4j's token buckets kept in PostgreSQL ({@code login_bucket}, V19), so that
 * every instance on the database agrees:
 * <ul>
 * <li>per login and source address: {@code rsoko.security.login.free-failures} (5) failures free, then one more each
 * time a wait has passed, the waits growing (1 min, 2, 4, 8, 16 … up to {@code rsoko.security.login.max-wait}, 30 min):
 * a stack of bandwidths, each one token slower and one token larger than the one before, so that the fastest still
 * full one decides; every bucket refills with time, so a quiet spell gives the free failures back (no stuck counter);</li>
 * <li>per source address across all logins (credential stuffing): {@code rsoko.security.login.address-failures}
 * (100) failures, refilled at {@code rsoko.security.login.address-refill} (10 a minute).</li>
 * </ul>
 * A bucket is only ever about an address, so what a stranger does from theirs never keeps the owner out of the owner's
 * own. Unknown logins are counted exactly as known ones: the answers tell nothing about whether a login exists. A
 * sign-in refused as throttled is not checked at all (no bcrypt, no database read of the account), for a known login as
 * for an unknown one. A successful sign-in removes its (login, address) bucket.
 * <p>
 * The happy path costs one primary-key read ({@link #check}): a bucket is asked only when a row for it exists.
 */
@Component
public class LoginThrottle {

    /** What an attempt is: the form, HTTP Basic, or a bearer token on the API. */
    public enum Door {
        FORM, BASIC, TOKEN
    }

    /** A bucket that is empty now: whose, and until when nothing more is tried. */
    public record Throttled(String key, @Nullable String username, String address, Instant until) {
    }

    private static final String LOGIN = "login:";
    private static final String ADDRESS = "address:";

    private final ProxyManager<String> buckets;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Supplier<BucketConfiguration> perLogin;
    private final Supplier<BucketConfiguration> perAddress;

    LoginThrottle(DataSource dataSource, JdbcTemplate jdbc, Clock clock, UserAccountRepository accounts,
                  ApplicationEventPublisher events,
                  @Value("${rsoko.security.login.free-failures:5}") int freeFailures,
                  @Value("${rsoko.security.login.first-wait:1m}") Duration firstWait,
                  @Value("${rsoko.security.login.max-wait:30m}") Duration maxWait,
                  @Value("${rsoko.security.login.address-failures:100}") int addressFailures,
                  @Value("${rsoko.security.login.address-refill:6s}") Duration addressRefill) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.events = events;
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = new PostgreSQLSelectForUpdateBasedProxyManager<>(
                SQLProxyConfigurationBuilder.builder().withPrimaryKeyMapper(PrimaryKeyMapper.STRING)
                        .withTableSettings(BucketTableSettings.customSettings("login_bucket", "id", "state"))
                        .withClientSideConfig(ClientSideConfig.getDefault().withClientClock(time))
                        .build(dataSource));
        BucketConfiguration login = growingWaits(freeFailures, firstWait, maxWait);
        BucketConfiguration address = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(addressFailures).refillGreedy(1, addressRefill))
                .build();
        this.perLogin = () -> login;
        this.perAddress = () -> address;
    }

    /** Bandwidths 1 min, 2, 4 … up to the longest wait, each holding one token more than the faster one before it. */
    static BucketConfiguration growingWaits(int free, Duration first, Duration max) {
        var builder = BucketConfiguration.builder();
        Duration period = first;
        int capacity = free;
        while (true) {
            Duration p = period.compareTo(max) > 0 ? max : period;
            int c = capacity;
            builder.addLimit(limit -> limit.capacity(c).refillGreedy(1, p));
            if (p.equals(max)) {
                break;
            }
            period = period.multipliedBy(2);
            capacity++;
        }
        return builder.build();
    }

    static String loginKey(String username, String address) {
        String login = username.length() > 100 ? username.substring(0, 100) : username;
        return LOGIN + address + "|" + login;
    }

    static String addressKey(String address) {
        return ADDRESS + address;
    }

    /** What {@link #check} found: which of the two buckets exist, and how long to wait if one is empty. */
    public record State(boolean loginBucket, boolean addressBucket, @Nullable Duration retryAfter) {

        public boolean throttled() {
            return retryAfter != null;
        }
    }

    /** Whether a sign-in with this login from this address may be tried now. */
    public State check(String username, String address) {
        String loginKey = loginKey(username, address);
        String addressKey = addressKey(address);
        List<String> existing = jdbc.queryForList("select id from login_bucket where id in (?, ?)", String.class,
                loginKey, addressKey);
        boolean hasLogin = existing.contains(loginKey);
        boolean hasAddress = existing.contains(addressKey);
        Duration wait = null;
        if (hasLogin) {
            wait = longer(wait, waitOf(buckets.builder().build(loginKey, perLogin)));
        }
        if (hasAddress) {
            wait = longer(wait, waitOf(buckets.builder().build(addressKey, perAddress)));
        }
        return new State(hasLogin, hasAddress, wait);
    }

    /** Whether this address may try a token now (only the address counts: a token names no login). */
    public @Nullable Duration tokenWait(String address) {
        String key = addressKey(address);
        if (jdbc.queryForList("select id from login_bucket where id = ?", String.class, key).isEmpty()) {
            return null;
        }
        return waitOf(buckets.builder().build(key, perAddress));
    }

    /**
     * A wrong password (or an unknown login): counted in both buckets and recorded; when it empties the (login,
     * address) bucket of a known account that was not being throttled in the last hour, its owner is told once.
     */
    public void failed(String username, String address, Door door) {
        Instant now = clock.instant();
        Long accountId = accounts.findIdByUsername(username).orElse(null);
        ConsumptionProbe login = buckets.builder().build(loginKey(username, address), perLogin).tryConsumeAndReturnRemaining(1);
        ConsumptionProbe byAddress = buckets.builder().build(addressKey(address), perAddress).tryConsumeAndReturnRemaining(1);
        boolean startsThrottling = login.isConsumed() && login.getRemainingTokens() == 0
                || byAddress.isConsumed() && byAddress.getRemainingTokens() == 0;
        boolean toldRecently = accountId != null && startsThrottling && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from login_failure where account_id = ? and throttled and at > ?)", Boolean.class,
                accountId, Timestamp.from(now.minus(Duration.ofHours(1)))));
        jdbc.update("insert into login_failure (at, username, account_id, address, door, throttled) values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(now), shorten(username), accountId, shorten(address), door.name(), startsThrottling);
        events.publishEvent(AccountSecurityEvent.of(AccountSecurityEvent.Kind.LOGIN_FAILED, accountId, shorten(username),
                "вход: " + label(door)));
        if (startsThrottling) {
            events.publishEvent(AccountSecurityEvent.of(AccountSecurityEvent.Kind.LOGIN_THROTTLED, accountId,
                    shorten(username), "неудачных попыток подряд с адреса " + address + ", вход с него приостановлен"));
            if (accountId != null && !toldRecently) {
                events.publishEvent(new ru.rsoko.account.LoginThrottled(accountId, address, now));
            }
        }
    }

    /** A wrong, expired or revoked token: counted for the address only. */
    public void tokenFailed(String address) {
        Instant now = clock.instant();
        ConsumptionProbe probe = buckets.builder().build(addressKey(address), perAddress).tryConsumeAndReturnRemaining(1);
        jdbc.update("insert into login_failure (at, username, account_id, address, door, throttled) values (?, '', null, ?, ?, ?)",
                Timestamp.from(now), shorten(address), Door.TOKEN.name(), probe.isConsumed() && probe.getRemainingTokens() == 0);
        events.publishEvent(AccountSecurityEvent.of(AccountSecurityEvent.Kind.LOGIN_FAILED, null, "", "неверный токен доступа"));
    }

    /** A refused attempt while throttled: written to the security log only (it is not counted again). */
    public void refused(String username, String address, Duration wait) {
        Long accountId = accounts.findIdByUsername(username).orElse(null);
        events.publishEvent(AccountSecurityEvent.of(AccountSecurityEvent.Kind.LOGIN_THROTTLED, accountId, shorten(username),
                "попытка входа отклонена: повторить можно через " + ru.rsoko.platform.web.TooManyAttemptsException.minutes(wait) + " мин."));
    }

    /** The right password: this login's failures from this address are forgotten. */
    public void succeeded(String username, String address, State state) {
        if (state.loginBucket()) {
            buckets.removeProxy(loginKey(username, address));
        }
    }

    /** Failed sign-ins to one account from one address: how many, the first and the last, and whether it was throttled. */
    public record Failures(String address, int count, Instant first, Instant last, boolean throttled) {
    }

    /** The account's failed sign-ins of the last 30 days by address, the latest first (the owner's page). */
    public List<Failures> recentFailures(long accountId) {
        return jdbc.query("""
                select address, count(*), min(at), max(at), bool_or(throttled) from login_failure
                where account_id = ? and at > ? group by address order by max(at) desc limit 200""",
                (rs, n) -> new Failures(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5)),
                accountId, Timestamp.from(clock.instant().minus(Duration.ofDays(30))));
    }

    /** Every bucket that is empty now, the most recently touched first (administrators' page). */
    public List<Throttled> throttledNow() {
        List<String> keys = jdbc.queryForList("select id from login_bucket where touched_at > ? order by touched_at desc",
                String.class, Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
        Instant now = clock.instant();
        List<Throttled> result = new ArrayList<>();
        for (String key : keys) {
            boolean isLogin = key.startsWith(LOGIN);
            Duration wait = waitOf(buckets.builder().build(key, isLogin ? perLogin : perAddress));
            if (wait == null) {
                continue;
            }
            if (isLogin) {
                String rest = key.substring(LOGIN.length());
                int bar = rest.indexOf('|');
                result.add(new Throttled(key, rest.substring(bar + 1), rest.substring(0, bar), now.plus(wait)));
            } else {
                result.add(new Throttled(key, null, key.substring(ADDRESS.length()), now.plus(wait)));
            }
        }
        return result;
    }

    /** Lifts one bucket: the next attempts start afresh. */
    public void release(String key) {
        buckets.removeProxy(key);
    }

    /** Lifts every (login, address) bucket of a login. */
    public int releaseLogin(String username) {
        List<String> keys = jdbc.queryForList("select id from login_bucket where id like ? escape '\\'", String.class,
                LOGIN + "%|" + username.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        keys.forEach(buckets::removeProxy);
        return keys.size();
    }

    /** Buckets untouched for a day are full again: their rows go, as do failures older than the given moment. */
    public int purge(Instant failuresBefore) {
        int buckets = jdbc.update("delete from login_bucket where touched_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
        return buckets + jdbc.update("delete from login_failure where at < ?", Timestamp.from(failuresBefore));
    }

    private static @Nullable Duration waitOf(BucketProxy bucket) {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private static @Nullable Duration longer(@Nullable Duration a, @Nullable Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static String label(Door door) {
        return switch (door) {
            case FORM -> "форма входа";
            case BASIC -> "API (HTTP Basic)";
            case TOKEN -> "API (токен)";
        };
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}

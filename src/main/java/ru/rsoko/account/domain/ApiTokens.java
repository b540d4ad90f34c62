package ru.rsoko.account.domain;

import org.springframework.context.ApplicationEventPublisher;
import ru.rsoko.account.AccountSecurityEvent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import ru.rsoko.platform.web.TextLimits;

/**
 * Personal access tokens: a person makes named tokens for their integrations and calls the API with
 * {@code Authorization: Bearer rsoko_…} as themselves, with their role and scope. The secret is 32 random bytes shown
 * once; only its SHA-256 is kept, so that checking a call costs one hash and, at most, one indexed query — no bcrypt.
 * <p>
 * What a token stands for is kept in memory for {@link #REMEMBERED_FOR}: revoking a token, or changing or locking its
 * account, forgets it on this instance at once; another instance sharing the database sees the change within that
 * time. When a token was last used is written at most once an hour per token.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "rsoko_";
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(30);
    static final Duration USE_RECORDED_EVERY = Duration.ofHours(1);
    static final int NAME_LENGTH = 100;

    /** What a token looks like; anything else is refused without a query. */
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final int HINT_LENGTH = PREFIX.length() + 4;

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final AccountUserDetailsService signIn;
    private final Clock clock;
    private final TransactionTemplate read;
    private final TransactionTemplate write;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Known> known = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED_FOR).maximumSize(10_000).build();

    private final ApplicationEventPublisher events;

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository accounts, AccountUserDetailsService signIn, Clock clock,
              PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.events = events;
        this.tokens = tokens;
        this.accounts = accounts;
        this.signIn = signIn;
        this.clock = clock;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
    }

    // ---- expiry as people and integrations write it

    /**
     * An expiry as the API takes it: an ISO date ({@code 2026-12-31}: the token works through that day in the person's
     * time zone), a date-time with an offset ({@code 2026-12-31T18:00:00Z}) or without one (read in that zone); empty
     * for none. A moment already past is taken as it is: the token is made expired.
     */
    public static @Nullable Instant expiry(@Nullable String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (!value.contains("T")) {
                return endOf(LocalDate.parse(value), zone);
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime moment ? moment.toInstant() : ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw RuleViolationException.field("expiresAt", "Срок действия «" + value + "» не распознан: укажите дату "
                    + "2026-12-31 или дату и время 2026-12-31T18:00:00+03:00");
        }
    }

    /** The moment a token given a last day stops working: the end of that day in the zone. */
    public static Instant endOf(LocalDate lastDay, ZoneId zone) {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    // ---- a person's own tokens

    /** A new token of the person; {@code expiresAt} null for one that does not expire. */
    @Transactional
    public IssuedToken create(CurrentUser owner, @Nullable String name, @Nullable Instant expiresAt) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw RuleViolationException.field("name", "Укажите название токена: для чего он, например «Выгрузка в 1С»");
        }
        if (cleanName.length() > NAME_LENGTH) {
            throw RuleViolationException.field("name", TextLimits.message(NAME_LENGTH, "Название токена", cleanName.length()));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.saveAndFlush(new ApiToken(owner.accountId(), cleanName, hash(secret),
                secret.substring(0, HINT_LENGTH), clock.instant(), expiresAt));
        events.publishEvent(AccountSecurityEvent.of(AccountSecurityEvent.Kind.TOKEN_CREATED, owner.accountId(),
                owner.getUsername(), "токен «" + cleanName + "» (" + secret.substring(0, HINT_LENGTH) + "…)"));
        return new IssuedToken(token.getId(), token.getName(), secret, token.getExpiresAt());
    }

    /** The person's tokens, newest first, in every state; never a secret or a hash. */
    @Transactional(readOnly = true)
    public List<ApiTokenView> mine(CurrentUser owner) {
        return views(owner.accountId());
    }

    /** Revokes one of the person's own tokens; another person's is not found. Revoking twice changes nothing. */
    @Transactional
    public ApiTokenView revokeOwn(CurrentUser owner, long tokenId) {
        ApiTokenView revoked = revoke(owner.accountId(), tokenId, owner.getUsername());
        logRevoked(owner.accountId(), owner.getUsername(), revoked);
        return revoked;
    }

    // ---- administrators: the tokens of the accounts they administer

    /** The tokens of an account in the administrator's scope; an account outside it is not found. */
    @Transactional(readOnly = true)
    public List<ApiTokenView> ofAccount(Scope scope, long accountId) {
        return views(account(scope, accountId).getId());
    }

    @Transactional
    public ApiTokenView revoke(Scope scope, CurrentUser actor, long accountId, long tokenId) {
        UserAccount account = account(scope, accountId);
        ApiTokenView revoked = revoke(account.getId(), tokenId, actor.getUsername());
        logRevoked(account.getId(), account.getUsername(), revoked);
        return revoked;
    }

    private void logRevoked(long accountId, String username, ApiTokenView token) {
        events.publishEvent(AccountSecurityEvent.of(AccountSecurityEvent.Kind.TOKEN_REVOKED, accountId, username,
                "токен «" + token.name() + "» (" + token.hint() + "…)"));
    }

    // ---- authenticating a call

    /**
     * The person a token stands for, as HTTP Basic would make them. A token that is malformed, unknown, revoked or
     * expired is refused with {@link BadOpaqueTokenException}; one of a disabled or locked account as such.
     */
    public CurrentUser authenticate(String secret) {
        if (!SHAPE.matcher(secret).matches()) {
            throw new BadOpaqueTokenException("Неверный токен доступа");
        }
        String hash = hash(secret);
        Known token = known.getIfPresent(hash);
        if (token == null) {
            token = read.execute(tx -> tokens.findWithAccountByTokenHash(hash).map(this::known).orElse(null));
            if (token == null) {
                throw new BadOpaqueTokenException("Неверный токен доступа");
            }
            known.put(hash, token);
        }
        Instant now = clock.instant();
        if (token.revoked()) {
            throw new BadOpaqueTokenException("Токен доступа отозван");
        }
        if (token.expiresAt() != null && !token.expiresAt().isAfter(now)) {
            throw new BadOpaqueTokenException("Срок действия токена доступа истёк");
        }
        if (!token.user().isEnabled()) {
            throw new DisabledException("Учётная запись отключена");
        }
        if (!token.user().isAccountNonLocked()) {
            throw new LockedException("Учётная запись временно заблокирована");
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(USE_RECORDED_EVERY))) {
            long id = token.id();
            write.executeWithoutResult(tx -> tokens.recordUse(id, now, now.minus(USE_RECORDED_EVERY)));
            known.put(hash, token.usedAt(now));
        }
        return token.user();
    }

    /** Forgets what this instance remembers of an account's tokens: its role, organisation or state changed. */
    void forget(long accountId) {
        afterCommit(() -> known.asMap().values().removeIf(token -> token.user().accountId() == accountId));
    }

    void forget(String username) {
        afterCommit(() -> known.asMap().values().removeIf(token -> token.user().getUsername().equals(username)));
    }

    /** Now, and again once the change is committed: a call in between may have read and remembered the old state. */
    private static void afterCommit(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget.run();
                }
            });
        }
    }

    // ----

    private List<ApiTokenView> views(long accountId) {
        Instant now = clock.instant();
        return tokens.findByAccountIdOrderByCreatedAtDescIdDesc(accountId).stream().map(t -> t.toView(now)).toList();
    }

    private ApiTokenView revoke(long accountId, long tokenId, String by) {
        ApiToken token = tokens.findByIdAndAccountId(tokenId, accountId)
                .orElseThrow(() -> NotFoundException.of("Токен доступа", tokenId));
        if (token.getRevokedAt() == null) {
            token.revoke(clock.instant(), by);
            tokens.flush();
        }
        String hash = token.getTokenHash();
        afterCommit(() -> known.invalidate(hash));
        return token.toView(clock.instant());
    }

    private UserAccount account(Scope scope, long id) {
        return accounts.findWithOrgUnitById(id).filter(a -> UserAccountService.within(scope, a))
                .orElseThrow(() -> NotFoundException.of("Учётная запись", id));
    }

    private Known known(ApiToken token) {
        CurrentUser user = signIn.toCurrentUser(token.getAccount());
        user.eraseCredentials();
        return new Known(token.getId(), user, token.getExpiresAt(), token.getRevokedAt() != null, token.getLastUsedAt());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** What a token stands for, as remembered between calls. */
    private record Known(long id, CurrentUser user, @Nullable Instant expiresAt, boolean revoked,
                         @Nullable Instant lastUsedAt) {

        Known usedAt(Instant at) {
            return new Known(id, user, expiresAt, revoked, at);
        }
    }
}

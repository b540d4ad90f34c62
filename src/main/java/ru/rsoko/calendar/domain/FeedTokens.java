package ru.rsoko.calendar.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret in a person's feed address: 32 random bytes, base64url without padding (43 characters). Made the first
 * time the person opens their calendar page; renewing it makes the old address answer «not found».
 */
@Service
@Transactional
public class FeedTokens {

    /** What a token looks like; anything else is not looked up. */
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

    private final CalendarFeedRepository feeds;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    FeedTokens(CalendarFeedRepository feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    /** The account's feed address as it stands, made now if it has none. */
    public Address of(long accountId) {
        feeds.insertIfAbsent(accountId, newToken(), clock.instant());
        return feeds.findById(accountId).map(FeedTokens::address).orElseThrow();
    }

    /** A new token for the account; the previous address stops working at once. */
    public Address renew(long accountId) {
        CalendarFeed feed = feeds.findById(accountId).orElse(null);
        if (feed == null) {
            feed = new CalendarFeed(accountId, newToken(), clock.instant());
        } else {
            feed.renew(newToken(), clock.instant());
        }
        return address(feeds.saveAndFlush(feed));
    }

    /** The account whose current token this is; empty for an unknown, renewed or malformed one. */
    @Transactional(readOnly = true)
    public Optional<Long> owner(String token) {
        if (!SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return feeds.findByToken(token).map(CalendarFeed::getAccountId);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Address address(CalendarFeed feed) {
        return new Address(feed.getToken(), feed.getCreatedAt());
    }

    /** A feed's token and when it was made (or last renewed). */
    public record Address(String token, Instant createdAt) {
    }
}

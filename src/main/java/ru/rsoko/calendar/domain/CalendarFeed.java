package ru.rsoko.calendar.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * An account's feed address as stored: the secret token in its URL and when it was made. Not audited on purpose: the
 * history would keep copies of the secret, and {@code createdAt} already tells when it was last renewed.
 */
@Entity
@Table(name = "calendar_feed")
class CalendarFeed {

    @Id
    private Long accountId;

    @Column(nullable = false, unique = true, length = 64)
    private String token;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected CalendarFeed() {
    }

    CalendarFeed(long accountId, String token, Instant createdAt) {
        this.accountId = accountId;
        this.token = token;
        this.createdAt = createdAt;
    }

    void renew(String newToken, Instant at) {
        this.token = newToken;
        this.createdAt = at;
    }

    Long getAccountId() {
        return accountId;
    }

    String getToken() {
        return token;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}

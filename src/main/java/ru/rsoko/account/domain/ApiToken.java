package ru.rsoko.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.time.Instant;

/**
 * A personal access token as stored: its name, the SHA-256 of the secret (never the secret), its expiry and whether it
 * was revoked. Audited, so that the history tells who made and who revoked it; the hash and the last use stay out of it.
 */
@Entity
@Audited
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    /** The owner with their organisation, for the one query that authenticates a call; written through {@link #accountId}. */
    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", insertable = false, updatable = false)
    private UserAccount account;

    @Column(nullable = false)
    private String name;

    @NotAudited
    @Column(nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, updatable = false, length = 16)
    private String tokenHint;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Instant expiresAt;

    private Instant revokedAt;

    private String revokedBy;

    /** Kept by a conditional update at most once an hour (see {@link ApiTokens}), not by the entity. */
    @NotAudited
    @Column(insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Version
    private Long version;

    protected ApiToken() {
    }

    ApiToken(long accountId, String name, String tokenHash, String tokenHint, Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenHint = tokenHint;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void revoke(Instant at, String by) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    TokenState stateAt(Instant now) {
        if (revokedAt != null) {
            return TokenState.REVOKED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? TokenState.EXPIRED : TokenState.ACTIVE;
    }

    ApiTokenView toView(Instant now) {
        return new ApiTokenView(id, name, tokenHint, createdAt, expiresAt, lastUsedAt, revokedAt, revokedBy, stateAt(now));
    }

    Long getId() {
        return id;
    }

    Long getAccountId() {
        return accountId;
    }

    UserAccount getAccount() {
        return account;
    }

    String getName() {
        return name;
    }

    String getTokenHash() {
        return tokenHash;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    Long getVersion() {
        return version;
    }
}

package ru.rsoko.account.domain;

import ru.rsoko.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/** A person's account: one organisation, one role. Login counters are kept out of the history on purpose. */
@Entity
@Audited
@Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false)
    private String fullName;

    private String position;

    private String email;

    @NotAudited
    @Column(nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "org_unit_id", nullable = false)
    private Long orgUnitId;

    /** The organisation as the directory publishes it, for scope and search in queries; written through {@link #orgUnitId}. */
    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "org_unit_id", insertable = false, updatable = false)
    private AccountOrganisation organisation;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(nullable = false)
    private boolean mustChangePassword;

    @NotAudited
    @Column(nullable = false, insertable = false, updatable = false)
    private int failedAttempts;

    @NotAudited
    @Column(insertable = false, updatable = false)
    private Instant lockedUntil;

    @NotAudited
    @Column(insertable = false, updatable = false)
    private Instant lastLoginAt;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Version
    private Long version;

    protected UserAccount() {
    }

    UserAccount(String username, String fullName, Role role, long orgUnitId, String passwordHash) {
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.orgUnitId = orgUnitId;
        this.passwordHash = passwordHash;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPosition() {
        return position;
    }

    void setPosition(String position) {
        this.position = position;
    }

    public String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    void setRole(Role role) {
        this.role = role;
    }

    AccountOrganisation getOrganisation() {
        return organisation;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    void setOrgUnitId(long orgUnitId) {
        this.orgUnitId = orgUnitId;
    }

    /** As pages show it; the organisation must be loaded with the account (or within the transaction). */
    Account toRecord() {
        return toRecord(organisation.getName());
    }

    Account toRecord(String orgUnitName) {
        return new Account(id, username, fullName, position, email, role, orgUnitId, orgUnitName, enabled, mustChangePassword, failedAttempts, lockedUntil, lastLoginAt, createdAt,
                version == null ? 0 : version);
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getVersion() {
        return version;
    }
}

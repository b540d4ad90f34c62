package ru.rsoko.access;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import ru.rsoko.platform.web.ZonedPrincipal;

import java.io.Serial;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in user as the session keeps it: who, which role, which organisation and which part of the
 * directory that opens. Plain values only, so that it serialises into the shared session table.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, Serializable, ZonedPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private String passwordHash;
    private final String fullName;
    private final Role role;
    private final long orgUnitId;
    private final String orgUnitName;
    private final Long regionId;
    private final String regionName;
    private final String timeZone;
    private final Long municipalityId;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    /** Known only right after loading for a login, so that a successful one writes nothing when there is nothing to clear. */
    private final transient boolean failedLogins;

    /** Built by the account module from an account, its organisation and that organisation's region. */
    public CurrentUser(Account account, Organisation organisation) {
        this.accountId = account.id();
        this.username = account.username();
        this.passwordHash = account.passwordHash();
        this.fullName = account.fullName();
        this.role = account.role();
        this.orgUnitId = organisation.id();
        this.orgUnitName = organisation.name();
        this.regionId = organisation.regionId();
        this.regionName = organisation.regionName();
        this.timeZone = organisation.timeZone();
        this.municipalityId = organisation.municipalityId();
        this.enabled = account.enabled() && organisation.active();
        this.locked = account.locked();
        this.mustChangePassword = account.mustChangePassword();
        this.failedLogins = account.failedLogins();
    }

    /**
     * The account's side of a signed-in user; {@code failedLogins}: failed attempts or a lock that a successful login
     * clears.
     */
    public record Account(long id, String username, String passwordHash, String fullName, Role role, boolean enabled,
                          boolean locked, boolean mustChangePassword, boolean failedLogins) {
    }

    /** The organisation's side: where the user belongs, and the region whose time zone they read dates in. */
    public record Organisation(long id, String name, Long regionId, String regionName, String timeZone,
                               Long municipalityId, boolean active) {
    }

    public Scope scope() {
        return switch (role) {
            case ADMIN -> regionId == null ? Scope.all() : Scope.region(regionId);
            case REGION -> Scope.region(regionId);
            case MUNICIPALITY -> Scope.municipality(regionId, municipalityId);
            case SCHOOL -> Scope.orgUnit(regionId, municipalityId, orgUnitId);
        };
    }

    public long accountId() {
        return accountId;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    public boolean is(Role r) {
        return role == r;
    }

    public long orgUnitId() {
        return orgUnitId;
    }

    public String orgUnitName() {
        return orgUnitName;
    }

    public Long regionId() {
        return regionId;
    }

    public String regionName() {
        return regionName;
    }

    public Long municipalityId() {
        return municipalityId;
    }

    /** The region's time zone, in which dates and deadlines are read; null for deployment administrators. */
    @Override
    public ZoneId zone() {
        return timeZone == null ? null : ZoneId.of(timeZone);
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /**
     * Whether the account had failed logins or a lock when it was loaded for this login; false once kept in a session
     * (not serialised), where nothing asks.
     */
    public boolean hasFailedLogins() {
        return failedLogins;
    }

    /**
     * The role's authority; an administrator without a region (of the whole deployment) also holds
     * {@value #DEPLOYMENT_ADMIN}, which opens what concerns the whole deployment (actuator details, backups).
     */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (role == Role.ADMIN && regionId == null) {
            return List.of(new SimpleGrantedAuthority(role.authority()), new SimpleGrantedAuthority(DEPLOYMENT_ADMIN));
        }
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    /** The authority of a deployment administrator (an ADMIN of no region); the platform's security names it too. */
    public static final String DEPLOYMENT_ADMIN = "ROLE_DEPLOYMENT_ADMIN";

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    // Spring Session finds a user's sessions by principal name, and the session registry compares principals
    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}

package ru.rsoko.account;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in user as the session keeps it: who, which role, which organisation and which part of the
 * directory that opens. Plain values only, so that it serialises into the shared session table.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private String passwordHash;
    private final String fullName;
    private final Role role;
    private final long orgUnitId;
    private final String orgUnitName;
    private final OrgUnitType orgUnitType;
    private final Long regionId;
    private final String regionName;
    private final String timeZone;
    private final Long municipalityId;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;

    CurrentUser(UserAccount account, OrgUnit region, Instant now) {
        OrgUnit unit = account.getOrgUnit();
        this.accountId = account.getId();
        this.username = account.getUsername();
        this.passwordHash = account.getPasswordHash();
        this.fullName = account.getFullName();
        this.role = account.getRole();
        this.orgUnitId = unit.getId();
        this.orgUnitName = unit.getName();
        this.orgUnitType = unit.getType();
        this.regionId = unit.getRegionId();
        this.regionName = region == null ? null : region.getName();
        this.timeZone = region == null ? null : region.getTimeZone();
        this.municipalityId = unit.getMunicipalityId();
        this.enabled = account.isEnabled() && unit.isActive();
        this.locked = account.isLockedAt(now);
        this.mustChangePassword = account.isMustChangePassword();
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

    public OrgUnitType orgUnitType() {
        return orgUnitType;
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
    public ZoneId zone() {
        return timeZone == null ? null : ZoneId.of(timeZone);
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

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

package ru.rsoko.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import org.hibernate.envers.Audited;

import java.time.ZoneId;
import java.util.Objects;

/**
 * An organisation of the directory: a region, a municipality, a school or an institution (ЦОКО, ТОИПКРО, a
 * department). Ids come from {@code org_unit_id_seq} before insert, so that a region can point at itself
 * and every row carries its region and municipality for scoping.
 */
@Entity
@Audited
@Table(name = "org_unit")
class OrgUnitEntity {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrgUnitType type;

    @Column(nullable = false)
    private String name;

    private String shortName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private OrgUnitEntity parent;

    @Column(name = "region_id")
    private Long regionId;

    @Column(name = "municipality_id")
    private Long municipalityId;

    private String timeZone;

    private String inn;

    private String address;

    private String phone;

    private String email;

    private String headName;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private Long version;

    protected OrgUnitEntity() {
    }

    OrgUnitEntity(long id, OrgUnitType type, String name, OrgUnitEntity parent) {
        this.id = id;
        this.type = type;
        this.name = name;
        placeUnder(parent);
    }

    void placeUnder(OrgUnitEntity parent) {
        this.parent = parent;
        this.regionId = switch (type) {
            case REGION -> id;
            default -> parent == null ? null : parent.regionId;
        };
        this.municipalityId = switch (type) {
            case MUNICIPALITY -> id;
            case REGION -> null;
            default -> parent == null ? null : parent.municipalityId;
        };
    }

    /** The organisation as other modules see it; the parent's name is read, so load the parent with it. */
    public OrgUnit toRecord() {
        return new OrgUnit(id, type, name, shortName, parent == null ? null : parent.getId(),
                parent == null ? null : parent.getName(), regionId, municipalityId, timeZone, inn, address, phone, email,
                headName, active, version == null ? 0 : version);
    }

    boolean within(Scope scope) {
        return scope.covers(regionId, municipalityId, id);
    }

    public Long getId() {
        return id;
    }

    public OrgUnitType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    public String getShortName() {
        return shortName;
    }

    void setShortName(String shortName) {
        this.shortName = shortName;
    }

    /** The short name where there is one: for tables and matrices. */
    public String getDisplayName() {
        return shortName != null && !shortName.isBlank() ? shortName : name;
    }

    public OrgUnitEntity getParent() {
        return parent;
    }

    public Long getParentId() {
        return parent == null ? null : parent.getId();
    }

    public Long getRegionId() {
        return regionId;
    }

    public Long getMunicipalityId() {
        return municipalityId;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public ZoneId zone() {
        return timeZone == null ? null : ZoneId.of(timeZone);
    }

    void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getInn() {
        return inn;
    }

    void setInn(String inn) {
        this.inn = inn;
    }

    public String getAddress() {
        return address;
    }

    void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    public String getHeadName() {
        return headName;
    }

    void setHeadName(String headName) {
        this.headName = headName;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof OrgUnitEntity other && id != null && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return OrgUnitEntity.class.hashCode();
    }

    @Override
    public String toString() {
        return type + " " + id + " «" + name + "»";
    }
}

package ru.rsoko.directory.web;

import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;

/** An organisation as the API shows it. */
record OrgUnitDto(long id, OrgUnitType type, String name, String shortName, Long parentId, String parentName,
                  Long regionId, Long municipalityId, String timeZone, String inn, String address, String phone,
                  String email, String headName, boolean active, long version) {

    static OrgUnitDto of(OrgUnit u) {
        return new OrgUnitDto(u.id(), u.type(), u.name(), u.shortName(), u.parentId(), u.parentName(),
                u.regionId(), u.municipalityId(), u.timeZone(), u.inn(), u.address(), u.phone(),
                u.email(), u.headName(), u.active(), u.version());
    }
}

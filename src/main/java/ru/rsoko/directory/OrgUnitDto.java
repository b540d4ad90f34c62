package ru.rsoko.directory;

/** An organisation as the API shows it. */
public record OrgUnitDto(long id, OrgUnitType type, String name, String shortName, Long parentId, String parentName,
                         Long regionId, Long municipalityId, String timeZone, String inn, String address, String phone,
                         String email, String headName, boolean active, long version) {

    public static OrgUnitDto of(OrgUnit u) {
        OrgUnit parent = u.getParent();
        return new OrgUnitDto(u.getId(), u.getType(), u.getName(), u.getShortName(),
                parent == null ? null : parent.getId(), parent == null ? null : parent.getName(),
                u.getRegionId(), u.getMunicipalityId(), u.getTimeZone(), u.getInn(), u.getAddress(), u.getPhone(),
                u.getEmail(), u.getHeadName(), u.isActive(), u.getVersion());
    }
}

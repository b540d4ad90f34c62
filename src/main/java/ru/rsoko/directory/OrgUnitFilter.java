package ru.rsoko.directory;

/** What a directory list is narrowed to; every part is optional. {@code active} null means both. */
public record OrgUnitFilter(OrgUnitType type, Long parentId, String q, Boolean active) {

    public static OrgUnitFilter none() {
        return new OrgUnitFilter(null, null, null, null);
    }

    public OrgUnitFilter withParent(Long parentId) {
        return new OrgUnitFilter(type, parentId, q, active);
    }
}

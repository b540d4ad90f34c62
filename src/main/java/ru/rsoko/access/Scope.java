package ru.rsoko.access;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

import java.util.List;

/**
 * The part of the directory a user may see: the whole deployment, one region, one municipality with its
 * schools, or one organisation. Every row of every feature carries a region, a municipality and an
 * organisation; {@link #covers} decides on those three, so that the rule is written once.
 */
public record Scope(Level level, Long regionId, Long municipalityId, Long orgUnitId) {

    public enum Level {ALL, REGION, MUNICIPALITY, ORG_UNIT}

    public static Scope all() {
        return new Scope(Level.ALL, null, null, null);
    }

    public static Scope region(long regionId) {
        return new Scope(Level.REGION, regionId, null, null);
    }

    public static Scope municipality(long regionId, long municipalityId) {
        return new Scope(Level.MUNICIPALITY, regionId, municipalityId, null);
    }

    public static Scope orgUnit(Long regionId, Long municipalityId, long orgUnitId) {
        return new Scope(Level.ORG_UNIT, regionId, municipalityId, orgUnitId);
    }

    public boolean covers(Long rowRegionId, Long rowMunicipalityId, Long rowOrgUnitId) {
        return switch (level) {
            case ALL -> true;
            case REGION -> regionId.equals(rowRegionId);
            case MUNICIPALITY -> municipalityId.equals(rowMunicipalityId);
            case ORG_UNIT -> orgUnitId.equals(rowOrgUnitId);
        };
    }

    /**
     * The same rule as {@link #covers} for a criteria query, given where a row keeps its region, municipality
     * and organisation.
     */
    public Predicate toPredicate(CriteriaBuilder cb, Expression<Long> rowRegionId, Expression<Long> rowMunicipalityId,
                                 Expression<Long> rowOrgUnitId) {
        return switch (level) {
            case ALL -> cb.conjunction();
            case REGION -> cb.equal(rowRegionId, regionId);
            case MUNICIPALITY -> cb.equal(rowMunicipalityId, municipalityId);
            case ORG_UNIT -> cb.equal(rowOrgUnitId, orgUnitId);
        };
    }

    /**
     * The same rule as {@link #covers} for native SQL, given the columns where a row keeps its region, municipality and
     * organisation: a condition ("true" for the whole deployment) whose one argument, if any, is added to {@code args}.
     */
    public String toSql(String rowRegionId, String rowMunicipalityId, String rowOrgUnitId, List<Object> args) {
        return switch (level) {
            case ALL -> "true";
            case REGION -> {
                args.add(regionId);
                yield rowRegionId + " = ?";
            }
            case MUNICIPALITY -> {
                args.add(municipalityId);
                yield rowMunicipalityId + " = ?";
            }
            case ORG_UNIT -> {
                args.add(orgUnitId);
                yield rowOrgUnitId + " = ?";
            }
        };
    }

    /** The rule for an entity that is an organisation or keeps its own {@code regionId}, {@code municipalityId} and {@code id}. */
    public Predicate toPredicate(CriteriaBuilder cb, Path<?> unit) {
        return toPredicate(cb, unit.get("regionId"), unit.get("municipalityId"), unit.get("id"));
    }

    public boolean isAll() {
        return level == Level.ALL;
    }
}

package ru.rsoko.plan.domain;

import ru.rsoko.plan.Procedure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/**
 * A kind of monitoring procedure (ВПР, РПР, НИКО…). The shared catalogue has no region; a region adds its own.
 * Its coverage target, grades and observer requirement are what a new procedure of the type starts with.
 */
@Entity
@Audited
@Table(name = "procedure_type")
class ProcedureType {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(updatable = false)
    private Long regionId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    private int position = 100;

    private BigDecimal coverageTarget;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private Integer[] grades;

    private boolean observers;

    private boolean vsoko;

    private boolean active = true;

    @Version
    private Long version;

    protected ProcedureType() {
    }

    ProcedureType(Long regionId, String code, String name) {
        this.regionId = regionId;
        this.code = code;
        this.name = name;
    }

    String gradesText() {
        return Procedure.gradesText(grades);
    }

    boolean isShared() {
        return regionId == null;
    }

    Long getId() {
        return id;
    }

    Long getRegionId() {
        return regionId;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    BigDecimal getCoverageTarget() {
        return coverageTarget;
    }

    void setCoverageTarget(BigDecimal coverageTarget) {
        this.coverageTarget = coverageTarget;
    }

    Integer[] getGrades() {
        return grades;
    }

    void setGrades(Integer[] grades) {
        this.grades = grades;
    }

    boolean isObservers() {
        return observers;
    }

    void setObservers(boolean observers) {
        this.observers = observers;
    }

    boolean isVsoko() {
        return vsoko;
    }

    void setVsoko(boolean vsoko) {
        this.vsoko = vsoko;
    }

    boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    Long getVersion() {
        return version;
    }

    ProcedureKind view() {
        return new ProcedureKind(id, regionId, code, name, grades == null ? java.util.List.of() : java.util.List.of(grades),
                coverageTarget, observers, vsoko, active, version == null ? 0 : version);
    }
}

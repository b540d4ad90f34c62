package ru.rsoko.vsoko.framework;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ListIndexBase;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One indicator: its code and wording, how it is answered and how the answer scores.
 * <ul>
 *     <li>yes/no: {@code points} for «да» (stored as 1), nothing for «нет» (0);</li>
 *     <li>number: {@code points} once the value reaches {@code target}, in proportion below it; without a target any
 *     value above zero earns the points;</li>
 *     <li>percentage: {@code points} in proportion to the percentage;</li>
 *     <li>choice: the points of the chosen option (stored as its number, from 1); the maximum is the best option's.</li>
 * </ul>
 * A missing value earns nothing.
 */
@Entity
@Audited
@Table(name = "vsoko_indicator")
public class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "direction_id")
    private Direction direction;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long frameworkId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String wording;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ValueType valueType;

    @Column(nullable = false)
    private BigDecimal points;

    private BigDecimal target;

    @Column(nullable = false)
    private boolean evidenceRequired;

    @NotAudited
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "vsoko_indicator_option", joinColumns = @JoinColumn(name = "indicator_id"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    private List<IndicatorOption> options = new ArrayList<>();

    @Version
    private Long version;

    protected Indicator() {
    }

    Indicator(Direction direction, int position, String code, String wording, ValueType valueType, BigDecimal points) {
        this.direction = direction;
        this.position = position;
        this.code = code;
        this.wording = wording;
        this.valueType = valueType;
        this.points = points;
    }

    @PrePersist
    void takeFrameworkId() {
        frameworkId = direction.getFramework().getId();
    }

    /** The points a value earns; null (no answer) earns nothing. */
    public BigDecimal pointsFor(BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal earned = switch (valueType) {
            case YES_NO -> value.signum() > 0 ? points : BigDecimal.ZERO;
            case NUMBER -> target == null
                    ? (value.signum() > 0 ? points : BigDecimal.ZERO)
                    : points.multiply(value.min(target)).divide(target, 2, RoundingMode.HALF_UP);
            case PERCENT -> points.multiply(value.min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            case CHOICE -> {
                int option = value.intValue();
                yield option >= 1 && option <= options.size() ? options.get(option - 1).getPoints() : BigDecimal.ZERO;
            }
        };
        return earned.setScale(2, RoundingMode.HALF_UP);
    }

    /** The most an answer can earn. */
    public BigDecimal maxPoints() {
        if (valueType == ValueType.CHOICE) {
            return options.stream().map(IndicatorOption::getPoints).reduce(BigDecimal.ZERO, BigDecimal::max);
        }
        return points;
    }

    public Long getId() {
        return id;
    }

    public Direction getDirection() {
        return direction;
    }

    public Long getFrameworkId() {
        return frameworkId;
    }

    void setFrameworkId(Long frameworkId) {
        this.frameworkId = frameworkId;
    }

    public int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getWording() {
        return wording;
    }

    public void setWording(String wording) {
        this.wording = wording;
    }

    public ValueType getValueType() {
        return valueType;
    }

    public void setValueType(ValueType valueType) {
        this.valueType = valueType;
    }

    public BigDecimal getPoints() {
        return points;
    }

    public void setPoints(BigDecimal points) {
        this.points = points;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }

    public boolean isEvidenceRequired() {
        return evidenceRequired;
    }

    public void setEvidenceRequired(boolean evidenceRequired) {
        this.evidenceRequired = evidenceRequired;
    }

    public List<IndicatorOption> getOptions() {
        return options;
    }

    public Long getVersion() {
        return version;
    }
}

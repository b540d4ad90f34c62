package ru.rsoko.vsoko.framework;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import ru.rsoko.vsoko.Level;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A versioned set of ВСОКО indicators of one region and year: directions, indicators, and the rule that turns
 * points into a level (a share of the maximum per direction and overall, against two thresholds).
 */
@Entity
@Audited
@Table(name = "vsoko_framework")
public class Framework {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int year;

    /** Invented wording for demonstration, shown as such wherever the framework appears. */
    @Column(nullable = false)
    private boolean sample;

    /** From this share of the maximum (per cent, inclusive) a system is «сформирована». */
    @Column(nullable = false)
    private BigDecimal formedFrom = new BigDecimal("75");

    /** From this share (inclusive) «частично сформирована»; below it «не сформирована». */
    @Column(nullable = false)
    private BigDecimal partialFrom = new BigDecimal("50");

    @NotAudited
    @Column(updatable = false)
    private Long basedOnId;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @NotAudited
    @OneToMany(mappedBy = "framework", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Direction> directions = new ArrayList<>();

    @Version
    private Long version;

    protected Framework() {
    }

    public Framework(long regionId, String name, int year) {
        this.regionId = regionId;
        this.name = name;
        this.year = year;
    }

    public Direction addDirection(String code, String name) {
        Direction direction = new Direction(this, directions.size() + 1, code, name);
        directions.add(direction);
        return direction;
    }

    public Optional<Direction> direction(String code) {
        return directions.stream().filter(d -> d.getCode().equalsIgnoreCase(code)).findFirst();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.getCode().equalsIgnoreCase(code)).findFirst();
    }

    public List<Indicator> indicators() {
        return directions.stream().flatMap(d -> d.getIndicators().stream()).toList();
    }

    public int indicatorCount() {
        return directions.stream().mapToInt(d -> d.getIndicators().size()).sum();
    }

    public BigDecimal maxPoints() {
        return directions.stream().map(Direction::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Level level(BigDecimal percent) {
        return Level.of(percent, formedFrom, partialFrom);
    }

    void renumber() {
        for (int i = 0; i < directions.size(); i++) {
            directions.get(i).setPosition(i + 1);
        }
    }

    public Long getId() {
        return id;
    }

    public Long getRegionId() {
        return regionId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public boolean isSample() {
        return sample;
    }

    public void setSample(boolean sample) {
        this.sample = sample;
    }

    public BigDecimal getFormedFrom() {
        return formedFrom;
    }

    public void setFormedFrom(BigDecimal formedFrom) {
        this.formedFrom = formedFrom;
    }

    public BigDecimal getPartialFrom() {
        return partialFrom;
    }

    public void setPartialFrom(BigDecimal partialFrom) {
        this.partialFrom = partialFrom;
    }

    public Long getBasedOnId() {
        return basedOnId;
    }

    public void setBasedOnId(Long basedOnId) {
        this.basedOnId = basedOnId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Direction> getDirections() {
        return directions;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

package ru.rsoko.vsoko.framework;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One of a framework's directions («система оценки качества подготовки обучающихся») with its indicators. */
@Entity
@Audited
@Table(name = "vsoko_direction")
public class Direction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id", updatable = false)
    private Framework framework;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @NotAudited
    @OneToMany(mappedBy = "direction", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Indicator> indicators = new ArrayList<>();

    @Version
    private Long version;

    protected Direction() {
    }

    Direction(Framework framework, int position, String code, String name) {
        this.framework = framework;
        this.position = position;
        this.code = code;
        this.name = name;
    }

    public Indicator addIndicator(String code, String wording, ValueType type, BigDecimal points) {
        Indicator indicator = new Indicator(this, indicators.size() + 1, code, wording, type, points);
        indicators.add(indicator);
        return indicator;
    }

    public BigDecimal maxPoints() {
        return indicators.stream().map(Indicator::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    void renumber() {
        for (int i = 0; i < indicators.size(); i++) {
            indicators.get(i).setPosition(i + 1);
        }
    }

    public Long getId() {
        return id;
    }

    public Framework getFramework() {
        return framework;
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Indicator> getIndicators() {
        return indicators;
    }

    public Long getVersion() {
        return version;
    }
}

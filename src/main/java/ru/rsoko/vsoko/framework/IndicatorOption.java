package ru.rsoko.vsoko.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** One answer of a choice indicator and the points it brings. */
@Embeddable
public class IndicatorOption {

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private BigDecimal points;

    protected IndicatorOption() {
    }

    public IndicatorOption(String label, BigDecimal points) {
        this.label = label;
        this.points = points;
    }

    public String getLabel() {
        return label;
    }

    public BigDecimal getPoints() {
        return points;
    }
}

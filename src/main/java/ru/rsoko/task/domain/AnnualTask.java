package ru.rsoko.task.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import java.math.BigDecimal;

/** One of the region's tasks of a year («Задачи РСОКО на 2021 год»), with a target on a computed figure or none. */
@Entity
@Audited
@Table(name = "annual_task")
class AnnualTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @Column(nullable = false)
    private int year;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String text;

    @Enumerated(EnumType.STRING)
    private TaskMetric metric;

    private BigDecimal target;

    @Version
    private Long version;

    protected AnnualTask() {
    }

    AnnualTask(long regionId, int year, int position, String text, TaskMetric metric, BigDecimal target) {
        this.regionId = regionId;
        this.year = year;
        this.position = position;
        this.text = text;
        this.metric = metric;
        this.target = target;
    }

    public Long getId() {
        return id;
    }

    public Long getRegionId() {
        return regionId;
    }

    public int getYear() {
        return year;
    }

    public int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public String getText() {
        return text;
    }

    void setText(String text) {
        this.text = text;
    }

    public TaskMetric getMetric() {
        return metric;
    }

    void setMetric(TaskMetric metric) {
        this.metric = metric;
    }

    public BigDecimal getTarget() {
        return target;
    }

    void setTarget(BigDecimal target) {
        this.target = target;
    }

    public Long getVersion() {
        return version;
    }
}

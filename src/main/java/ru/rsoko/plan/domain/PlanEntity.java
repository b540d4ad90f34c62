package ru.rsoko.plan.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.PlanStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A region's monitoring plan-schedule of one year, approved by an order
 * («приказ Министерства образования Тверской области от 10.12.2020 № 1131/ПК»). Leaves the module as a {@link Plan}.
 */
@Entity
@Audited
@Table(name = "plan")
class PlanEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Long regionId;

    @Column(nullable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    private String orderIssuer;

    private String orderNumber;

    private LocalDate orderDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status = PlanStatus.DRAFT;

    @NotAudited
    private Instant approvedAt;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @NotAudited
    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ProcedureEntity> procedures = new ArrayList<>();

    @Version
    private Long version;

    protected PlanEntity() {
    }

    PlanEntity(long regionId, int year, String title) {
        this.regionId = regionId;
        this.year = year;
        this.title = title;
    }

    /** «приказ Министерства образования Тверской области от 10.12.2020 № 1131/ПК», or null before there is one. */
    String orderWording() {
        return Plan.orderWording(orderIssuer, orderNumber, orderDate);
    }

    Plan view() {
        return new Plan(id, regionId, year, title, orderIssuer, orderNumber, orderDate, status, approvedAt, version);
    }

    Long getId() {
        return id;
    }

    Long getRegionId() {
        return regionId;
    }

    int getYear() {
        return year;
    }

    void setYear(int year) {
        this.year = year;
    }

    String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    String getOrderIssuer() {
        return orderIssuer;
    }

    void setOrderIssuer(String orderIssuer) {
        this.orderIssuer = orderIssuer;
    }

    String getOrderNumber() {
        return orderNumber;
    }

    void setOrderNumber(String orderNumber) {
        this.orderNumber = orderNumber;
    }

    LocalDate getOrderDate() {
        return orderDate;
    }

    void setOrderDate(LocalDate orderDate) {
        this.orderDate = orderDate;
    }

    PlanStatus getStatus() {
        return status;
    }

    void setStatus(PlanStatus status) {
        this.status = status;
    }

    Instant getApprovedAt() {
        return approvedAt;
    }

    void setApprovedAt(Instant approvedAt) {
        this.approvedAt = approvedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    List<ProcedureEntity> getProcedures() {
        return procedures;
    }

    Long getVersion() {
        return version;
    }
}

package ru.rsoko.plan.domain;

import ru.rsoko.plan.Plan;

import java.time.LocalDate;

/** A plan's heading: its year, title and approving order. */
public class PlanForm {

    private Integer year;
    private String title;
    private String orderIssuer;
    private String orderNumber;
    private LocalDate orderDate;
    private Long version;

    public static PlanForm of(Plan plan) {
        PlanForm form = new PlanForm();
        form.year = plan.year();
        form.title = plan.title();
        form.orderIssuer = plan.orderIssuer();
        form.orderNumber = plan.orderNumber();
        form.orderDate = plan.orderDate();
        form.version = plan.version();
        return form;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getOrderIssuer() {
        return orderIssuer;
    }

    public void setOrderIssuer(String orderIssuer) {
        this.orderIssuer = orderIssuer;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public void setOrderNumber(String orderNumber) {
        this.orderNumber = orderNumber;
    }

    public LocalDate getOrderDate() {
        return orderDate;
    }

    public void setOrderDate(LocalDate orderDate) {
        this.orderDate = orderDate;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

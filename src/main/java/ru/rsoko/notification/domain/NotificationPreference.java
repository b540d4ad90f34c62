package ru.rsoko.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

import java.time.Instant;

/** A person's choices as stored: one row per account that changed the defaults; versioned and audited. */
@Entity
@Audited
@Table(name = "notification_preference")
class NotificationPreference {

    @Id
    private Long accountId;

    @Column(nullable = false)
    private String appOnlyKinds = "";

    private Short digestDay;

    private Instant updatedAt;

    @Version
    private Long version;

    protected NotificationPreference() {
    }

    NotificationPreference(long accountId) {
        this.accountId = accountId;
    }

    String getAppOnlyKinds() {
        return appOnlyKinds;
    }

    void setAppOnlyKinds(String appOnlyKinds) {
        this.appOnlyKinds = appOnlyKinds;
    }

    Short getDigestDay() {
        return digestDay;
    }

    void setDigestDay(Short digestDay) {
        this.digestDay = digestDay;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    Long getVersion() {
        return version;
    }
}

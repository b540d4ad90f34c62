package ru.rsoko.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

import java.time.Instant;

/** A region's reminder days as stored («7,1»): versioned and audited. */
@Entity
@Audited
@Table(name = "notification_region_setting")
class RegionReminderSetting {

    @Id
    private Long regionId;

    @Column(nullable = false)
    private String daysBefore = ReminderDays.DEFAULT;

    private Instant updatedAt;

    private String updatedBy;

    @Version
    private Long version;

    protected RegionReminderSetting() {
    }

    RegionReminderSetting(long regionId) {
        this.regionId = regionId;
    }

    String getDaysBefore() {
        return daysBefore;
    }

    void changed(String daysBefore, Instant at, String by) {
        this.daysBefore = daysBefore;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Long getVersion() {
        return version;
    }
}

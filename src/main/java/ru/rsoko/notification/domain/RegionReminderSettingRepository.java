package ru.rsoko.notification.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegionReminderSettingRepository extends JpaRepository<RegionReminderSetting, Long> {
}

package ru.rsoko.dashboard.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface DashboardSettingsRepository extends JpaRepository<DashboardSettings, Long> {
}

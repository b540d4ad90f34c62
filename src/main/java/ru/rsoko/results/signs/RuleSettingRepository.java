package ru.rsoko.results.signs;

import org.springframework.data.jpa.repository.JpaRepository;

interface RuleSettingRepository extends JpaRepository<RuleSetting, Long> {
}

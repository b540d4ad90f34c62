package ru.rsoko.vsoko;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

    List<Campaign> findByRegionIdOrderByYearDescIdDesc(long regionId);

    List<Campaign> findAllByOrderByYearDescIdDesc();

    boolean existsByFrameworkIdAndStatusNot(long frameworkId, CampaignStatus status);

    Optional<Campaign> findFirstByRegionIdAndYearLessThanOrderByYearDescIdDesc(long regionId, int year);
}

package ru.rsoko.vsoko.campaign;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

    @EntityGraph(attributePaths = "framework")
    List<Campaign> findByRegionIdOrderByYearDescIdDesc(long regionId);

    @EntityGraph(attributePaths = "framework")
    List<Campaign> findAllByOrderByYearDescIdDesc();

    Optional<Campaign> findFirstByRegionIdAndYearLessThanOrderByYearDescIdDesc(long regionId, int year);
}

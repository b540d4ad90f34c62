package ru.rsoko.vsoko.campaign;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import ru.rsoko.vsoko.VsokoCampaigns;

import java.util.List;
import java.util.Optional;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

    @EntityGraph(attributePaths = "framework")
    List<Campaign> findByRegionIdOrderByYearDescIdDesc(long regionId);

    @EntityGraph(attributePaths = "framework")
    List<Campaign> findAllByOrderByYearDescIdDesc();

    /** The region's campaigns by id, name and year only (no framework): for lists of other modules. */
    @Query("select new ru.rsoko.vsoko.VsokoCampaigns$CampaignRef(c.id, c.name, c.year) from Campaign c "
            + "where c.regionId = :regionId order by c.year desc, c.id desc")
    List<VsokoCampaigns.CampaignRef> refsOfRegion(long regionId);

    Optional<Campaign> findFirstByRegionIdAndYearLessThanOrderByYearDescIdDesc(long regionId, int year);
}

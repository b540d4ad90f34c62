package ru.rsoko.vsoko;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

@Service
class CampaignCatalogue implements VsokoCampaigns {

    private final CampaignRepository campaigns;

    CampaignCatalogue(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignRef> ofRegion(long regionId) {
        return campaigns.findByRegionIdOrderByYearDescIdDesc(regionId).stream()
                .map(c -> new CampaignRef(c.getId(), c.getName(), c.getYear())).toList();
    }
}

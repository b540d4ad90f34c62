package ru.rsoko.vsoko.campaign;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.vsoko.VsokoCampaigns;

import java.util.List;

/** The campaigns as other modules ask for them. */
@Service
@Transactional(readOnly = true)
class CampaignCatalogue implements VsokoCampaigns {

    private final CampaignRepository campaigns;
    private final CampaignService service;

    CampaignCatalogue(CampaignRepository campaigns, CampaignService service) {
        this.campaigns = campaigns;
        this.service = service;
    }

    @Override
    public List<CampaignRef> ofRegion(long regionId) {
        return campaigns.refsOfRegion(regionId);
    }

    @Override
    public List<OpenCampaign> openFor(CurrentUser user) {
        return service.openFor(user);
    }
}

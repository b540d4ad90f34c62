package ru.rsoko.vsoko.result;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.vsoko.VsokoResults;

import java.util.OptionalLong;

/** The results as other modules ask for them: the same computation as the results pages. */
@Service
@Transactional(readOnly = true)
class ResultCatalogue implements VsokoResults {

    private final ResultService results;

    ResultCatalogue(ResultService results) {
        this.results = results;
    }

    @Override
    public OptionalLong campaignOfYear(long regionId, int year) {
        return results.campaignOfYear(regionId, year);
    }

    @Override
    public Total total(CurrentUser user, long campaignId) {
        ResultService.AreaResult total = results.byMunicipality(user, campaignId).total();
        return new Total(total.participants(), total.withResult(), total.counts());
    }

    @Override
    public java.util.Optional<Total> visibleTotal(CurrentUser user, long campaignId) {
        return results.visible(user, campaignId) ? java.util.Optional.of(total(user, campaignId)) : java.util.Optional.empty();
    }
}

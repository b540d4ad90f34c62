package ru.rsoko.vsoko;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.support.Fixtures;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.Direction;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkRepository;
import ru.rsoko.vsoko.framework.Indicator;
import ru.rsoko.vsoko.framework.IndicatorOption;
import ru.rsoko.vsoko.framework.ValueType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A small framework with an indicator of every kind, and an open campaign of a region on it, made through the
 * application as regional staff would.
 * <pre>
 * D1: 1.01 yes/no 2 б. (link required), 1.02 percentage 4 б., 1.03 number 2 б. target 10
 * D2: 2.01 choice (нет = 0, частично = 1, да = 3), 2.02 yes/no 1 б.
 * </pre>
 */
public class VsokoFixtures {

    private final FrameworkRepository frameworks;
    private final CampaignService campaigns;
    private final UserDetailsService users;
    private final TransactionTemplate tx;

    public VsokoFixtures(FrameworkRepository frameworks, CampaignService campaigns, UserDetailsService users,
                         TransactionTemplate tx) {
        this.frameworks = frameworks;
        this.campaigns = campaigns;
        this.users = users;
        this.tx = tx;
    }

    public CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    public Framework framework(String regionalUser) {
        CurrentUser user = user(regionalUser);
        return tx.execute(status -> {
            Framework f = new Framework(user.regionId(), Fixtures.unique("Тестовый набор"), 2026);
            Direction d1 = f.addDirection("1", "Система оценки качества подготовки обучающихся");
            d1.addIndicator("1.01", "Положение о ВСОКО утверждено и размещено на сайте", ValueType.YES_NO, new BigDecimal("2"))
                    .setEvidenceRequired(true);
            d1.addIndicator("1.02", "Доля учителей, прошедших обучение по оцениванию", ValueType.PERCENT, new BigDecimal("4"));
            d1.addIndicator("1.03", "Число проведённых внутренних оценочных процедур", ValueType.NUMBER, new BigDecimal("2"))
                    .setTarget(new BigDecimal("10"));
            Direction d2 = f.addDirection("2", "Система профилактики учебной неуспешности");
            Indicator choice = d2.addIndicator("2.01", "Программа работы с обучающимися с трудностями", ValueType.CHOICE, BigDecimal.ZERO);
            choice.getOptions().add(new IndicatorOption("нет", BigDecimal.ZERO));
            choice.getOptions().add(new IndicatorOption("частично", BigDecimal.ONE));
            choice.getOptions().add(new IndicatorOption("да", new BigDecimal("3")));
            d2.addIndicator("2.02", "Педагог-психолог в штате", ValueType.YES_NO, BigDecimal.ONE);
            return frameworks.save(f);
        });
    }

    /**
     * An open campaign of all the region's schools on a new framework of the same codes, with its own year and dates,
     * and the municipality's approval if asked.
     */
    public CampaignView openCampaign(String regionalUser, int year, LocalDate opensOn, boolean municipalApproval) {
        CurrentUser user = user(regionalUser);
        Framework framework = framework(regionalUser);
        CampaignView campaign = campaigns.create(user, new CampaignService.CampaignForm(Fixtures.unique("Тестовая кампания"),
                year, framework.getId(), opensOn, opensOn.plusMonths(2), true, null, municipalApproval, null));
        return campaigns.changeStatus(user, campaign.id(), CampaignStatus.OPEN, campaign.version());
    }

    /** An open campaign of all the region's schools on a new framework. */
    public CampaignView openCampaign(String regionalUser) {
        CurrentUser user = user(regionalUser);
        Framework framework = framework(regionalUser);
        CampaignView campaign = campaigns.create(user, new CampaignService.CampaignForm(Fixtures.unique("Тестовая кампания"),
                2026, framework.getId(), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), true, null, null, null));
        return campaigns.changeStatus(user, campaign.id(), CampaignStatus.OPEN, campaign.version());
    }
}

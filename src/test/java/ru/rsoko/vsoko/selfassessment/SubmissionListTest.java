package ru.rsoko.vsoko.selfassessment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.VsokoFixtures;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The filter of the schools' self-assessments asks with htmx and gets only the results back, not the page. */
@IntegrationTest
class SubmissionListTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theFilterGetsTheResultsFragmentAndTheBrowserTheWholePage() throws Exception {
        CampaignView campaign = new VsokoFixtures(frameworks, campaigns, userDetails, new TransactionTemplate(transactions))
                .openCampaign("tver.coko");
        String url = "/vsoko/campaigns/" + campaign.id() + "/submissions";

        String fragment = mvc.perform(get(url).param("q", "Берёзовская").header("HX-Request", "true")
                        .with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html", "Самооценки школ", "id=\"municipalityId\"")
                .contains("id=\"results\"", "Найдено: 1", "МОУ «Берёзовская СОШ»", "не начата")
                .doesNotContain("МОУ «Заречная СОШ»");

        String page = mvc.perform(get(url).param("q", "Берёзовская").with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html", "Самооценки школ", "name=\"municipalityId\"", "id=\"results\"",
                "Найдено: 1", "МОУ «Берёзовская СОШ»");
    }
}

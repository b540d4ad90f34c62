package ru.rsoko.vsoko.campaign;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.VsokoFixtures;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Regional staff prepare a campaign of chosen schools, open it, close it and publish the results. */
@IntegrationTest
class CampaignPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCampaignOfChosenSchoolsGoesFromDraftToPublishedResults() throws Exception {
        VsokoFixtures vsoko = new VsokoFixtures(frameworks, campaigns, userDetails, new TransactionTemplate(transactions));
        Framework framework = vsoko.framework("tver.coko");
        long berezovka = fixtures.org("МОУ «Берёзовская СОШ»").id();
        long zarechnaya = fixtures.org("МОУ «Заречная СОШ»").id();
        String name = Fixtures.unique("Исследование эффективности ВСОКО");

        // the closing date before the opening one is refused on the form, nothing is created
        mvc.perform(post("/vsoko/campaigns").with(users.page("tver.coko")).with(csrf())
                        .param("name", name).param("year", "2026").param("frameworkId", framework.getId().toString())
                        .param("opensOn", "2026-10-31").param("closesOn", "2026-10-01").param("allSchools", "false")
                        .param("schoolIds", String.valueOf(berezovka)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Дата окончания раньше даты начала")));
        assertThat(jdbc.queryForObject("select count(*) from vsoko_campaign where name = ?", Long.class, name)).isZero();

        String location = mvc.perform(post("/vsoko/campaigns").with(users.page("tver.coko")).with(csrf())
                        .param("name", name).param("year", "2026").param("frameworkId", framework.getId().toString())
                        .param("opensOn", "2026-10-01").param("closesOn", "2026-10-31").param("allSchools", "false")
                        .param("schoolIds", String.valueOf(berezovka), String.valueOf(zarechnaya)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForList("select school_id from vsoko_submission where campaign_id = ?", Long.class, id))
                .containsExactlyInAnyOrder(berezovka, zarechnaya);

        // a draft is the region's own; once open, the chosen schools see it and the others do not
        mvc.perform(get("/vsoko/campaigns/" + id).with(users.page("sonkovo.school"))).andExpect(status().isNotFound());
        mvc.perform(post("/vsoko/campaigns/" + id + "/status").with(users.page("tver.coko")).with(csrf())
                        .param("to", "OPEN").param("version", version(id)))
                .andExpect(flash().attribute("message", "Кампания: идёт приём"));
        mvc.perform(get("/vsoko/campaigns/" + id).with(users.page("sonkovo.school"))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/vsoko/campaigns/" + id).with(users.page("kalinin.school"))).andExpect(status().isNotFound());
        mvc.perform(get("/vsoko/campaigns/" + id).with(users.page("tver.coko")))
                .andExpect(content().string(containsString("Завершить приём")));

        // a stale version is a conflict, not a silent change
        mvc.perform(post("/vsoko/campaigns/" + id + "/status").with(users.page("tver.coko")).with(csrf())
                        .param("to", "CLOSED").param("version", "0"))
                .andExpect(flash().attribute("error", containsString("изменил другой пользователь")));
        mvc.perform(post("/vsoko/campaigns/" + id + "/status").with(users.page("tver.coko")).with(csrf())
                .param("to", "CLOSED").param("version", version(id)));
        mvc.perform(post("/vsoko/campaigns/" + id + "/status").with(users.page("tver.coko")).with(csrf())
                .param("to", "PUBLISHED").param("version", version(id)));
        assertThat(jdbc.queryForObject("select status from vsoko_campaign where id = ?", String.class, id)).isEqualTo("PUBLISHED");
        mvc.perform(post("/vsoko/campaigns/" + id + "/status").with(users.page("tver.coko")).with(csrf())
                        .param("to", "OPEN").param("version", version(id)))
                .andExpect(flash().attribute("error",
                        "Кампания в состоянии «результаты опубликованы» не может перейти в «идёт приём»"));
        mvc.perform(get("/vsoko/campaigns/" + id + "/progress.xlsx").with(users.page("tver.coko")))
                .andExpect(status().isOk());
    }

    private String version(long id) {
        return String.valueOf(jdbc.queryForObject("select version from vsoko_campaign where id = ?", Long.class, id));
    }
}

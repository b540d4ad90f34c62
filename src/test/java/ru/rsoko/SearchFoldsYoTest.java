package ru.rsoko;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.directory.domain.OrgUnitForm;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.access.Scope;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;
import ru.rsoko.vsoko.VsokoFixtures;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Every search of the application treats «ё» as «е» and ignores case: «берез» and «Берез» find the demo's
 * «Берёзовская СОШ», «Бёрёз» finds a school written «Березовка» (issue 13: «берез» used to find nothing).
 */
@IntegrationTest
class SearchFoldsYoTest {

    static final String BEREZOVSKAYA = "МОУ «Берёзовская СОШ»";

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrgUnitService directory;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    MeetingManagement meetings;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    /** A school of the tests' own municipality whose name is written with «е» where one could write «ё». */
    OrgUnit berezovka;

    @BeforeEach
    void aSchoolWrittenWithE() {
        OrgUnitForm form = new OrgUnitForm();
        form.setType(OrgUnitType.SCHOOL);
        form.setName(Fixtures.unique("МОУ «Березовка»"));
        form.setParentId(fixtures.org("Бежецкий муниципальный округ").id());
        berezovka = directory.create(Scope.all(), form);
    }

    @Test
    void theDirectoryItsPickerAndItsApi() throws Exception {
        for (String typed : List.of("берез", "Берез", "БЕРЕЗОВСКАЯ")) {
            mvc.perform(get("/api/v1/org-units").param("q", typed).param("size", "100").with(api("tver.coko")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[*].name", hasItem(BEREZOVSKAYA)));
            assertThat(page("/directory?q=" + typed, "tver.coko")).contains("Берёзовская СОШ");
            assertThat(page("/directory/picker?q=" + typed, "tver.coko")).contains("Берёзовская СОШ");
        }
        mvc.perform(get("/api/v1/org-units").param("q", "Бёрёз").param("size", "100").with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].name", hasItem(berezovka.name())))
                .andExpect(jsonPath("$.content[*].name", hasItem(BEREZOVSKAYA)));
        assertThat(page("/directory/picker?q=Бёрёзовка&type=SCHOOL", "tver.coko")).contains("Березовка");
    }

    @Test
    void accounts() throws Exception {
        String teacher = fixtures.newAccount(Role.SCHOOL, berezovka).username();
        // by organisation: «берез» finds the people of «Берёзовская», «Бёрёзовка» those of «Березовка»
        assertThat(page("/admin/accounts?q=берез", "tver.admin")).contains("sonkovo.school");
        assertThat(page("/admin/accounts?q=Бёрёзовка", "tver.admin")).contains(teacher);
        // by the person's name, every «е» of it typed «ё», and in capitals
        String director = jdbc.queryForObject("select full_name from user_account where username = 'sonkovo.school'", String.class);
        String typed = director.split(" ")[0].toUpperCase().replace('Е', 'Ё');
        assertThat(page("/admin/accounts?q=" + typed, "tver.admin")).contains("sonkovo.school");
    }

    @Test
    void meetingsByTitle() throws Exception {
        // no search at all still lists (the folded comparison is skipped, not given a NULL of no type)
        mvc.perform(get("/api/v1/meetings").with(api("tver.coko"))).andExpect(status().isOk());
        assertThat(page("/meetings", "tver.coko")).contains("Совещания и протоколы");
        CurrentUser coko = meetingFixtures.user("tver.coko");
        String withYo = Fixtures.unique("О работе Берёзовской школы");
        String withE = Fixtures.unique("О работе школы в Березовке");
        for (String title : List.of(withYo, withE)) {
            MeetingForm form = new MeetingForm();
            form.setKind(MeetingKind.SEMINAR_MEETING);
            form.setTitle(title);
            form.setDate(LocalDate.now(coko.zone()));
            meetings.create(coko, form);
        }
        for (Map.Entry<String, String> search : Map.of("березовской", withYo, "Березовской", withYo,
                "БЁРЁЗОВКЕ", withE, "бёрёзовке", withE).entrySet()) {
            mvc.perform(get("/api/v1/meetings").param("q", search.getKey()).with(api("tver.coko")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[*].title", hasItem(search.getValue())));
            assertThat(page("/meetings?q=" + search.getKey(), "tver.coko")).contains(search.getValue());
        }
    }

    @Test
    void executionsByOrganisationAndDecision() throws Exception {
        meetingFixtures.meeting("tver.coko", true);
        mvc.perform(get("/api/v1/executions").param("q", "Бёрёзовка").param("size", "500").with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].orgUnit.name", hasItem(berezovka.name())));
        mvc.perform(get("/api/v1/executions").param("q", "берез").param("size", "500").with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].orgUnit.name", hasItem(BEREZOVSKAYA)))
                .andExpect(jsonPath("$.content[*].orgUnit.name", hasItem(berezovka.name())));
        // the decision's text: «Провести анализ результатов…» is found as «ПРОВЁСТИ АНАЛИЗ»
        mvc.perform(get("/api/v1/executions").param("q", "ПРОВЁСТИ АНАЛИЗ").param("size", "5").with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(5))
                .andExpect(jsonPath("$.content[*].decision.text", everyItem(startsWith("Провести анализ результатов"))));
        assertThat(page("/executions?q=Бёрёзовка", "tver.coko")).contains("Березовка");
    }

    @Test
    void selfAssessmentsOfACampaign() throws Exception {
        CampaignView campaign = new VsokoFixtures(frameworks, campaigns, userDetails, new TransactionTemplate(transactions))
                .openCampaign("tver.coko");
        String url = "/vsoko/campaigns/" + campaign.id() + "/submissions?q=";
        assertThat(page(url + "берез", "tver.coko")).contains("Берёзовская СОШ");
        assertThat(page(url + "Берез", "tver.coko")).contains("Берёзовская СОШ");
        assertThat(page(url + "Бёрёзовка", "tver.coko")).contains("Березовка").doesNotContain("Берёзовская СОШ");
    }

    @Test
    void theSearchesAreServedByTheFoldedIndexes() {
        assertThat(jdbc.queryForObject("select rsoko_fold('Бёрёзовская ЁЛКА')", String.class)).isEqualTo("березовская елка");
        List<String> plan = jdbc.queryForList("""
                explain select id from org_unit where rsoko_fold(name) like rsoko_fold('%берёз%')""", String.class);
        // an index the planner may choose; on a small table it may still prefer a scan, so ask with scans off
        List<String> forced = new TransactionTemplate(transactions).execute(tx -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain select id from org_unit where rsoko_fold(name) like rsoko_fold('%берёз%')",
                    String.class);
        });
        assertThat(plan).isNotEmpty();
        assertThat(String.join("\n", forced)).contains("org_unit_name_fold_trgm_idx");
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(users.page(username)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}

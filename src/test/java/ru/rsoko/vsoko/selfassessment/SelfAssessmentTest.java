package ru.rsoko.vsoko.selfassessment;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.VsokoFixtures;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** A director fills the self-assessment, hands it in; the municipality returns it, the region corrects and accepts. */
@IntegrationTest
class SelfAssessmentTest {

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

    VsokoFixtures vsoko;
    CampaignView campaign;
    long school;
    String base;

    @BeforeEach
    void campaign() {
        vsoko = new VsokoFixtures(frameworks, campaigns, userDetails, new TransactionTemplate(transactions));
        campaign = vsoko.openCampaign("tver.coko");
        school = fixtures.account("sonkovo.school").orgUnitId();
        base = "/vsoko/campaigns/" + campaign.id() + "/submissions/" + school;
    }

    long indicator(String code) {
        return jdbc.queryForObject("select id from vsoko_indicator where framework_id = ? and code = ?", Long.class,
                campaign.framework().id(), code);
    }

    Long version(String code) {
        return jdbc.query("select v.version from vsoko_value v join vsoko_submission s on s.id = v.submission_id "
                        + "where s.campaign_id = ? and s.school_id = ? and v.indicator_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, campaign.id(), school, indicator(code));
    }

    String save(String user, String code, String value, String link) throws Exception {
        Long version = version(code);
        return mvc.perform(post(base + "/values/" + indicator(code)).with(users.page(user)).with(csrf())
                        .header("HX-Request", "true")
                        .param("value", value).param("evidenceUrl", link == null ? "" : link)
                        .param("version", version == null ? "" : version.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aDirectorFillsAsTheyGoHandsInAndTheFormLocks() throws Exception {
        mvc.perform(get(base).with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("0 из 5")))
                .andExpect(content().string(containsString("Положение о ВСОКО утверждено")));

        assertThat(save("sonkovo.school", "1.02", "140", null)).contains("процент должен быть от 0 до 100, а не 140");
        assertThat(save("sonkovo.school", "1.02", "85,5", null)).contains("Сохранено", "1 из 5");
        // saved, but not complete without the link the indicator requires
        assertThat(save("sonkovo.school", "1.01", "да", null)).contains("Ответ сохранён, но не засчитан", "1 из 5")
                .doesNotContain("Сохранено");
        assertThat(save("sonkovo.school", "1.03", "пять", null)).contains("ожидается число");
        assertThat(save("sonkovo.school", "1.01", "да", "ftp://school/doc")).contains("ссылка должна начинаться с http:// или https://");

        // handing in with answers missing names every one of them, nothing changes
        mvc.perform(post(base + "/submit").with(users.page("sonkovo.school")).with(csrf())
                        .param("version", submissionVersion().toString()))
                .andExpect(redirectedUrl(base));
        assertThat(submissionStatus()).isEqualTo("IN_PROGRESS");

        save("sonkovo.school", "1.01", "да", "https://berezovka.example.ru/vsoko.pdf");
        save("sonkovo.school", "1.03", "5", null);
        save("sonkovo.school", "2.01", "3", null);
        save("sonkovo.school", "2.02", "нет", null);
        // points of every kind of answer: 2 + 4×85.5 % + 2×5/10 + 3 + 0
        assertThat(jdbc.queryForObject("select sum(points) from vsoko_value v join vsoko_submission s on s.id = v.submission_id "
                + "where s.campaign_id = ? and s.school_id = ?", BigDecimal.class, campaign.id(), school))
                .isEqualByComparingTo("9.42");

        mvc.perform(post(base + "/submit").with(users.page("sonkovo.school")).with(csrf())
                        .param("version", submissionVersion().toString()))
                .andExpect(redirectedUrl(base));
        assertThat(submissionStatus()).isEqualTo("SUBMITTED");
        assertThat(save("sonkovo.school", "2.02", "да", null)).contains("Самооценка уже представлена и закрыта для изменений");
        mvc.perform(get(base).with(users.page("sonkovo.school")))
                .andExpect(content().string(not(containsString("Представить самооценку"))))
                .andExpect(content().string(containsString("представлена")));
    }

    @Test
    void twoPeopleChangingOneAnswerTheSecondIsToldAndTheFirstValueStays() throws Exception {
        save("sonkovo.school", "1.03", "4", null);
        Long seen = version("1.03");
        // the municipal officer changes it meanwhile
        mvc.perform(post(base + "/values/" + indicator("1.03")).with(users.page("sonkovo.mouo")).with(csrf())
                        .param("value", "7").param("version", seen.toString()))
                .andExpect(content().string(containsString("Сохранено")));
        // the director saves over the version they saw
        String answer = mvc.perform(post(base + "/values/" + indicator("1.03")).with(users.page("sonkovo.school")).with(csrf())
                        .param("value", "6").param("version", seen.toString()))
                .andReturn().getResponse().getContentAsString();
        // the person is named, not their login
        String officer = jdbc.queryForObject("select full_name from user_account where username = 'sonkovo.mouo'", String.class);
        assertThat(answer).contains("тем временем изменил(а) " + officer, "сохранено «7»", "Ваше «6» не сохранено");
        assertThat(jdbc.queryForObject("select v.value from vsoko_value v join vsoko_submission s on s.id = v.submission_id "
                + "where s.campaign_id = ? and s.school_id = ? and v.indicator_id = ?", BigDecimal.class,
                campaign.id(), school, indicator("1.03"))).isEqualByComparingTo("7");
    }

    @Test
    void theMunicipalityReturnsItTheRegionCorrectsAndAccepts() throws Exception {
        fillAllAndSubmit();
        mvc.perform(post(base + "/return").with(users.page("sonkovo.mouo")).with(csrf())
                        .param("version", submissionVersion().toString()).param("comment", ""))
                .andExpect(redirectedUrl(base));
        assertThat(submissionStatus()).isEqualTo("SUBMITTED");
        mvc.perform(post(base + "/return").with(users.page("sonkovo.mouo")).with(csrf())
                        .param("version", submissionVersion().toString()).param("comment", "Ссылка на положение не открывается"))
                .andExpect(redirectedUrl(base));
        assertThat(submissionStatus()).isEqualTo("RETURNED");
        mvc.perform(get(base).with(users.page("sonkovo.school")))
                .andExpect(content().string(containsString("Ссылка на положение не открывается")));
        save("sonkovo.school", "1.01", "да", "https://berezovka.example.ru/vsoko-new.pdf");
        mvc.perform(post(base + "/submit").with(users.page("sonkovo.school")).with(csrf())
                .param("version", submissionVersion().toString()));
        assertThat(submissionStatus()).isEqualTo("SUBMITTED");

        // the expert corrects a value: both are kept, the points follow the expert's
        mvc.perform(post(base + "/values/" + indicator("2.02") + "/expert").with(users.page("tver.coko")).with(csrf())
                        .param("expertValue", "нет").param("expertComment", "Психолога в штатном расписании нет")
                        .param("version", version("2.02").toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForMap("select value, expert_value, points from vsoko_value where indicator_id = ? and submission_id = "
                + "(select id from vsoko_submission where campaign_id = ? and school_id = ?)", indicator("2.02"), campaign.id(), school))
                .satisfies(row -> {
                    assertThat((BigDecimal) row.get("value")).isEqualByComparingTo("1");
                    assertThat((BigDecimal) row.get("expert_value")).isEqualByComparingTo("0");
                    assertThat((BigDecimal) row.get("points")).isEqualByComparingTo("0");
                });
        mvc.perform(post(base + "/accept").with(users.page("sonkovo.mouo")).with(csrf())
                .param("version", submissionVersion().toString()));
        assertThat(submissionStatus()).as("a municipal officer does not accept").isEqualTo("SUBMITTED");
        mvc.perform(post(base + "/accept").with(users.page("tver.coko")).with(csrf())
                .param("version", submissionVersion().toString()));
        assertThat(submissionStatus()).isEqualTo("ACCEPTED");
        mvc.perform(get(base).with(users.page("sonkovo.school")))
                .andExpect(content().string(containsString("Психолога в штатном расписании нет")))
                .andExpect(content().string(containsString("принята")));
        assertThat(jdbc.queryForList("select action from vsoko_submission_event where submission_id = "
                + "(select id from vsoko_submission where campaign_id = ? and school_id = ?) order by id", String.class,
                campaign.id(), school))
                .containsSubsequence("SAVED", "SUBMITTED", "RETURNED", "SAVED", "SUBMITTED", "CORRECTED", "ACCEPTED");
    }

    @Test
    void theApiReadsWritesAllOrNothingAndHandsIn() throws Exception {
        String url = "/api/v1/vsoko/campaigns/" + campaign.id() + "/submissions/" + school;
        String read = mvc.perform(get(url).with(api("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NOT_STARTED"))
                .andExpect(jsonPath("$.progress[0].total").value(3))
                .andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(read, "$.version");
        mvc.perform(put(url).with(api("sonkovo.school")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"version": %d, "values": [{"code": "1.01", "value": "да"}, {"code": "1.02", "value": "140"},
                         {"code": "9.99", "value": "1"}, {"code": "1.03", "value": "3", "evidenceUrl": "не ссылка"}]}""".formatted(version)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rowErrors.length()").value(3))
                .andExpect(jsonPath("$.rowErrors[0].column").value("1.02"))
                .andExpect(jsonPath("$.rowErrors[0].message").value("процент должен быть от 0 до 100, а не 140"))
                .andExpect(jsonPath("$.rowErrors[1].message").value(containsString("нет показателя с кодом «9.99»")));
        assertThat(submissionStatus()).isEqualTo("NOT_STARTED");

        String all = """
                {"version": %d, "values": [{"code": "1.01", "value": "да", "evidenceUrl": "https://school.example.ru/p.pdf"},
                 {"code": "1.02", "value": "100"}, {"code": "1.03", "value": "12"}, {"code": "2.01", "value": "да"},
                 {"code": "2.02", "value": "да"}]}""";
        mvc.perform(put(url).with(api("sonkovo.school")).contentType(MediaType.APPLICATION_JSON).content(all.formatted(version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.values.length()").value(5));
        mvc.perform(put(url).with(api("sonkovo.mouo")).contentType(MediaType.APPLICATION_JSON).content(all.formatted(version)))
                .andExpect(status().isConflict());
        mvc.perform(post(url + "/submit").with(api("sonkovo.school")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + submissionVersion() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(put(url).with(api("sonkovo.school")).contentType(MediaType.APPLICATION_JSON)
                        .content(all.formatted(submissionVersion())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Самооценка уже представлена и закрыта для изменений"));
    }

    @Test
    void eachSeesOnlyTheirOwn() throws Exception {
        long kalininSchool = fixtures.account("kalinin.school").orgUnitId();
        String other = "/vsoko/campaigns/" + campaign.id() + "/submissions/" + kalininSchool;
        mvc.perform(get(other).with(users.page("sonkovo.school"))).andExpect(status().isNotFound());
        mvc.perform(get(other).with(users.page("sonkovo.mouo"))).andExpect(status().isNotFound());
        mvc.perform(get(other).with(users.page("kalinin.mouo"))).andExpect(status().isOk());
        mvc.perform(get(base).with(users.page("tomsk.coko"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/vsoko/campaigns/" + campaign.id()).with(api("tomsk.coko"))).andExpect(status().isNotFound());
        // other tests add schools to Сонковский: count what the directory says
        long sonkovoSchools = jdbc.queryForObject("select count(*) from org_unit o join org_unit m on m.id = o.municipality_id "
                + "where m.name = 'Сонковский муниципальный округ' and o.type = 'SCHOOL' and o.active", Long.class);
        mvc.perform(get("/api/v1/vsoko/campaigns/" + campaign.id()).with(api("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submissions.NOT_STARTED").value(sonkovoSchools));
        mvc.perform(get("/vsoko/campaigns/" + campaign.id() + "/submissions").with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Найдено: " + sonkovoSchools)));
    }

    @Test
    void regionalStaffFollowTheCampaignByMunicipality() throws Exception {
        fillAllAndSubmit();
        mvc.perform(get("/vsoko/campaigns/" + campaign.id()).with(users.page("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Завершить приём")))
                .andExpect(content().string(containsString("Сонковский")));
        mvc.perform(get("/vsoko/campaigns/" + campaign.id() + "/submissions").with(users.page("tver.coko"))
                        .param("status", "SUBMITTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Найдено: 1")))
                .andExpect(content().string(containsString("Берёзовская")));
        mvc.perform(get("/vsoko/campaigns").with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(campaign.name())));
    }

    private void fillAllAndSubmit() throws Exception {
        save("sonkovo.school", "1.01", "да", "https://berezovka.example.ru/vsoko.pdf");
        save("sonkovo.school", "1.02", "90", null);
        save("sonkovo.school", "1.03", "10", null);
        save("sonkovo.school", "2.01", "да", null);
        save("sonkovo.school", "2.02", "да", null);
        mvc.perform(post(base + "/submit").with(users.page("sonkovo.school")).with(csrf())
                .param("version", submissionVersion().toString()));
        assertThat(submissionStatus()).isEqualTo("SUBMITTED");
    }

    private Long submissionVersion() {
        return jdbc.queryForObject("select version from vsoko_submission where campaign_id = ? and school_id = ?", Long.class,
                campaign.id(), school);
    }

    private String submissionStatus() {
        return jdbc.queryForObject("select status from vsoko_submission where campaign_id = ? and school_id = ?", String.class,
                campaign.id(), school);
    }
}

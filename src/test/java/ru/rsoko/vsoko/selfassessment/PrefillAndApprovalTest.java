package ru.rsoko.vsoko.selfassessment;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.VsokoFixtures;
import ru.rsoko.vsoko.campaign.CampaignService;
import ru.rsoko.vsoko.campaign.CampaignView;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Ask once, sign off once: a self-assessment filled from the school's earlier answers and confirmed, not retyped; the
 * municipality's approval between the school's hand-in and the region's acceptance; several reviewed at once.
 * Campaigns here are of 2030 and later, so that no other test's or demo campaign is «earlier»; a test whose earlier
 * campaign has answers has a year of its own.
 */
@IntegrationTest
class PrefillAndApprovalTest {

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
    long school;

    @BeforeEach
    void setUp() {
        vsoko = new VsokoFixtures(frameworks, campaigns, userDetails, new TransactionTemplate(transactions));
        school = fixtures.account("sonkovo.school").orgUnitId();
    }

    String path(CampaignView campaign, long schoolId) {
        return "/api/v1/vsoko/campaigns/" + campaign.id() + "/submissions/" + schoolId;
    }

    long version(CampaignView campaign, long schoolId) {
        return jdbc.queryForObject("select version from vsoko_submission where campaign_id = ? and school_id = ?",
                Long.class, campaign.id(), schoolId);
    }

    String statusOf(CampaignView campaign, long schoolId) {
        return jdbc.queryForObject("select status from vsoko_submission where campaign_id = ? and school_id = ?",
                String.class, campaign.id(), schoolId);
    }

    ResultActions putValues(String user, CampaignView campaign, long schoolId, String values) throws Exception {
        return mvc.perform(put(path(campaign, schoolId)).with(api(user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": " + version(campaign, schoolId) + ", \"values\": [" + values + "]}"));
    }

    static String answer(String code, String value, String link) {
        return "{\"code\": \"" + code + "\", \"value\": \"" + value + "\"" + (link == null ? "" : ", \"evidenceUrl\": \"" + link + "\"") + "}";
    }

    /** A change as a client makes it: with the self-assessment's version as last read, unless the body names one. */
    ResultActions post(String user, String path, String body) throws Exception {
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("/campaigns/(\\d+)/submissions/(\\d+)/").matcher(path);
        if (!body.contains("\"version\"") && ids.find()) {
            List<Long> version = jdbc.queryForList("select version from vsoko_submission where campaign_id = ? and school_id = ?",
                    Long.class, Long.parseLong(ids.group(1)), Long.parseLong(ids.group(2)));
            if (!version.isEmpty()) {
                body = body.strip().equals("{}") ? "{\"version\": " + version.getFirst() + "}"
                        : body.replaceFirst("\\{", "{\"version\": " + version.getFirst() + ", ");
            }
        }
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(api(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aDirectorPrefillsFromEarlierYearsConfirmsWhatDidNotChangeAndHandsIn() throws Exception {
        CampaignView older = vsoko.openCampaign("tver.coko", 2030, LocalDate.of(2030, 8, 1), false);
        CampaignView lastYear = vsoko.openCampaign("tver.coko", 2030, LocalDate.of(2030, 9, 1), false);
        CampaignView current = vsoko.openCampaign("tver.coko", 2030, LocalDate.of(2030, 10, 1), false);
        putValues("sonkovo.school", older, school, String.join(",", answer("1.01", "да", "https://berezovka.example.ru/old.pdf"),
                answer("1.02", "50", null), answer("1.03", "4", null), answer("2.01", "частично", null), answer("2.02", "нет", null)))
                .andExpect(status().isOk());
        // last year 1.03 was left empty: the answer before it is taken
        putValues("sonkovo.school", lastYear, school, String.join(",", answer("1.01", "да", "https://berezovka.example.ru/vsoko.pdf"),
                answer("1.02", "70", null), answer("2.01", "да", null), answer("2.02", "да", null)))
                .andExpect(status().isOk());
        // typed this year before prefilling: kept as it is
        putValues("sonkovo.school", current, school, answer("2.02", "нет", null)).andExpect(status().isOk());

        String json = post("sonkovo.school", path(current, school) + "/prefill", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.unconfirmed").value(4))
                .andReturn().getResponse().getContentAsString();
        assertThat(value(json, "1.01")).containsEntry("value", "да")
                .containsEntry("evidenceUrl", "https://berezovka.example.ru/vsoko.pdf")
                .containsEntry("prefilledFrom", (int) lastYear.id());
        assertThat(value(json, "1.02")).containsEntry("value", "70 %").containsEntry("prefilledFrom", (int) lastYear.id());
        assertThat(value(json, "1.03")).containsEntry("value", "4").containsEntry("prefilledFrom", (int) older.id());
        assertThat(value(json, "2.01")).containsEntry("value", "да").containsEntry("prefilledFrom", (int) lastYear.id());
        assertThat(value(json, "2.02")).containsEntry("value", "нет").containsEntry("prefilledFrom", null);
        assertThat(statusOf(current, school)).as("nothing is handed in by itself").isEqualTo("IN_PROGRESS");

        // the page counts what is unconfirmed and says what keeps the hand-in back
        String page = mvc.perform(get("/vsoko/campaigns/" + current.id() + "/submissions/" + school).with(users.page("sonkovo.school")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("не подтверждено: 4 ответа прошлых лет", "ответ 2030 года — не подтверждён",
                "Чтобы представить самооценку, осталось:", "1 из 5");

        post("sonkovo.school", path(current, school) + "/submit", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("не подтверждено — 4")));

        // a changed answer confirms itself; the rest are confirmed as they are
        putValues("sonkovo.school", current, school, answer("1.02", "75", null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.unconfirmed").value(3));
        post("sonkovo.school", path(current, school) + "/confirm", "{\"codes\": [\"1.01\", \"1.03\"]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.unconfirmed").value(1));
        post("sonkovo.school", path(current, school) + "/submit", "{}").andExpect(status().isBadRequest());
        post("sonkovo.school", path(current, school) + "/confirm", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.unconfirmed").value(0));
        post("sonkovo.school", path(current, school) + "/submit", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));

        post("sonkovo.school", path(current, school) + "/prefill", "{}").andExpect(status().isConflict());
        assertThat(jdbc.queryForList("""
                        select e.action from vsoko_submission_event e join vsoko_submission s on s.id = e.submission_id
                        where s.campaign_id = ? and s.school_id = ? order by e.id""", String.class, current.id(), school))
                .containsSubsequence("SAVED", "PREFILLED", "SAVED", "CONFIRMED", "CONFIRMED", "SUBMITTED");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> value(String json, String code) {
        List<Map<String, Object>> found = JsonPath.read(json, "$.values[?(@.code == '" + code + "')]");
        assertThat(found).as("value of " + code).hasSize(1);
        return found.getFirst();
    }

    @Test
    void aSchoolUploadsItsOwnTemplateAndAnUploadedAnswerConfirmsACopiedOne() throws Exception {
        // a year of its own, later than every other test's
        CampaignView lastYear = vsoko.openCampaign("tver.coko", 2033, LocalDate.of(2033, 9, 1), false);
        CampaignView current = vsoko.openCampaign("tver.coko", 2033, LocalDate.of(2033, 10, 1), false);
        putValues("sonkovo.school", lastYear, school, String.join(",", answer("1.02", "70", null), answer("1.03", "4", null)))
                .andExpect(status().isOk());
        // the other indicators take what other tests' earlier campaigns hold: only these two are this test's
        String json = post("sonkovo.school", path(current, school) + "/prefill", "{}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(value(json, "1.02")).containsEntry("prefilledFrom", (int) lastYear.id());
        assertThat(value(json, "1.03")).containsEntry("prefilledFrom", (int) lastYear.id());
        String page = mvc.perform(get("/vsoko/campaigns/" + current.id() + "/submissions/" + school).with(users.page("sonkovo.school")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"values-template\"", "id=\"values-upload\"");

        ValuesWorkbookDriver driver = new ValuesWorkbookDriver(mvc, users, jdbc);
        byte[] template = driver.template("sonkovo.school", current.id());
        driver.accepted("sonkovo.school", current.id(), template);
        mvc.perform(get(path(current, school)).with(api("sonkovo.school"))).andExpect(jsonPath("$.unconfirmed").value(0));
    }

    @Test
    void prefillingIsTheSchoolsOrItsMunicipalitysAndWithinScope() throws Exception {
        CampaignView current = vsoko.openCampaign("tver.coko", 2030, LocalDate.of(2030, 10, 1), false);
        post("tver.coko", path(current, school) + "/prefill", "{}").andExpect(status().isForbidden());
        post("kalinin.mouo", path(current, school) + "/prefill", "{}").andExpect(status().isNotFound());
        post("tomsk.coko", path(current, school) + "/prefill", "{}").andExpect(status().isNotFound());
        post("sonkovo.mouo", path(current, school) + "/prefill", "{}").andExpect(status().isOk());
    }

    @Test
    void anAnswerWithoutItsRequiredLinkIsSavedButSaysItDoesNotCount() throws Exception {
        CampaignView current = vsoko.openCampaign("tver.coko", 2030, LocalDate.of(2030, 10, 1), false);
        long indicator = jdbc.queryForObject("select id from vsoko_indicator where framework_id = ? and code = '1.01'",
                Long.class, current.framework().id());
        String fragment = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/vsoko/campaigns/" + current.id() + "/submissions/" + school + "/values/" + indicator)
                        .with(users.page("sonkovo.school")).with(csrf()).header("HX-Request", "true")
                        .param("value", "да").param("evidenceUrl", "").param("version", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("Ответ сохранён, но не засчитан: нужна ссылка на документ на сайте школы", "0 из 5")
                .doesNotContain("Сохранено");
        String page = mvc.perform(get("/vsoko/campaigns/" + current.id() + "/submissions/" + school).with(users.page("sonkovo.school")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Нужна ссылка на документ: без неё ответ не засчитан", "без ответа — 2, без ссылки — 1",
                "Кнопка станет доступна, когда все показатели заполнены и подтверждены.");
        assertThat(page).containsPattern("id=\"submit-submission\"[^>]*disabled");
    }

    /** Two schools of Сонковский handed in, filled by the municipality for the second one. */
    List<Long> twoHandedIn(CampaignView campaign) throws Exception {
        long other = jdbc.queryForObject("""
                select s.school_id from vsoko_submission s where s.campaign_id = ? and s.school_id <> ?
                  and s.municipality_id = (select municipality_id from vsoko_submission where campaign_id = ? and school_id = ?)
                order by s.school_id limit 1""", Long.class, campaign.id(), school, campaign.id(), school);
        String all = String.join(",", answer("1.01", "да", "https://school.example.ru/v.pdf"), answer("1.02", "80", null),
                answer("1.03", "5", null), answer("2.01", "да", null), answer("2.02", "да", null));
        for (long s : List.of(school, other)) {
            putValues("sonkovo.mouo", campaign, s, all).andExpect(status().isOk());
            post("sonkovo.mouo", path(campaign, s) + "/submit", "{}").andExpect(status().isOk());
        }
        return List.of(school, other);
    }

    String review(String action, List<Long> schools, List<Long> versions, String comment) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < schools.size(); i++) {
            items.append(i == 0 ? "" : ",").append("{\"schoolId\": ").append(schools.get(i)).append(", \"version\": ")
                    .append(versions.get(i)).append('}');
        }
        return "{\"action\": \"" + action + "\", \"items\": [" + items + "]" + (comment == null ? "" : ", \"comment\": \"" + comment + "\"") + "}";
    }

    @Test
    void theMunicipalityApprovesTwoSchoolsAtOnceThenTheRegionAcceptsThem() throws Exception {
        CampaignView campaign = vsoko.openCampaign("tver.coko", 2031, LocalDate.of(2031, 10, 1), true);
        List<Long> schools = twoHandedIn(campaign);
        String reviewPath = "/api/v1/vsoko/campaigns/" + campaign.id() + "/submissions/review";

        post("tver.coko", path(campaign, school) + "/accept", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Сначала самооценку должен согласовать муниципалитет: так задано в кампании"));
        post("kalinin.mouo", path(campaign, school) + "/approve", "{}").andExpect(status().isNotFound());
        post("sonkovo.school", path(campaign, school) + "/approve", "{}").andExpect(status().isForbidden());

        // one stale version refuses the whole batch, each school named
        long v1 = version(campaign, schools.get(0));
        long v2 = version(campaign, schools.get(1));
        post("sonkovo.mouo", reviewPath, review("APPROVE", schools, List.of(v1, v2 - 1), null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rowErrors.length()").value(1))
                .andExpect(jsonPath("$.rowErrors[0].message").value("самооценку тем временем изменили: обновите страницу и проверьте её"));
        assertThat(statusOf(campaign, schools.get(0))).isEqualTo("SUBMITTED");
        assertThat(statusOf(campaign, schools.get(1))).isEqualTo("SUBMITTED");

        post("sonkovo.mouo", reviewPath, review("APPROVE", schools, List.of(v1, v2), null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(2));
        assertThat(statusOf(campaign, schools.get(0))).isEqualTo("APPROVED");
        assertThat(statusOf(campaign, schools.get(1))).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("""
                select count(*) from notification n join user_account a on a.id = n.account_id
                where a.username = 'sonkovo.school' and n.kind = 'SELF_ASSESSMENT_APPROVED' and n.link like ?""",
                Long.class, "/vsoko/campaigns/" + campaign.id() + "/%")).isEqualTo(1);

        // the region sees the stage of the municipality
        String card = mvc.perform(get("/vsoko/campaigns/" + campaign.id()).with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(card).contains("согласование муниципалитетом", "ждут приёма регионом — 2");

        // the municipality may not accept; the region accepts both
        post("sonkovo.mouo", reviewPath, review("ACCEPT", schools, List.of(version(campaign, schools.get(0)),
                version(campaign, schools.get(1))), null)).andExpect(status().isForbidden());
        post("tver.coko", reviewPath, review("ACCEPT", schools, List.of(version(campaign, schools.get(0)),
                version(campaign, schools.get(1))), null)).andExpect(status().isOk()).andExpect(jsonPath("$.done").value(2));
        assertThat(statusOf(campaign, schools.get(0))).isEqualTo("ACCEPTED");
        // accepted by the region, it is no longer the municipality's to return
        post("sonkovo.mouo", path(campaign, school) + "/return", "{\"comment\": \"ещё раз\"}").andExpect(status().isConflict());
        post("tver.coko", path(campaign, school) + "/return", "{\"comment\": \"Уточните ссылку\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"));
    }

    @Test
    void withoutTheMunicipalitysApprovalTheRegionAcceptsAndTheListReviewsSeveralAtOnce() throws Exception {
        CampaignView campaign = vsoko.openCampaign("tver.coko", 2031, LocalDate.of(2031, 10, 1), false);
        List<Long> schools = twoHandedIn(campaign);
        post("sonkovo.mouo", path(campaign, school) + "/approve", "{}").andExpect(status().isConflict());

        String list = "/vsoko/campaigns/" + campaign.id() + "/submissions";
        String page = mvc.perform(get(list).with(users.page("tver.coko")).param("municipalityId",
                        String.valueOf(fixtures.org("Сонковский муниципальный округ").id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"bulk-review-form\"", "Принять отмеченные", "value=\"" + schools.get(0) + ":");

        // a return without a comment is refused whole
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(list + "/review")
                        .with(users.page("tver.coko")).with(csrf()).param("action", "RETURN")
                        .param("item", schools.get(0) + ":" + version(campaign, schools.get(0))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "Напишите, что нужно доработать"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(list + "/review")
                        .with(users.page("tver.coko")).with(csrf()).param("action", "ACCEPT").param("status", "SUBMITTED")
                        .param("item", schools.get(0) + ":" + version(campaign, schools.get(0)))
                        .param("item", schools.get(1) + ":" + version(campaign, schools.get(1))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Принято: 2 самооценки"));
        assertThat(statusOf(campaign, schools.get(1))).isEqualTo("ACCEPTED");
        // accepting again names each school and changes nothing
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(list + "/review")
                        .with(users.page("tver.coko")).with(csrf()).param("action", "ACCEPT")
                        .param("item", schools.get(0) + ":" + version(campaign, schools.get(0))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Ничего не изменено: 1 самооценку из 1 нельзя обработать"));
    }
}

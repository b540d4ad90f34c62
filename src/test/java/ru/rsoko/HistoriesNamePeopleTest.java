package ru.rsoko;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.account.AccountService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.platform.audit.People;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Histories name people, not logins (issue 13): «Смирнова Ольга Петровна» with «tver.coko» only as the hint, the
 * application's own work as «Система (автоматически)» and the demo data as «Демонстрационные данные» — on the pages
 * and in their .xlsx.
 */
@IntegrationTest
class HistoriesNamePeopleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountService accounts;

    @Test
    void namesOfLoginsComeInOneAnswerAndUnknownLoginsAreLeftOut() {
        Map<String, String> names = accounts.namesOf(List.of("tver.admin", "sonkovo.school", "nobody.here"));
        assertThat(names).containsOnlyKeys("tver.admin", "sonkovo.school");
        assertThat(names.get("sonkovo.school")).isEqualTo(fullName("sonkovo.school"));
    }

    @Test
    void theAdministratorWhoMadeAnAccountIsNamedInItsHistoryAndItsWorkbook() throws Exception {
        OrgUnit school = fixtures.org("МОУ «Лесновская СОШ»");
        MvcResult created = mvc.perform(post("/admin/accounts").with(users.page("tver.admin")).with(csrf())
                        .param("username", "named." + System.nanoTime()).param("fullName", "Кузнецова Вера Ильинична")
                        .param("position", "Директор").param("role", "SCHOOL").param("orgUnitId", Long.toString(school.id())))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String card = created.getResponse().getRedirectedUrl();
        String admin = fullName("tver.admin");
        assertThat(page(card, "tver.admin"))
                .contains("<td class=\"history-person\" title=\"tver.admin\">" + admin + "</td>")
                .doesNotContain(">tver.admin</td>");

        List<List<String>> sheet = xlsx(card + "/history.xlsx", "tver.admin");
        assertThat(sheet.getFirst()).containsSequence("Кто", "Логин");
        assertThat(sheet.get(1)).contains(admin, "tver.admin", "Создание");
    }

    @Test
    void theDirectorySaysTheSystemLoadedTheDemoOrganisations() throws Exception {
        long id = fixtures.org("МОУ «Берёзовская СОШ»").id();
        assertThat(page("/directory/" + id, "tver.admin"))
                .contains("<td class=\"history-person\" title=\"system\">Система (автоматически)</td>");
        assertThat(xlsx("/directory/" + id + "/history.xlsx", "tver.admin").get(1)).contains(People.SYSTEM_NAME, "system");
    }

    @Test
    void aSelfAssessmentsHistoryNamesTheDirector() throws Exception {
        Map<String, Object> submission = jdbc.queryForMap("""
                select s.campaign_id, s.school_id from vsoko_submission s
                where exists (select 1 from vsoko_submission_event e where e.submission_id = s.id and e.username = 'sonkovo.school')
                order by s.id desc limit 1""");
        String url = "/vsoko/campaigns/" + submission.get("campaign_id") + "/submissions/" + submission.get("school_id");
        String director = fullName("sonkovo.school");
        assertThat(page(url, "sonkovo.school"))
                .contains("<td class=\"history-person\" title=\"sonkovo.school\">" + director + "</td>");
        List<List<String>> sheet = xlsx(url + "/history.xlsx", "sonkovo.school");
        assertThat(sheet.getFirst()).containsSequence("Кто", "Логин");
        assertThat(sheet.stream().skip(1).filter(r -> r.contains("sonkovo.school"))).isNotEmpty()
                .allSatisfy(r -> assertThat(r).contains(director));
    }

    @Test
    void anExecutionRecordNamesWhoUpdatedItAndWhoReported() throws Exception {
        Long id = jdbc.queryForObject("""
                select e.id from execution e where e.updated_by = 'demo'
                  and e.region_id = (select coalesce(o.region_id, o.id) from user_account a join org_unit o on o.id = a.org_unit_id
                                     where a.username = 'tver.coko')
                order by e.id limit 1""", Long.class);
        assertThat(page("/executions/" + id, "tver.coko"))
                .contains("title=\"demo\"", ", " + People.DEMO_NAME)
                .doesNotContain(", demo<");
    }

    private String fullName(String username) {
        return jdbc.queryForObject("select full_name from user_account where username = ?", String.class, username);
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(users.page(username)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private List<List<String>> xlsx(String url, String username) throws Exception {
        byte[] bytes = mvc.perform(get(url).with(users.page(username)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.toString()));
                rows.add(cells);
            }
        }
        return rows;
    }
}

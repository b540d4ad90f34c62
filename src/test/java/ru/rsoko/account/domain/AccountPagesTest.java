package ru.rsoko.account.domain;

import ru.rsoko.access.Scope;
import ru.rsoko.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.domain.OrgUnitForm;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AccountPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgUnitService directory;

    @Test
    void theAccountsFilterAnsweredByHtmxGetsOnlyTheResults() throws Exception {
        String swapped = mvc.perform(get("/admin/accounts").param("q", "sonkovo").header("HX-Request", "true")
                        .with(users.page("tver.admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(swapped).startsWith("<div id=\"results\"")
                .contains("sonkovo.school", "sonkovo.mouo").doesNotContain("<html", "kalinin.school");
    }

    @Test
    void anAdministratorCreatesADirectorsAccountAndHandsOverATemporaryPassword() throws Exception {
        OrgUnit school = fixtures.org("МОУ «Лесновская СОШ»");
        String username = "lesnovo." + System.nanoTime();
        MvcResult created = mvc.perform(post("/admin/accounts").with(users.page("tver.admin")).with(csrf())
                        .param("username", username.toUpperCase()).param("fullName", "Сергеева Анна Павловна")
                        .param("position", "Директор").param("role", "SCHOOL").param("orgUnitId", Long.toString(school.id())))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String temporary = (String) created.getFlashMap().get("issuedPassword");
        assertThat(temporary).hasSize(12);
        assertThat(jdbc.queryForObject("select must_change_password from user_account where username = ?", Boolean.class, username))
                .isTrue();
        // the temporary password works, and the login is stored in lower case
        mvc.perform(get("/api/v1/me").with(httpBasic(username, temporary)))
                .andExpect(status().isOk());

        mvc.perform(get(created.getResponse().getRedirectedUrl()).with(users.page("tver.admin")))
                .andExpect(content().string(containsString("Сергеева Анна Павловна")))
                .andExpect(content().string(containsString("МОУ «Лесновская СОШ»")))
                .andExpect(content().string(containsString("Создание")));
    }

    @Test
    void aRoleThatDoesNotFitTheOrganisationIsRefusedOnTheForm() throws Exception {
        OrgUnit school = fixtures.org("МОУ «Лесновская СОШ»");
        mvc.perform(post("/admin/accounts").with(users.page("tver.admin")).with(csrf())
                        .param("username", "wrong." + System.nanoTime()).param("fullName", "Неверная Роль")
                        .param("role", "MUNICIPALITY").param("orgUnitId", Long.toString(school.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("не подходит для организации типа «Школа»")));
        mvc.perform(post("/admin/accounts").with(users.page("tver.admin")).with(csrf())
                        .param("username", "sonkovo.school").param("fullName", "Двойник")
                        .param("role", "SCHOOL").param("orgUnitId", Long.toString(school.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Имя пользователя «sonkovo.school» уже занято")));
        mvc.perform(post("/admin/accounts").with(users.page("tver.admin")).with(csrf())
                        .param("username", "кириллица").param("fullName", "Иван").param("password", "123")
                        .param("role", "SCHOOL").param("orgUnitId", Long.toString(school.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("латинских букв")));
    }

    @Test
    void regionalRolesAreNotGivenInsideAMunicipality() throws Exception {
        OrgUnitForm form = new OrgUnitForm();
        form.setType(OrgUnitType.INSTITUTION);
        form.setName(Fixtures.unique("Методический центр"));
        form.setParentId(fixtures.org("Сонковский муниципальный округ").id());
        OrgUnit centre = directory.create(Scope.all(), form);
        mvc.perform(post("/admin/accounts").with(users.page("tver.admin")).with(csrf())
                        .param("username", "centre." + System.nanoTime()).param("fullName", "Методист")
                        .param("role", "REGION").param("orgUnitId", Long.toString(centre.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("выдаётся сотрудникам региональных организаций")));
    }

    @Test
    void changingAnAccountsOrganisationIsKeptInItsHistory() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Заречная СОШ»"));
        OrgUnit other = fixtures.org("МОУ «Лесновская СОШ»");
        mvc.perform(post("/admin/accounts/{id}", account.id()).with(users.page("tver.admin")).with(csrf())
                        .param("fullName", account.fullName()).param("role", "SCHOOL")
                        .param("orgUnitId", Long.toString(other.id())).param("version", Long.toString(account.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Изменения сохранены"));
        mvc.perform(get("/admin/accounts/{id}", account.id()).with(users.page("tver.admin")))
                .andExpect(content().string(containsString("МОУ «Заречная СОШ»")))
                .andExpect(content().string(containsString("МОУ «Лесновская СОШ»")))
                .andExpect(content().string(containsString("Организация")));
        // a stale form is a conflict, not an overwrite
        mvc.perform(post("/admin/accounts/{id}", account.id()).with(users.page("admin")).with(csrf())
                        .param("fullName", "Чужая правка").param("role", "SCHOOL")
                        .param("orgUnitId", Long.toString(other.id())).param("version", Long.toString(account.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Запись уже изменил другой пользователь")));
        assertThat(jdbc.queryForObject("select full_name from user_account where id = ?", String.class, account.id()))
                .isEqualTo(account.fullName());
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() throws Exception {
        Account self = fixtures.account("tver.admin");
        mvc.perform(post("/admin/accounts/{id}/disable", self.id()).with(users.page("tver.admin")).with(csrf())
                        .param("version", Long.toString(self.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Нельзя отключить собственную учётную запись"));
    }

    @Test
    void theAccountsListIsScopedAndDownloadable() throws Exception {
        mvc.perform(get("/admin/accounts").param("status", "all").with(users.page("tver.admin")))
                .andExpect(content().string(containsString("sonkovo.mouo")))
                .andExpect(content().string(not(containsString("seversk.mouo"))));
        byte[] xlsx = mvc.perform(get("/admin/accounts.xlsx").param("q", "sonkovo").with(users.page("tver.admin")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Имя пользователя");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }
}

package ru.rsoko.account;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** An HR integration keeps accounts through the API as an administrator does on the account pages, in their scope. */
@IntegrationTest
class AccountApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void anAdministratorCreatesChangesDisablesAndResetsAnAccountInTheirRegion() throws Exception {
        long school = fixtures.org("МОУ «Заречная СОШ»").id();
        String username = "api.director." + System.nanoTime() % 1_000_000;
        String body = """
                {"username": "%s", "fullName": "Петрова Анна Сергеевна", "position": "директор", "email": "petrova@example.ru",
                 "role": "SCHOOL", "orgUnitId": %d}""".formatted(username, school);
        mvc.perform(post("/api/v1/accounts").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/accounts").with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("petrova@example.ru", "не адрес")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.email").value("Некорректный адрес электронной почты"));
        mvc.perform(post("/api/v1/accounts").with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\": \"Без имени\", \"role\": \"SCHOOL\", \"orgUnitId\": %d}".formatted(school)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.username").value("Укажите имя пользователя"));
        // a school of another region is outside a regional administrator
        mvc.perform(post("/api/v1/accounts").with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace(String.valueOf(school), String.valueOf(fixtures.org("МБОУ «Средняя школа № 201»").id()))))
                .andExpect(status().isNotFound());

        MvcResult created = mvc.perform(post("/api/v1/accounts").with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.account.username").value(username))
                .andExpect(jsonPath("$.account.orgUnit.name").value("МОУ «Заречная СОШ»"))
                .andExpect(jsonPath("$.account.mustChangePassword").value(true))
                .andExpect(jsonPath("$.temporaryPassword").isNotEmpty())
                .andReturn();
        long id = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.account.id")).longValue();
        long version = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.account.version")).longValue();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/accounts/" + id);
        String password = JsonPath.read(created.getResponse().getContentAsString(), "$.temporaryPassword");
        mvc.perform(get("/api/v1/me").with(httpBasic(username, password))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/accounts").with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.username").value("Имя пользователя «" + username + "» уже занято"));

        String change = """
                {"fullName": "Петрова-Смирнова Анна Сергеевна", "role": "SCHOOL", "orgUnitId": %d, "version": %d}""";
        MvcResult changed = mvc.perform(put("/api/v1/accounts/{id}", id).with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(school, version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Петрова-Смирнова Анна Сергеевна"))
                .andExpect(jsonPath("$.email").doesNotExist())
                .andReturn();
        mvc.perform(put("/api/v1/accounts/{id}", id).with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(school, version)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(ConcurrentEditException.MESSAGE));

        MvcResult disabled = mvc.perform(post("/api/v1/accounts/{id}/disable", id).param("version", String.valueOf(version(changed)))
                        .with(api("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andReturn();
        mvc.perform(get("/api/v1/me").with(httpBasic(username, password))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/accounts/{id}/enable", id).param("version", String.valueOf(version(changed))).with(api("tver.admin")))
                .andExpect(status().isConflict());
        MvcResult enabled = mvc.perform(post("/api/v1/accounts/{id}/enable", id).param("version", String.valueOf(version(disabled)))
                        .with(api("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andReturn();

        MvcResult reset = mvc.perform(post("/api/v1/accounts/{id}/reset-password", id).with(api("tver.admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": %d}".formatted(version(enabled))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.temporaryPassword").isNotEmpty())
                .andExpect(jsonPath("$.account.mustChangePassword").value(true))
                .andReturn();
        String issued = JsonPath.read(reset.getResponse().getContentAsString(), "$.temporaryPassword");
        mvc.perform(get("/api/v1/me").with(httpBasic(username, issued))).andExpect(status().isOk());
        long current = ((Number) JsonPath.read(reset.getResponse().getContentAsString(), "$.account.version")).longValue();
        mvc.perform(post("/api/v1/accounts/{id}/unlock", id).param("version", String.valueOf(current)).with(api("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false));
    }

    @Test
    void outsideTheScopeIsNotFoundAndNoAdministratorDisablesThemselves() throws Exception {
        long seversk = fixtures.account("seversk.mouo").id();
        mvc.perform(get("/api/v1/accounts/{id}", seversk).with(api("tver.admin"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/accounts/{id}/unlock", seversk).param("version", "0").with(api("tver.admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/accounts/{id}", seversk).with(api("sonkovo.mouo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts").param("q", "sonkovo").param("status", "all").with(api("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].username").value(org.hamcrest.Matchers.hasItem("sonkovo.mouo")));
        var self = fixtures.account("tver.admin");
        mvc.perform(post("/api/v1/accounts/{id}/disable", self.id()).param("version", String.valueOf(self.version()))
                        .with(api("tver.admin")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Нельзя отключить собственную учётную запись"));
    }

    private static long version(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.version")).longValue();
    }
}

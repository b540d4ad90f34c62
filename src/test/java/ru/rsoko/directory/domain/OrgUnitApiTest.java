package ru.rsoko.directory.domain;

import ru.rsoko.directory.OrgUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

@IntegrationTest
class OrgUnitApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMunicipalOfficerListsExactlyTheMunicipalityAndItsSchools() throws Exception {
        long sonkovo = fixtures.org("Сонковский муниципальный округ").id();
        mvc.perform(get("/api/v1/org-units").param("type", "SCHOOL").param("size", "100").with(api("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].municipalityId", everyItem(is((int) sonkovo))))
                .andExpect(jsonPath("$.content[*].name", hasItem("МОУ «Берёзовская СОШ»")))
                .andExpect(jsonPath("$.content[*].name", not(hasItem("МОУ «Кленовская СОШ»"))));
    }

    @Test
    void regionalStaffOfTomskNeverSeeTver() throws Exception {
        mvc.perform(get("/api/v1/org-units").param("size", "500").with(api("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].name", hasItem("ЗАТО Северск")))
                .andExpect(jsonPath("$.content[*].name", not(hasItem("Тверская область"))))
                .andExpect(jsonPath("$.content[*].name", not(hasItem("Сонковский муниципальный округ"))));
        long tverSchool = fixtures.org("МОУ «Заречная СОШ»").id();
        mvc.perform(get("/api/v1/org-units/{id}", tverSchool).with(api("tomsk.coko")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("не найден")));
    }

    @Test
    void listsArePagedAndFilteredByTypeAndParent() throws Exception {
        long sonkovo = fixtures.org("Сонковский муниципальный округ").id();
        mvc.perform(get("/api/v1/org-units").param("parentId", String.valueOf(sonkovo)).param("type", "SCHOOL")
                        .param("active", "true").param("page", "0").param("size", "3").with(api("tver.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(3))
                .andExpect(jsonPath("$.page.size").value(3))
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.content[*].parentId", everyItem(is((int) sonkovo))));
        mvc.perform(get("/api/v1/org-units").param("size", "100000").with(api("tver.coko")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Размер страницы — от 1 до 500")));
        mvc.perform(get("/api/v1/org-units").param("type", "ШКОЛА").with(api("tver.coko")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("«type»")));
    }

    @Test
    void anAdministratorCreatesChangesAndDeactivatesASchool() throws Exception {
        long sonkovo = fixtures.org("Сонковский муниципальный округ").id();
        String name = Fixtures.unique("МОУ «Новая СОШ»");
        String created = mvc.perform(post("/api/v1/org-units").with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type":"SCHOOL","name":"%s","parentId":%d,"inn":"6900000001","email":"school@example.ru"}
                                """.formatted(name, sonkovo)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/org-units/")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.municipalityId").value(sonkovo))
                .andExpect(jsonPath("$.parentName").value("Сонковский муниципальный округ"))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");

        mvc.perform(put("/api/v1/org-units/{id}", id).with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type":"SCHOOL","name":"%s","shortName":"Новая","parentId":%d,"headName":"Петров П. П.","version":0}
                                """.formatted(name, sonkovo)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.headName").value("Петров П. П."))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(put("/api/v1/org-units/{id}", id).with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type":"SCHOOL","name":"%s","parentId":%d,"active":false,"version":1}
                                """.formatted(name, sonkovo)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));

        mvc.perform(get("/api/v1/org-units").param("q", name).param("active", "true").with(api("tver.coko")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/org-units").param("q", name).param("active", "false").with(api("tver.coko")))
                .andExpect(jsonPath("$.page.totalElements").value(1));
    }

    @Test
    void aStaleVersionIsAConflictAndOverwritesNothing() throws Exception {
        OrgUnit school = fixtures.newSchool(fixtures.org("Калининский муниципальный округ"));
        String body = """
                {"type":"SCHOOL","name":"%s","parentId":%d,"headName":"%s","version":0}""";
        mvc.perform(put("/api/v1/org-units/{id}", school.id()).with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(school.name(), school.parentId(), "Первый")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/org-units/{id}", school.id()).with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(school.name(), school.parentId(), "Второй")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("изменил другой пользователь")));
        assertThat(jdbc.queryForObject("select head_name from org_unit where id = ?", String.class, school.id()))
                .isEqualTo("Первый");
    }

    @Test
    void aPutWithoutParentKeepsTheParentAndWithoutVersionIsRefused() throws Exception {
        OrgUnit school = fixtures.newSchool(fixtures.org("Кашинский городской округ"));
        // without a version a change could overwrite another's unseen: 400, nothing changes
        mvc.perform(put("/api/v1/org-units/{id}", school.id()).with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"SCHOOL\",\"name\":\"%s\",\"headName\":\"Без версии\"}".formatted(school.name())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.version").value(containsString("Укажите version")));
        mvc.perform(put("/api/v1/org-units/{id}", school.id()).with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"SCHOOL\",\"name\":\"%s\",\"headName\":\"С версией\",\"version\":%d}"
                                .formatted(school.name(), school.version())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentName").value("Кашинский городской округ"))
                .andExpect(jsonPath("$.headName").value("С версией"));
    }

    @Test
    void badInputIsRefusedInRussianAndWritesNothing() throws Exception {
        long sonkovo = fixtures.org("Сонковский муниципальный округ").id();
        Long before = jdbc.queryForObject("select count(*) from org_unit", Long.class);
        mvc.perform(post("/api/v1/org-units").with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"SCHOOL\",\"name\":\"\",\"parentId\":%d,\"inn\":\"12ab\",\"email\":\"нет\"}".formatted(sonkovo)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("Укажите наименование"))
                .andExpect(jsonPath("$.errors.inn").value(containsString("ИНН")))
                .andExpect(jsonPath("$.errors.email").value(containsString("электронной почты")));
        mvc.perform(post("/api/v1/org-units").with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"SCHOOL\",\"name\":\"МОУ «Заречная СОШ»\",\"parentId\":%d}".formatted(sonkovo)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("уже есть организация с наименованием")));
        mvc.perform(post("/api/v1/org-units").with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"MUNICIPALITY\",\"name\":\"Вложенный\",\"parentId\":%d}".formatted(sonkovo)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Муниципалитет должен входить в регион"));
        mvc.perform(post("/api/v1/org-units").with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"REGION\",\"name\":\"Новая область\",\"timeZone\":\"Mars/Olympus\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.timeZone").value(containsString("Неизвестный часовой пояс")));
        mvc.perform(post("/api/v1/org-units").with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": [ this is not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("ожидается JSON")));
        mvc.perform(post("/api/v1/org-units").with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"SCHOOL\",\"name\":\"%s\",\"parentId\":%d}".formatted("Я".repeat(5000), sonkovo)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value(containsString("Не больше 300 символов")));
        mvc.perform(post("/api/v1/org-units").with(api("tver.admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"REGION\",\"name\":\"Своя область\",\"timeZone\":\"Europe/Moscow\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("администратор развёртывания")));
        assertThat(jdbc.queryForObject("select count(*) from org_unit", Long.class)).isEqualTo(before);
    }

    @Test
    void anOrganisationSomethingRefersToIsNeverDeletedOnlyDeactivated() throws Exception {
        long sonkovo = fixtures.org("Сонковский муниципальный округ").id();
        mvc.perform(delete("/api/v1/org-units/{id}", sonkovo).with(api("admin"))
                        .param("version", String.valueOf(fixtures.org(sonkovo).version())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("можно деактивировать")));
        assertThat(jdbc.queryForObject("select count(*) from org_unit where id = ?", Long.class, sonkovo)).isEqualTo(1);

        OrgUnit mistake = fixtures.newSchool(fixtures.org("Сонковский муниципальный округ"));
        mvc.perform(delete("/api/v1/org-units/{id}", mistake.id()).with(api("admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(delete("/api/v1/org-units/{id}", mistake.id()).with(api("admin")).param("version", "99"))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/org-units/{id}", mistake.id()).with(api("admin"))
                        .param("version", String.valueOf(mistake.version())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/org-units/{id}", mistake.id()).with(api("admin")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMunicipalityWithActiveSchoolsCannotBeDeactivated() throws Exception {
        OrgUnit sonkovo = fixtures.org("Сонковский муниципальный округ");
        mvc.perform(put("/api/v1/org-units/{id}", sonkovo.id()).with(api("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"MUNICIPALITY\",\"name\":\"%s\",\"parentId\":%d,\"active\":false,\"version\":%d}"
                                .formatted(sonkovo.name(), sonkovo.parentId(), sonkovo.version())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Сначала деактивируйте подведомственные")));
    }

    @Test
    void otherRolesCannotChangeTheDirectory() throws Exception {
        mvc.perform(post("/api/v1/org-units").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"SCHOOL\",\"name\":\"Нельзя\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Недостаточно прав для этого действия."));
    }

    @Test
    void theOpenApiDescriptionListsTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/org-units']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists());
    }
}

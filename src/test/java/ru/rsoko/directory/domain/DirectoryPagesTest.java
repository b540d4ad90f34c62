package ru.rsoko.directory.domain;

import ru.rsoko.directory.OrgUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DirectoryPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void filtersAnsweredByHtmxGetOnlyTheResultsAndABrowserTheWholePage() throws Exception {
        OrgUnit sonkovo = fixtures.org("Сонковский муниципальный округ");
        String list = mvc.perform(get("/directory").param("q", "Берёзовская").header("HX-Request", "true")
                        .with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list).startsWith("<div id=\"results\"").contains("МОУ «Берёзовская СОШ»")
                .doesNotContain("<html", "Справочник организаций", "МОУ «Ручьёвская СОШ»");

        String children = mvc.perform(get("/directory/{id}", sonkovo.id()).param("q", "Берёзовская")
                        .header("HX-Request", "true").with(users.page("tver.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(children).startsWith("<div id=\"results\"").contains("МОУ «Берёзовская СОШ»").doesNotContain("<html");

        // a history restore (back button after the cache is gone) needs the whole page
        mvc.perform(get("/directory").param("q", "Берёзовская").header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true").with(users.page("tver.coko")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Справочник организаций")));
    }

    @Test
    void anAdministratorAddsASchoolAndSeesItAndItsHistory() throws Exception {
        OrgUnit sonkovo = fixtures.org("Сонковский муниципальный округ");
        String name = Fixtures.unique("МОУ «Новосёловская СОШ»");
        String location = mvc.perform(post("/directory").with(users.page("tver.admin")).with(csrf())
                        .param("type", "SCHOOL").param("name", "  " + name + "  ").param("parentId", Long.toString(sonkovo.id()))
                        .param("headName", "Ковалёва Анна Ильинична"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Организация «" + name + "» создана"))
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).with(users.page("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("Ковалёва Анна Ильинична")))
                .andExpect(content().string(containsString("История изменений")))
                .andExpect(content().string(containsString("Создание")))
                .andExpect(content().string(containsString("tver.admin")));

        // the municipal officer sees it among the municipality's schools; the history is for administrators only
        mvc.perform(get(location).with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString("История изменений"))));
    }

    @Test
    void aDuplicateNameIsShownOnTheFormAndNothingIsSaved() throws Exception {
        OrgUnit sonkovo = fixtures.org("Сонковский муниципальный округ");
        Long before = jdbc.queryForObject("select count(*) from org_unit", Long.class);
        mvc.perform(post("/directory").with(users.page("tver.admin")).with(csrf())
                        .param("type", "SCHOOL").param("name", "мОу «заречная сош»").param("parentId", Long.toString(sonkovo.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("уже есть организация с наименованием")));
        mvc.perform(post("/directory").with(users.page("tver.admin")).with(csrf())
                        .param("type", "SCHOOL").param("name", "").param("parentId", Long.toString(sonkovo.id()))
                        .param("email", "not-an-email"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Укажите наименование")))
                .andExpect(content().string(containsString("Некорректный адрес электронной почты")));
        assertThat(jdbc.queryForObject("select count(*) from org_unit", Long.class)).isEqualTo(before);
    }

    @Test
    void twoAdministratorsEditingOneSchoolTheSecondIsToldAndNothingIsOverwritten() throws Exception {
        OrgUnit school = fixtures.newSchool(fixtures.org("Калининский муниципальный округ"));
        String version = Long.toString(school.version());
        mvc.perform(post("/directory/{id}", school.id()).with(users.page("tver.admin")).with(csrf())
                        .param("name", school.name()).param("parentId", school.parentId().toString())
                        .param("headName", "Первый редактор").param("version", version))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/directory/{id}", school.id()).with(users.page("admin")).with(csrf())
                        .param("name", school.name()).param("parentId", school.parentId().toString())
                        .param("headName", "Второй редактор").param("version", version))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Запись уже изменил другой пользователь")))
                .andExpect(content().string(containsString("Второй редактор")));
        assertThat(jdbc.queryForObject("select head_name from org_unit where id = ?", String.class, school.id()))
                .isEqualTo("Первый редактор");
        // the history keeps who changed what
        mvc.perform(get("/directory/{id}", school.id()).with(users.page("admin")))
                .andExpect(content().string(containsString("Первый редактор")))
                .andExpect(content().string(containsString("Руководитель")));
    }

    @Test
    void theDownloadedListIsTheListOnThePage() throws Exception {
        byte[] xlsx = mvc.perform(get("/directory.xlsx").param("type", "SCHOOL").param("q", "СОШ")
                        .with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Наименование");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    names.add(row.getCell(1).getStringCellValue());
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Сонковский муниципальный округ");
                }
            }
        }
        assertThat(names).contains("МОУ «Берёзовская СОШ»", "МОУ «Заречная СОШ»")
                .doesNotContain("МОУ «Полевая ООШ»", "МОУ «Кленовская СОШ»");
        String page = mvc.perform(get("/directory").param("type", "SCHOOL").param("q", "СОШ").with(users.page("sonkovo.mouo")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Найдено: " + names.size());
    }

    @Test
    void aDirectorSeesOnlyTheirSchool() throws Exception {
        mvc.perform(get("/directory").with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("МОУ «Берёзовская СОШ»")))
                .andExpect(content().string(not(containsString("МОУ «Заречная СОШ»"))))
                .andExpect(content().string(containsString("Найдено: 1")));
        mvc.perform(get("/").with(users.page("sonkovo.school")))
                .andExpect(content().string(containsString("Тверская область")))
                .andExpect(content().string(containsString("Сонковский муниципальный округ")))
                .andExpect(content().string(not(containsString("Справочник организаций"))));
    }

    @Test
    void regionalStaffSeeTheirMunicipalitiesWithComputedSchoolCounts() throws Exception {
        long sonkovoSchools = jdbc.queryForObject("""
                select count(*) from org_unit s join org_unit m on s.municipality_id = m.id
                where m.name = 'Сонковский муниципальный округ' and s.type = 'SCHOOL' and s.active""", Long.class);
        String home = mvc.perform(get("/").with(users.page("tver.coko"))).andReturn().getResponse().getContentAsString();
        assertThat(home).containsPattern("Сонковский муниципальный округ</a></td>\\s*<td class=\"text-end\">" + sonkovoSchools + "<");
        assertThat(home).doesNotContain("ЗАТО Северск");
    }
}

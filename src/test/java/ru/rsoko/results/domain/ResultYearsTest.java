package ru.rsoko.results.domain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A procedure's report shows the same type of procedure year over year for the viewer's scope, with the region beside
 * (the demo's ВПР of Tver 2020–2022): a municipal officer sees their municipality's shares, each computed from the rows.
 */
@IntegrationTest
class ResultYearsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoUsers users;

    @Test
    void aMunicipalOfficerSeesTheirMunicipalityYearOverYear() throws Exception {
        long procedure = jdbc.queryForObject("""
                select distinct procedure_id from procedure_result r
                 join directory_org_unit o on o.id = r.region_id and o.name = 'Тверская область'
                 where r.year = 2021 and r.procedure_type = 'VPR' and r.updated_by = 'demo' limit 1""", Long.class);
        String page = mvc.perform(get("/results").param("procedureId", String.valueOf(procedure))
                        .param("subject", "MATHEMATICS").param("grade", "6").with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String years = page.substring(page.indexOf("id=\"by-year\""), page.indexOf("</table>", page.indexOf("id=\"by-year\"")))
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        for (int year : new int[]{2022, 2021, 2020}) {
            // the municipality's share of «2» in mathematics, grade 6, of that year, and the region's beside it
            String mine = jdbc.queryForObject("""
                    select to_char(round(100.0 * sum(mark2) / sum(participants), 1), 'FM990.0') from procedure_result r
                     join directory_org_unit m on m.id = r.municipality_id and m.name = 'Сонковский муниципальный округ'
                     where r.year = ? and r.procedure_type = 'VPR' and r.subject = 'MATHEMATICS' and r.grade = 6""",
                    String.class, year).replace('.', ',');
            String region = jdbc.queryForObject("""
                    select to_char(round(100.0 * sum(mark2) / sum(participants), 1), 'FM990.0') from procedure_result r
                     join directory_org_unit o on o.id = r.region_id and o.name = 'Тверская область'
                     where r.year = ? and r.procedure_type = 'VPR' and r.subject = 'MATHEMATICS' and r.grade = 6""",
                    String.class, year).replace('.', ',');
            assertThat(years).contains(year + " Математика 6").contains(mine + " %").contains(region + " %");
        }
        assertThat(years.indexOf("2022")).isLessThan(years.indexOf("2021"));
    }
}

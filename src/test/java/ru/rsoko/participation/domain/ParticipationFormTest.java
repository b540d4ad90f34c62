package ru.rsoko.participation.domain;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.IntegrationTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A school's grades on the form and through the API: checked in Russian, saved all or nothing, never over someone else's. */
@IntegrationTest
class ParticipationFormTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanFixtures planFixtures;
    @Autowired
    ParticipationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    ParticipationTestRegion t;
    long school;
    String url;

    @BeforeEach
    void setUp() {
        t = new ParticipationTestRegion(planFixtures, service, jdbc);
        school = t.region.school().id();
        url = "/procedures/" + t.vpr.id() + "/participation/schools/" + school;
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from participation where procedure_id = ?", Integer.class, t.vpr.id());
    }

    private int audited() {
        return jdbc.queryForObject("select count(*) from participation_aud a join participation p on p.id = a.id "
                + "where p.procedure_id = ?", Integer.class, t.vpr.id());
    }

    /** The form as posted: grades 4–8 with the given pupils and participants ("" for empty) and versions. */
    private MockHttpServletRequestBuilder form(String username, String[] pupils, String[] participants, Long... versions) {
        MockHttpServletRequestBuilder request = post(url).with(t.as(username)).with(csrf());
        for (int i = 0; i < 5; i++) {
            request.param("rows[" + i + "].grade", String.valueOf(4 + i))
                    .param("rows[" + i + "].pupils", pupils[i])
                    .param("rows[" + i + "].participants", participants[i])
                    .param("rows[" + i + "].observers", "true");
            if (versions.length > i && versions[i] != null) {
                request.param("rows[" + i + "].version", String.valueOf(versions[i]));
            }
        }
        return request;
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theDirectorEntersTheSchoolsGradesAndTheHistorySaysWhoAndWhat() throws Exception {
        mvc.perform(form(t.region.schoolUser(), new String[]{"25", "24", "23", "22", "21"}, new String[]{"25", "24", "21", "22", "21"}))
                .andExpect(status().is3xxRedirection());
        assertThat(rows()).isEqualTo(5);
        assertThat(audited()).isEqualTo(5);
        assertThat(jdbc.queryForObject("select participants from participation where procedure_id = ? and school_id = ? and grade = 6",
                Integer.class, t.vpr.id(), school)).isEqualTo(21);
        String page = body(get(url).with(t.as(t.region.schoolUser())));
        assertThat(page).contains("id=\"history\"").contains(t.region.schoolUser()).contains("6 класс: участников")
                .contains("98,3 %");
        // a change of one grade is one more audit row
        mvc.perform(form(t.region.schoolUser(), new String[]{"25", "24", "23", "22", "21"}, new String[]{"25", "24", "23", "22", "21"},
                0L, 0L, 0L, 0L, 0L)).andExpect(status().is3xxRedirection());
        assertThat(audited()).isEqualTo(6);
        assertThat(body(get(url).with(t.as(t.region.schoolUser())))).contains("Изменение");
    }

    @Test
    void wrongFiguresAreRefusedInRussianAndNothingIsSaved() throws Exception {
        String page = body(form(t.region.municipalityUser(), new String[]{"25", "-3", "двадцать", "", "20"},
                new String[]{"26", "0", "1", "5", "20.5"}));
        assertThat(page).contains("id=\"row-errors\"")
                .contains("4 класс: Число участников").contains("участников (26) больше, чем обучающихся (25)")
                .contains("Число обучающихся не может быть отрицательным")
                .contains("Число обучающихся должно быть целым числом, а не «двадцать»")
                .contains("7 класс: Число обучающихся").contains("не указано число обучающихся")
                .contains("Число участников должно быть целым числом, а не «20.5»");
        assertThat(rows()).isZero();
        // nothing at all typed
        String empty = body(form(t.region.municipalityUser(), new String[]{"", "", "", "", ""}, new String[]{"", "", "", "", ""}));
        assertThat(empty).contains("Не заполнен ни один класс");
        assertThat(rows()).isZero();
    }

    @Test
    void aGradeWithoutDataMayStayEmptyButStoredDataCannotBeEmptied() throws Exception {
        mvc.perform(form(t.region.regionUser(), new String[]{"25", "24", "", "", ""}, new String[]{"25", "24", "", "", ""}))
                .andExpect(status().is3xxRedirection());
        assertThat(rows()).isEqualTo(2);
        String page = body(form(t.region.regionUser(), new String[]{"", "24", "", "", ""}, new String[]{"", "24", "", "", ""}, 0L, 0L));
        assertThat(page).contains("удалить введённые данные нельзя");
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void aStaleFormIsRefusedWithAMessageAndTheOtherPersonsFiguresStay() throws Exception {
        mvc.perform(form(t.region.schoolUser(), new String[]{"25", "24", "23", "22", "21"}, new String[]{"25", "24", "23", "22", "21"}))
                .andExpect(status().is3xxRedirection());
        // the municipal officer corrects grade 4 (version 0 → 1)
        mvc.perform(form(t.region.municipalityUser(), new String[]{"26", "24", "23", "22", "21"}, new String[]{"26", "24", "23", "22", "21"},
                0L, 0L, 0L, 0L, 0L)).andExpect(status().is3xxRedirection());
        // the director saves the form opened before that
        String page = body(form(t.region.schoolUser(), new String[]{"25", "24", "23", "22", "20"}, new String[]{"25", "24", "23", "22", "20"},
                0L, 0L, 0L, 0L, 0L));
        assertThat(page).contains("Запись уже изменил другой пользователь");
        assertThat(jdbc.queryForObject("select pupils from participation where procedure_id = ? and school_id = ? and grade = 4",
                Integer.class, t.vpr.id(), school)).isEqualTo(26);
        assertThat(jdbc.queryForObject("select participants from participation where procedure_id = ? and school_id = ? and grade = 8",
                Integer.class, t.vpr.id(), school)).as("nothing of the stale form saved").isEqualTo(21);
        // a form opened before anyone entered the grade does not overwrite it either
        String fresh = body(form(t.region.regionUser(), new String[]{"1", "1", "1", "1", "1"}, new String[]{"1", "1", "1", "1", "1"}));
        assertThat(fresh).contains("Запись уже изменил другой пользователь");
        assertThat(jdbc.queryForObject("select sum(pupils) from participation where procedure_id = ?", Integer.class, t.vpr.id()))
                .isEqualTo(26 + 24 + 23 + 22 + 21);
    }

    @Test
    void aSchoolOutsideTheScopeOrNotTakingPartIsNotFound() throws Exception {
        String far = "/procedures/" + t.vpr.id() + "/participation/schools/" + t.region.schoolOfOtherMunicipality().id();
        mvc.perform(get(far).with(t.as(t.region.municipalityUser()))).andExpect(status().isNotFound());
        mvc.perform(post(far).with(t.as(t.region.municipalityUser())).with(csrf()).param("rows[0].grade", "4")
                .param("rows[0].pupils", "1").param("rows[0].participants", "1")).andExpect(status().isNotFound());
        String other = "/procedures/" + t.vpr.id() + "/participation/schools/" + t.region.otherSchool().id();
        mvc.perform(get(other).with(t.as(t.region.schoolUser()))).andExpect(status().isNotFound());
        // the procedure is for one chosen school only: the other school of the municipality does not take part
        t.onlySchools(t.vpr, school);
        mvc.perform(get(other).with(t.as(t.region.regionUser()))).andExpect(status().isNotFound());
        mvc.perform(post(other).with(t.as(t.region.regionUser())).with(csrf()).param("rows[0].grade", "4")
                .param("rows[0].pupils", "1").param("rows[0].participants", "1")).andExpect(status().isNotFound());
        mvc.perform(get(url).with(t.as(t.region.regionUser()))).andExpect(status().isOk());
        // a procedure of another region
        ParticipationTestRegion another = new ParticipationTestRegion(planFixtures, service, jdbc);
        mvc.perform(get("/procedures/" + another.vpr.id() + "/participation/schools/" + another.region.school().id())
                .with(t.as(t.region.regionUser()))).andExpect(status().isNotFound());
        assertThat(rows()).isZero();
    }

    @Test
    void theApiWritesRowsWithVersionsAllOrNothing() throws Exception {
        String api = "/api/v1/procedures/" + t.vpr.id() + "/participation";
        mvc.perform(put(api).with(t.as(t.region.municipalityUser())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[{\"schoolId\":" + school + ",\"grade\":4,\"pupils\":20,\"participants\":19,\"observers\":true}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].school.id").value(school))
                .andExpect(jsonPath("$.rows[0].coverage").value(95.0))
                .andExpect(jsonPath("$.rows[0].version").value(0));
        // one bad row of three: nothing written, each error with its row and field
        mvc.perform(put(api).with(t.as(t.region.municipalityUser())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[{\"schoolId\":" + school + ",\"grade\":5,\"pupils\":20,\"participants\":20},"
                                + "{\"schoolId\":" + school + ",\"grade\":6,\"pupils\":20,\"participants\":21},"
                                + "{\"schoolId\":" + t.region.schoolOfOtherMunicipality().id() + ",\"grade\":4,\"pupils\":1,\"participants\":1},"
                                + "{\"schoolId\":" + school + ",\"grade\":9,\"pupils\":1,\"participants\":1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rowErrors[0].row").value(2))
                .andExpect(jsonPath("$.rowErrors[0].column").value("participants"))
                .andExpect(jsonPath("$.rowErrors[1].column").value("schoolId"))
                .andExpect(jsonPath("$.rowErrors[2].message").value("класс 9 не входит в процедуру (классы 4–8)"));
        assertThat(rows()).isEqualTo(1);
        // a stale version: 409, nothing written
        mvc.perform(put(api).with(t.as(t.region.regionUser())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[{\"schoolId\":" + school + ",\"grade\":5,\"pupils\":20,\"participants\":20},"
                                + "{\"schoolId\":" + school + ",\"grade\":4,\"pupils\":20,\"participants\":20,\"version\":7}]}"))
                .andExpect(status().isConflict());
        assertThat(rows()).isEqualTo(1);
        mvc.perform(get(api).with(t.as(t.region.schoolUser())).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.grades.length()").value(5));
    }
}

package ru.rsoko.participation.domain;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.GradePupils;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pupils entered once: a grade without participation data shows the directory's pupils of the procedure's school year
 * (on the form, marked «из справочника», and in the template), and pupils typed into the form, the API or the template
 * become the directory's figure, so that the next procedure of the year asks for them no more.
 */
@IntegrationTest
class ParticipationPupilsTest {

    /** ВПР of the test region is held from 15.03.2021: the school year 2020-2021. */
    static final SchoolYear YEAR = new SchoolYear(2020);

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanFixtures planFixtures;
    @Autowired
    ParticipationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DirectoryService directory;

    ParticipationTestRegion t;
    long school;
    String url;

    @BeforeEach
    void setUp() {
        t = new ParticipationTestRegion(planFixtures, service, jdbc);
        school = t.region.school().id();
        url = "/procedures/" + t.vpr.id() + "/participation/schools/" + school;
        // the school's pupils of grades 4 and 5 are in the directory
        directory.recordPupils(Scope.all(), "test", YEAR, List.of(new GradePupils.Figure(school, 4, 25),
                new GradePupils.Figure(school, 5, 24)));
    }

    private Integer directoryPupils(long schoolId, int grade) {
        return directory.pupils(List.of(schoolId), YEAR).stream().filter(g -> g.grade() == grade)
                .map(GradePupils::pupils).findFirst().orElse(null);
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from participation where procedure_id = ?", Integer.class, t.vpr.id());
    }

    @Test
    void theFormShowsTheDirectorysPupilsAndWhatIsTypedGoesBackToTheDirectory() throws Exception {
        String page = mvc.perform(get(url).with(t.as(t.region.schoolUser()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"pupils-source-4\"").contains("id=\"pupils-source-5\"")
                .doesNotContain("id=\"pupils-source-6\"").contains("из справочника").contains("2020-2021")
                .contains("name=\"rows[0].pupils\" value=\"25\"").contains("name=\"rows[1].pupils\" value=\"24\"");

        // saved as shown, without participants: nothing to save, nothing invented
        String unchanged = mvc.perform(post(url).with(t.as(t.region.schoolUser())).with(csrf())
                        .param("rows[0].grade", "4").param("rows[0].pupils", "25").param("rows[0].participants", "")
                        .param("rows[1].grade", "5").param("rows[1].pupils", "24").param("rows[1].participants", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unchanged).contains("Не заполнен ни один класс");
        assertThat(rows()).isZero();

        // participants of grade 4 with the directory's pupils; grade 5 with a corrected number; grade 6 typed anew
        mvc.perform(post(url).with(t.as(t.region.schoolUser())).with(csrf())
                        .param("rows[0].grade", "4").param("rows[0].pupils", "25").param("rows[0].participants", "25")
                        .param("rows[1].grade", "5").param("rows[1].pupils", "26").param("rows[1].participants", "26")
                        .param("rows[2].grade", "6").param("rows[2].pupils", "21").param("rows[2].participants", "20"))
                .andExpect(status().is3xxRedirection());
        assertThat(rows()).isEqualTo(3);
        assertThat(directoryPupils(school, 4)).isEqualTo(25);
        assertThat(directoryPupils(school, 5)).isEqualTo(26);
        assertThat(directoryPupils(school, 6)).isEqualTo(21);
        assertThat(jdbc.queryForObject("select count(*) from directory_grade_pupils_aud where school_id = ? and school_year = ?",
                Integer.class, school, YEAR.toString())).as("25 and 24 entered, 24 → 26, 21 new").isEqualTo(4);
        // the directory's card says who gave the figures
        String card = mvc.perform(get("/directory/" + school + "?schoolYear=" + YEAR).with(t.as(t.region.schoolUser())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(card).contains(t.region.schoolUser()).contains("value=\"26\"");
    }

    @Test
    void onlyTypedPupilsGoBackAndANewerDirectoryFigureIsNotOverwrittenByParticipantsAlone() throws Exception {
        t.rows(school, new int[]{25}, new int[]{24});
        // the directory is corrected later, on the card
        directory.recordPupils(Scope.all(), "card", YEAR, List.of(new GradePupils.Figure(school, 4, 27)));
        // the officer changes only the participants of the stored row
        mvc.perform(put("/api/v1/procedures/" + t.vpr.id() + "/participation").with(t.as(t.region.municipalityUser()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[{\"schoolId\":" + school + ",\"grade\":4,\"pupils\":25,\"participants\":25,\"version\":0},"
                                + "{\"schoolId\":" + t.region.otherSchool().id() + ",\"grade\":7,\"pupils\":30,\"participants\":29}]}"))
                .andExpect(status().isOk());
        assertThat(directoryPupils(school, 4)).as("the newer figure stays").isEqualTo(27);
        assertThat(directoryPupils(t.region.otherSchool().id(), 7)).as("typed through the API").isEqualTo(30);
    }

    @Test
    void theTemplateIsPrefilledFromTheDirectoryAndItsUploadGivesPupilsBack() throws Exception {
        String officer = t.region.municipalityUser();
        String base = "/procedures/" + t.vpr.id() + "/participation";
        byte[] template = mvc.perform(get(base + "/template.xlsx").with(t.as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = book.getSheet(ParticipationWorkbook.SHEET);
            assertThat(sheet.getRow(1).getCell(ParticipationWorkbook.NOTE).getStringCellValue()).isEqualTo("Примечание");
            Row grade4 = null;
            Row grade6 = null;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if ((long) row.getCell(0).getNumericCellValue() == school) {
                    int grade = (int) row.getCell(ParticipationWorkbook.GRADE).getNumericCellValue();
                    if (grade == 4) {
                        grade4 = row;
                    } else if (grade == 6) {
                        grade6 = row;
                    }
                }
            }
            assertThat(grade4).isNotNull();
            assertThat(grade4.getCell(ParticipationWorkbook.PUPILS).getNumericCellValue()).isEqualTo(25);
            assertThat(grade4.getCell(ParticipationWorkbook.NOTE).getStringCellValue()).isEqualTo("обучающихся — из справочника");
            assertThat(grade6.getCell(ParticipationWorkbook.PUPILS).toString()).isEmpty();
            // the school's head and contacts come from the directory
            Sheet schools = book.getSheet(ParticipationWorkbook.SCHOOLS_SHEET);
            assertThat(schools.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Руководитель");
            assertThat(schools.getRow(1).getCell(2).getStringCellValue() + schools.getRow(2).getCell(2).getStringCellValue())
                    .contains(t.region.school().name());

            // the officer fills only grade 6 of the school (pupils 22); the prefilled rows stay as they were
            grade6.getCell(ParticipationWorkbook.PUPILS).setCellValue(22);
            grade6.getCell(ParticipationWorkbook.PARTICIPANTS).setCellValue(22);
            grade6.getCell(ParticipationWorkbook.OBSERVERS).setCellValue("да");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        mvc.perform(multipart(base + "/upload").file(new MockMultipartFile("file", "участие.xlsx", "application/octet-stream",
                filled)).with(t.as(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(rows()).as("only the row with participants").isEqualTo(1);
        assertThat(directoryPupils(school, 6)).isEqualTo(22);
        assertThat(directoryPupils(school, 4)).isEqualTo(25);
    }
}

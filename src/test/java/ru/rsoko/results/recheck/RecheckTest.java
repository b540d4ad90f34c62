package ru.rsoko.results.recheck;

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
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Re-checks in a region made for the test (three schools, two of them in one municipality): the draw by each rule and
 * its determinism, the discrepancy figures worked out by hand, who sees what, all-or-nothing marks and protocol
 * uploads, versions.
 */
@IntegrationTest
class RecheckTest {

    static final int YEAR = 2021;

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    PlanFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    PlanFixtures.TestRegion r;
    Procedure vpr;

    @BeforeEach
    void region() {
        r = fixtures.freshRegion();
        jdbc.update("""
                update user_account set password_hash = (select password_hash from user_account where username = 'tver.coko'),
                       must_change_password = false where username in (?, ?, ?)""",
                r.regionUser(), r.municipalityUser(), r.schoolUser());
        Plan plan = fixtures.plan(r.region().id(), YEAR, true);
        vpr = fixtures.vpr(plan, LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 21));
    }

    private JsonNode draw(String rule, int schools, int works, long seed) throws Exception {
        String body = mvc.perform(post("/api/v1/rechecks").with(DemoUsers.api(r.regionUser())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureId\":" + vpr.id() + ",\"subject\":\"MATHEMATICS\",\"grade\":5,\"rule\":\"" + rule
                                + "\",\"schools\":" + schools + ",\"worksPerSchool\":" + works + ",\"seed\":" + seed + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private static List<String> codes(JsonNode recheck) {
        List<String> out = new ArrayList<>();
        recheck.get("workList").forEach(w -> out.add(w.get("code").asString() + " " + w.get("school").get("id").asLong()));
        return out;
    }

    @Test
    void theDrawIsTheSameForTheSameSeedAndFollowsItsRule() throws Exception {
        // no results yet: RANDOM draws among the procedure's participants, all the region's schools
        JsonNode first = draw("RANDOM", 2, 3, 7);
        JsonNode again = draw("RANDOM", 2, 3, 7);
        assertThat(first.get("seed").asLong()).isEqualTo(7);
        assertThat(first.get("schools").asLong()).isEqualTo(2);
        assertThat(first.get("works").asLong()).isEqualTo(6);
        assertThat(codes(first)).hasSize(6).isEqualTo(codes(again));
        assertThat(codes(first)).extracting(c -> c.substring(0, 7))
                .containsExactly("0001-01", "0001-02", "0001-03", "0002-01", "0002-02", "0002-03");
        assertThat(first.get("workList").get(0).get("reason").asString())
                .isEqualTo("случайный выбор среди 3 ОО — участников процедуры (результатов по математике 5 кл. нет); "
                        + "выпала при жеребьёвке (seed 7)");

        // with results of the subject and grade, only the schools that have them
        for (long school : List.of(r.school().id(), r.schoolOfOtherMunicipality().id())) {
            jdbc.update("""
                    insert into procedure_result (procedure_id, procedure_type, region_id, municipality_id, school_id, year, grade,
                        subject, participants, mark2, mark3, mark4, mark5, updated_by)
                    select ?, 'VPR', region_id, municipality_id, id, 2021, 5, 'MATHEMATICS', 20, 2, 8, 6, 4, 'test'
                    from directory_org_unit where id = ?""", vpr.id(), school);
        }
        JsonNode withResults = draw("RANDOM", 5, 1, 11);
        assertThat(withResults.get("workList")).extracting(w -> w.get("school").get("id").asLong())
                .containsExactlyInAnyOrder(r.school().id(), r.schoolOfOtherMunicipality().id());
        assertThat(withResults.get("workList").get(0).get("reason").asString())
                .isEqualTo("случайный выбор среди 2 ОО с результатами по математике 5 кл.");

        // LISTED: the schools on the year's lists
        jdbc.update("""
                insert into school_list_entry (region_id, municipality_id, school_id, year, kind, basis, created_at, created_by)
                select region_id, municipality_id, id, 2021, 'LOW_RESULTS', 'тест', now(), 'test' from directory_org_unit where id = ?""",
                r.otherSchool().id());
        JsonNode listed = draw("LISTED", 3, 2, 1);
        assertThat(listed.get("workList")).extracting(w -> w.get("school").get("id").asLong())
                .containsOnly(r.otherSchool().id());
        assertThat(listed.get("workList").get(0).get("reason").asString()).isEqualTo("в списке года: «ШНОР» 2021");

        // the placeholder signs flag none: refused with the reason, nothing made
        long before = count();
        String refused = mvc.perform(post("/api/v1/rechecks").with(DemoUsers.api(r.regionUser())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureId\":" + vpr.id() + ",\"subject\":\"MATHEMATICS\",\"grade\":5,\"rule\":\"SIGNS\","
                                + "\"schools\":3,\"worksPerSchool\":2}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Правила региона не находят признаков необъективности по математике 5 кл. в 2021 году");
        // a grade the procedure is not held in
        mvc.perform(post("/api/v1/rechecks").with(DemoUsers.api(r.regionUser())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureId\":" + vpr.id() + ",\"subject\":\"MATHEMATICS\",\"grade\":11,\"rule\":\"RANDOM\","
                                + "\"schools\":3,\"worksPerSchool\":2}"))
                .andExpect(status().isBadRequest());
        // another region's staff do not see the procedure
        mvc.perform(post("/api/v1/rechecks").with(DemoUsers.api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedureId\":" + vpr.id() + ",\"subject\":\"MATHEMATICS\",\"grade\":5,\"rule\":\"RANDOM\","
                                + "\"schools\":3,\"worksPerSchool\":2}"))
                .andExpect(status().isNotFound());
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from recheck where region_id = ?", Long.class, r.region().id());
    }

    /** All three schools × 2 works; returns the re-check and the codes of each school (by id). */
    private JsonNode allThree() throws Exception {
        return draw("RANDOM", 3, 2, 5);
    }

    private static String code(JsonNode recheck, long schoolId, int n) {
        List<String> own = new ArrayList<>();
        recheck.get("workList").forEach(w -> {
            if (w.get("school").get("id").asLong() == schoolId) {
                own.add(w.get("code").asString());
            }
        });
        return own.get(n);
    }

    private int putWorks(long id, String body, String username) throws Exception {
        return mvc.perform(put("/api/v1/rechecks/{id}/works", id).with(DemoUsers.api(username))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
    }

    @Test
    void theDiscrepancyIsComputedFromTheMarksPerSchoolAndSeenWithinTheScope() throws Exception {
        JsonNode recheck = allThree();
        long id = recheck.get("id").asLong();
        long a = r.school().id();
        long b = r.otherSchool().id();
        long c = r.schoolOfOtherMunicipality().id();
        // A: 4 → 3 (12 → 9 points) and 4 = 4 (11); B: 5 = 5 (16 → 15) and 3 → 4 (8 → 11); C: only the school's mark
        String body = "[" + String.join(",",
                "{\"code\":\"" + code(recheck, a, 0) + "\",\"schoolScore\":12,\"schoolMark\":4,\"expertScore\":9,\"expertMark\":3}",
                "{\"code\":\"" + code(recheck, a, 1) + "\",\"schoolScore\":11,\"schoolMark\":4,\"expertScore\":11,\"expertMark\":4}",
                "{\"code\":\"" + code(recheck, b, 0) + "\",\"schoolScore\":16,\"schoolMark\":5,\"expertScore\":15,\"expertMark\":5}",
                "{\"code\":\"" + code(recheck, b, 1) + "\",\"schoolScore\":8,\"schoolMark\":3,\"expertScore\":11,\"expertMark\":4}",
                "{\"code\":\"" + code(recheck, c, 0) + "\",\"schoolScore\":10,\"schoolMark\":4}") + "]";
        assertThat(putWorks(id, body, r.regionUser())).isEqualTo(200);

        Map<Long, JsonNode> bySchool = discrepancies(id, r.regionUser());
        assertThat(bySchool).containsOnlyKeys(a, b, c);
        assertFigures(bySchool.get(a), 2, 2, 1, "50.0", 1, 0, "-1.5");
        assertFigures(bySchool.get(b), 2, 2, 1, "50.0", 0, 1, "1.0");
        assertFigures(bySchool.get(c), 2, 0, 0, null, 0, 0, null);

        // the page's totals: 6 works, 4 checked, 2 differ (50 %), 1 lowered, 1 raised, (−3 + 0 − 1 + 3) / 4 = −0.25
        String page = page(r.regionUser(), "/results/rechecks/" + id);
        assertThat(page).contains("Перепроверка № " + id + ": Математика, 5 кл.", "зерно жеребьёвки (seed) 5");
        String totals = page.substring(page.indexOf("id=\"totals\""), page.indexOf("</tfoot>"));
        assertThat(totals.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")).contains("Итого 6 4 2 50,0 % 1 1 -0,25");

        // the municipality sees its two schools' figures, not the works; the director their own; others nothing
        assertThat(discrepancies(id, r.municipalityUser())).containsOnlyKeys(a, b);
        assertThat(discrepancies(id, r.schoolUser())).containsOnlyKeys(a);
        JsonNode seenByMunicipality = json.readTree(mvc.perform(get("/api/v1/rechecks/{id}", id).with(DemoUsers.api(r.municipalityUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(seenByMunicipality.get("workList").isNull()).isTrue();
        String municipalPage = page(r.municipalityUser(), "/results/rechecks/" + id);
        assertThat(municipalPage).contains(r.school().name(), r.otherSchool().name())
                .doesNotContain(r.schoolOfOtherMunicipality().name(), code(recheck, a, 0), "works-table");
        mvc.perform(get("/results/rechecks/{id}/protocol.xlsx", id).with(users.page(r.municipalityUser())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rechecks/{id}", id).with(DemoUsers.api("tver.coko"))).andExpect(status().isNotFound());
        mvc.perform(get("/results/rechecks/{id}", id).with(users.page("sonkovo.mouo"))).andExpect(status().isNotFound());

        // the year's report across re-checks
        String report = page(r.regionUser(), "/results/rechecks?year=" + YEAR);
        assertThat(report).contains("Перепроверки работ 2021 года", r.school().name(), "Математика, 5 кл.");
        mvc.perform(get("/results/rechecks.xlsx").param("year", "2021").with(users.page(r.municipalityUser())))
                .andExpect(status().isOk());
    }

    private void assertFigures(JsonNode f, long works, long checked, long differs, String percent, long lowered, long raised,
                               String mean) {
        assertThat(f.get("works").asLong()).isEqualTo(works);
        assertThat(f.get("checked").asLong()).isEqualTo(checked);
        assertThat(f.get("differs").asLong()).isEqualTo(differs);
        assertThat(f.get("differsPercent").isNull() ? null : String.valueOf(f.get("differsPercent").asDouble())).isEqualTo(percent);
        assertThat(f.get("lowered").asLong()).isEqualTo(lowered);
        assertThat(f.get("raised").asLong()).isEqualTo(raised);
        assertThat(f.get("meanScoreDifference").isNull() ? null : String.valueOf(f.get("meanScoreDifference").asDouble()))
                .isEqualTo(mean);
    }

    private Map<Long, JsonNode> discrepancies(long id, String username) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/rechecks/{id}/discrepancies", id).with(DemoUsers.api(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Map<Long, JsonNode> out = new java.util.HashMap<>();
        list.forEach(f -> out.put(f.get("school").get("id").asLong(), f));
        return out;
    }

    private String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(users.page(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long marked(long id) {
        return jdbc.queryForObject("select count(*) from recheck_work where recheck_id = ? and (school_mark is not null or expert_mark is not null)",
                Long.class, id);
    }

    @Test
    void badMarksAreRefusedWholeWithEveryErrorAndStaleVersionsAreConflicts() throws Exception {
        JsonNode recheck = allThree();
        long id = recheck.get("id").asLong();
        String one = code(recheck, r.school().id(), 0);
        String body = "[" + String.join(",",
                "{\"code\":\"" + one + "\",\"schoolMark\":4,\"expertMark\":3}",
                "{\"code\":\"" + code(recheck, r.school().id(), 1) + "\",\"schoolMark\":6,\"expertScore\":-1}",
                "{\"code\":\"9999-99\",\"schoolMark\":4}",
                "{\"code\":\"" + one + "\",\"schoolMark\":5}") + "]";
        String problem = mvc.perform(put("/api/v1/rechecks/{id}/works", id).with(DemoUsers.api(r.regionUser()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode errors = json.readTree(problem).get("rowErrors");
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(e.get("row").asInt() + ": " + e.get("message").asString()));
        assertThat(messages).containsExactly(
                "2: Отметка — от 2 до 5, а не «6»",
                "2: Балл — число от 0 до 999,99 (не больше двух знаков после запятой), а не «-1»",
                "3: Работы с кодом «9999-99» нет в этой перепроверке",
                "4: Код «" + one + "» уже был в строке 1");
        assertThat(marked(id)).isZero();

        // a version read before another person's save: 409, nothing saved
        long version = recheck.get("workList").get(0).get("version").asLong();
        String firstCode = recheck.get("workList").get(0).get("code").asString();
        assertThat(putWorks(id, "[{\"code\":\"" + firstCode + "\",\"schoolMark\":4,\"version\":" + version + "}]", r.regionUser()))
                .isEqualTo(200);
        assertThat(putWorks(id, "[{\"code\":\"" + firstCode + "\",\"schoolMark\":5,\"version\":" + version + "}]", r.regionUser()))
                .isEqualTo(409);
        assertThat(jdbc.queryForObject("select school_mark from recheck_work where recheck_id = ? and code = ?", Integer.class,
                id, firstCode)).isEqualTo(4);
        // only regional staff mark
        assertThat(putWorks(id, "[{\"code\":\"" + firstCode + "\",\"schoolMark\":5}]", r.municipalityUser())).isEqualTo(403);

        // the page's row: a stale version shows the conflict in Russian and the stored values
        long workId = recheck.get("workList").get(0).get("id").asLong();
        String row = mvc.perform(post("/results/rechecks/{id}/works/{w}", id, workId).header("HX-Request", "true")
                        .param("schoolMark", "3").param("version", String.valueOf(version)).with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(row).contains("Пока вы писали, запись изменил другой пользователь").doesNotContain("<html");
        String saved = mvc.perform(post("/results/rechecks/{id}/works/{w}", id, workId).header("HX-Request", "true")
                        .param("schoolMark", "3").param("expertMark", "абв").param("version", String.valueOf(version + 1))
                        .with(users.page(r.regionUser())).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(saved).contains("Отметка эксперта: 2, 3, 4 или 5, а не «абв»");
        mvc.perform(post("/results/rechecks/{id}/works/{w}", id, workId).header("HX-Request", "true")
                        .param("schoolMark", "3").param("expertMark", "3").param("version", String.valueOf(version + 1))
                        .with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().isOk());
        // its history: two changes of the work
        assertThat(page(r.regionUser(), "/results/rechecks/" + id + "/works/" + workId + "/history"))
                .contains("Отметка ОО", "Отметка эксперта");
    }

    @Test
    void expertsShareTheWorksBySchoolAndTheProtocolUploadsWholeOrNotAtAll() throws Exception {
        JsonNode recheck = allThree();
        long id = recheck.get("id").asLong();
        for (String name : List.of("Иванова Анна Петровна", "Петров Олег Ильич")) {
            mvc.perform(post("/results/rechecks/{id}/experts", id).param("name", name).param("position", "учитель математики")
                    .with(users.page(r.regionUser())).with(csrf())).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/results/rechecks/{id}/assign", id).with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // three schools in turn: the first and third to the first expert, the second to the second
        assertThat(jdbc.queryForList("""
                select e.name || ' ' || count(*) from recheck_work w join recheck_expert e on e.id = w.expert_id
                where w.recheck_id = ? group by e.name order by e.name""", String.class, id))
                .containsExactly("Иванова Анна Петровна 4", "Петров Олег Ильич 2");
        assertThat(jdbc.queryForObject("select count(distinct expert_id) from recheck_work where recheck_id = ? group by school_id limit 1",
                Long.class, id)).isEqualTo(1);

        byte[] protocol = mvc.perform(get("/results/rechecks/{id}/protocol.xlsx", id).with(users.page(r.regionUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        // filled: every work 4 by the school and 3 by the expert; one row with a bad mark first
        byte[] bad = fill(protocol, "7");
        mvc.perform(multipart("/results/rechecks/{id}/protocol", id).file(new MockMultipartFile("file", "протокол.xlsx",
                        "application/octet-stream", bad)).with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(marked(id)).isZero();
        mvc.perform(multipart("/results/rechecks/{id}/protocol", id).file(new MockMultipartFile("file", "протокол.xlsx",
                        "application/octet-stream", "не книга".getBytes(StandardCharsets.UTF_8))).with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(multipart("/results/rechecks/{id}/protocol", id).file(new MockMultipartFile("file", "протокол.xlsx",
                        "application/octet-stream", fill(protocol, "3"))).with(users.page(r.regionUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(marked(id)).isEqualTo(6);
        Map<Long, JsonNode> figures = discrepancies(id, r.regionUser());
        assertThat(figures.values()).allSatisfy(f -> assertThat(f.get("lowered").asLong()).isEqualTo(2));
    }

    /** The protocol with every work marked 4 by the school and {@code expertMark} by the expert. */
    private static byte[] fill(byte[] protocol, String expertMark) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(protocol))) {
            Sheet sheet = book.getSheet(RecheckWorkbook.SHEET);
            Row header = sheet.getRow(0);
            Map<String, Integer> col = new java.util.HashMap<>();
            header.forEach(c -> col.put(c.getStringCellValue(), c.getColumnIndex()));
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                row.createCell(col.get(RecheckWorkbook.SCHOOL_SCORE)).setCellValue(12);
                row.createCell(col.get(RecheckWorkbook.SCHOOL_MARK)).setCellValue(4);
                row.createCell(col.get(RecheckWorkbook.EXPERT_SCORE)).setCellValue("9,5");
                row.createCell(col.get(RecheckWorkbook.EXPERT_MARK)).setCellValue(i == 1 ? expertMark : "3");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}

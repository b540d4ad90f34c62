package ru.rsoko.participation.domain;

import ru.rsoko.plan.Procedure;
import ru.rsoko.participation.Coverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Coverage as each role sees it, computed from the rows: a school with a missing grade is under the target and
 * counted without data, never as 0 or 100 %; a school with no rows adds nothing to the sums.
 */
@IntegrationTest
class ParticipationCoverageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanFixtures planFixtures;
    @Autowired
    ParticipationService service;
    @Autowired
    CoverageService coverage;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ParticipationTestRegion t;
    long school, other, far, municipality, otherMunicipality;

    @BeforeEach
    void setUp() {
        t = new ParticipationTestRegion(planFixtures, service, jdbc);
        school = t.region.school().id();
        other = t.region.otherSchool().id();
        far = t.region.schoolOfOtherMunicipality().id();
        municipality = t.region.municipality().id();
        otherMunicipality = t.region.otherMunicipality().id();
    }

    /** School: 98 of 100; other school: 30 of 30 but grades 7 and 8 missing; the far school: nothing at all. */
    private void typicalData() {
        t.rows(school, new int[]{20, 20, 20, 20, 20}, new int[]{20, 20, 18, 20, 20});
        t.rows(other, new int[]{10, 10, 10}, new int[]{10, 10, 10});
    }

    @Test
    void theRuleOfCoverageRoundsHalfUpToOneDecimalAndHasNoFigureWithoutPupils() {
        assertThat(Coverage.percent(1, 3)).isEqualByComparingTo("33.3");
        assertThat(Coverage.percent(2, 3)).isEqualByComparingTo("66.7");
        assertThat(Coverage.percent(1, 16)).isEqualByComparingTo("6.3");
        assertThat(Coverage.percent(128, 130)).isEqualByComparingTo("98.5");
        assertThat(Coverage.percent(0, 0)).isNull();
        assertThat(Coverage.percent(25, 25)).isEqualByComparingTo("100.0");
    }

    @Test
    void aSchoolUnderTheTargetNeverShowsTheTarget() {
        BigDecimal target = new BigDecimal("100");
        Coverage.School almost = new Coverage.School(1, 2, "СОШ", 3L, "Район", 2500, 2499, 5, List.of(), 5, true, target);
        assertThat(almost.underTarget()).isTrue();
        assertThat(almost.coverage()).as("99,96 %").isEqualByComparingTo("99.9");
        assertThat(almost.coverageText()).isEqualTo("99,9 %");
        assertThat(almost.underTargetReason()).isEqualTo("охват 99,9 % ниже целевого 100 %");
        Coverage.School all = new Coverage.School(1, 2, "СОШ", 3L, "Район", 2500, 2500, 5, List.of(), 5, true, target);
        assertThat(all.underTarget()).isFalse();
        assertThat(all.coverageText()).isEqualTo("100,0 %");
        assertThat(all.underTargetReason()).isEmpty();
        // a total without a target: «100,0 %» only when every pupil took part
        assertThat(Coverage.Totals.of(null, "Итого", List.of(almost)).share().text()).isEqualTo("99,9 %");
    }

    @Test
    void perSchoolMissingGradesAreShownAndMakeTheSchoolUnderTargetWithoutCountingAsZero() {
        typicalData();
        Map<Long, Coverage.School> schools = coverage.schools(t.regionUser(), coverage.procedure(t.regionUser(), t.vpr.id()), null)
                .stream().collect(Collectors.toMap(Coverage.School::schoolId, s -> s));
        assertThat(schools).containsOnlyKeys(school, other, far);

        Coverage.School a = schools.get(school);
        assertThat(a.coverage()).isEqualByComparingTo("98.0");
        assertThat(a.withoutData()).isFalse();
        assertThat(a.underTarget()).isTrue();
        assertThat(a.underTargetReason()).isEqualTo("охват 98,0 % ниже целевого 100 %");
        assertThat(a.coverageTitle()).isEqualTo("98 из 100 обучающихся");

        Coverage.School b = schools.get(other);
        assertThat(b.coverage()).isEqualByComparingTo("100.0");
        assertThat(b.missingGrades()).containsExactly(7, 8);
        assertThat(b.missingText()).isEqualTo("нет данных: 7, 8 классы");
        assertThat(b.underTarget()).as("missing grades keep a school under the target").isTrue();
        assertThat(b.underTargetReason()).as("a school at 100,0 % under the target says why")
                .isEqualTo("нет данных: 7, 8 классы");
        assertThat(b.coverageTitle()).isEqualTo("30 из 30 обучающихся; нет данных: 7, 8 классы — охват только по классам с данными");

        Coverage.School c = schools.get(far);
        assertThat(c.pupils()).isZero();
        assertThat(c.coverage()).as("no pupils: no figure, not 0 %").isNull();
        assertThat(c.missingText()).isEqualTo("нет данных");
        assertThat(c.underTarget()).isTrue();
        assertThat(c.observers()).isFalse();
    }

    @Test
    void perMunicipalityAndRegionTheSumsOfRowsAndTheCountsOfSchools() {
        typicalData();
        CoverageService.ByMunicipality figures = coverage.byMunicipality(t.regionUser(),
                coverage.procedure(t.regionUser(), t.vpr.id()));
        Map<Long, Coverage.Totals> byId = figures.municipalities().stream()
                .collect(Collectors.toMap(Coverage.Totals::orgUnitId, m -> m));
        Coverage.Totals m = byId.get(municipality);
        assertThat(m.pupils()).isEqualTo(130);
        assertThat(m.participants()).isEqualTo(128);
        assertThat(m.coverage()).isEqualByComparingTo("98.5");
        assertThat(m.schools()).isEqualTo(2);
        assertThat(m.schoolsUnderTarget()).isEqualTo(2);
        assertThat(m.schoolsWithoutData()).isEqualTo(1);
        assertThat(m.schoolsWithObservers()).isEqualTo(2);

        Coverage.Totals o = byId.get(otherMunicipality);
        assertThat(o.coverage()).isNull();
        assertThat(o.schools()).isEqualTo(1);
        assertThat(o.schoolsWithoutData()).isEqualTo(1);

        Coverage.Totals region = figures.total();
        assertThat(region.coverage()).as("the far school's missing data adds nothing").isEqualByComparingTo("98.5");
        assertThat(region.schools()).isEqualTo(3);
        assertThat(region.schoolsUnderTarget()).isEqualTo(3);
        assertThat(region.schoolsWithoutData()).isEqualTo(2);
    }

    @Test
    void withoutAnyDataThereIsNoCoverageAndEverySchoolLacksData() {
        CoverageService.ByMunicipality figures = coverage.byMunicipality(t.regionUser(),
                coverage.procedure(t.regionUser(), t.vpr.id()));
        assertThat(figures.total().coverage()).isNull();
        assertThat(figures.total().pupils()).isZero();
        assertThat(figures.total().schools()).isEqualTo(3);
        assertThat(figures.total().schoolsWithoutData()).isEqualTo(3);
    }

    @Test
    void aSchoolWithFullDataAtTheTargetIsNotUnderItAndHadObserversOnlyWhenEveryRowSaysSo() {
        t.rows(t.vpr, school, new int[]{20, 20, 20, 20, 20}, new int[]{20, 20, 20, 20, 20}, true);
        t.rows(t.vpr, other, new int[]{20, 20, 20, 20, 20}, new int[]{20, 20, 20, 20, 20}, false);
        Map<Long, Coverage.School> schools = coverage.schools(t.regionUser(), coverage.procedure(t.regionUser(), t.vpr.id()), null)
                .stream().collect(Collectors.toMap(Coverage.School::schoolId, s -> s));
        assertThat(schools.get(school).underTarget()).isFalse();
        assertThat(schools.get(school).observers()).isTrue();
        assertThat(schools.get(other).observers()).isFalse();
    }

    @Test
    void theRegionSeesMunicipalitiesWithLinksToTheirSchools() throws Exception {
        typicalData();
        String page = page(t.region.regionUser(), "/procedures/" + t.vpr.id() + "/participation");
        assertThat(page).contains(t.region.municipality().name(), t.region.otherMunicipality().name())
                .contains("participation?municipalityId=" + municipality).contains("98,5 %");
        String schools = page(t.region.regionUser(), "/procedures/" + t.vpr.id() + "/participation?municipalityId=" + municipality);
        assertThat(schools).contains(t.region.school().name(), t.region.otherSchool().name())
                .doesNotContain(t.region.schoolOfOtherMunicipality().name()).contains("нет данных: 7, 8 классы");
    }

    @Test
    void theMunicipalOfficerSeesTheirSchoolsUnderTheTargetFirstAndHighlighted() throws Exception {
        // the first school (by name) reaches the target; the second is one pupil short
        long first = t.region.school().name().compareTo(t.region.otherSchool().name()) < 0 ? school : other;
        long second = first == school ? other : school;
        t.rows(first, new int[]{20, 20, 20, 20, 20}, new int[]{20, 20, 20, 20, 20});
        t.rows(second, new int[]{20, 20, 20, 20, 20}, new int[]{20, 20, 20, 19, 20});
        String page = page(t.region.municipalityUser(), "/procedures/" + t.vpr.id() + "/participation");
        int under = page.indexOf("data-school-id=\"" + second + "\"");
        int fine = page.indexOf("data-school-id=\"" + first + "\"");
        assertThat(under).isPositive();
        assertThat(fine).isPositive();
        assertThat(under).as("the school under the target is listed first").isLessThan(fine);
        String underRow = page.substring(page.lastIndexOf("<tr", under), page.indexOf("</tr>", under));
        assertThat(underRow).contains("under-target").contains("ниже целевого показателя");
        String fineRow = page.substring(page.lastIndexOf("<tr", fine), page.indexOf("</tr>", fine));
        assertThat(fineRow).doesNotContain("under-target");
        assertThat(page).doesNotContain(t.region.schoolOfOtherMunicipality().name());
        // only the schools under the target, and their .xlsx
        String onlyUnder = page(t.region.municipalityUser(), "/procedures/" + t.vpr.id() + "/participation?under=true");
        assertThat(onlyUnder).contains("data-school-id=\"" + second + "\"").doesNotContain("data-school-id=\"" + first + "\"");
        mvc.perform(get("/procedures/" + t.vpr.id() + "/participation.xlsx?under=true").with(t.as(t.region.municipalityUser())))
                .andExpect(status().isOk());
        // another municipality's schools are not theirs to list
        mvc.perform(get("/procedures/" + t.vpr.id() + "/participation?municipalityId=" + otherMunicipality)
                .with(t.as(t.region.municipalityUser()))).andExpect(status().isNotFound());
    }

    @Test
    void theDirectorSeesTheirOwnSchoolByGrade() throws Exception {
        typicalData();
        String page = page(t.region.schoolUser(), "/procedures/" + t.vpr.id() + "/participation");
        assertThat(page).contains(t.region.school().name()).contains("98,0 %").contains("ниже целевого показателя")
                .doesNotContain(t.region.otherSchool().name());
    }

    // ---- the API contract

    @Test
    void theApiGivesCoverageByMunicipalityWithExactlyTheseFieldsForRegionalStaff() throws Exception {
        typicalData();
        JsonNode body = api(t.region.regionUser(), "/api/v1/plans/" + t.plan.id() + "/coverage");
        assertThat(ids(body)).containsExactlyInAnyOrder(municipality, otherMunicipality);
        JsonNode m = byId(body, municipality);
        assertThat(names(m)).containsAll(List.of("orgUnit", "pupils", "participants", "coverage", "schools",
                "schoolsUnderTarget", "schoolsWithoutData"));
        assertThat(names(m.get("orgUnit"))).containsExactlyInAnyOrder("id", "name");
        assertThat(m.get("orgUnit").get("name").asString()).isEqualTo(t.region.municipality().name());
        assertThat(m.get("pupils").asLong()).isEqualTo(130);
        assertThat(m.get("participants").asLong()).isEqualTo(128);
        assertThat(m.get("coverage").decimalValue()).isEqualByComparingTo("98.5");
        assertThat(m.get("schoolsWithoutData").asInt()).isEqualTo(1);
        assertThat(byId(body, otherMunicipality).get("coverage").isNull()).isTrue();

        JsonNode region = api(t.region.regionUser(), "/api/v1/plans/" + t.plan.id() + "/coverage?by=region");
        assertThat(ids(region)).containsExactly(t.region.region().id());
        assertThat(region.get(0).get("coverage").decimalValue()).isEqualByComparingTo("98.5");

        JsonNode schools = api(t.region.regionUser(), "/api/v1/plans/" + t.plan.id() + "/coverage?by=school&procedureId=" + t.vpr.id());
        assertThat(ids(schools)).containsExactlyInAnyOrder(school, other, far);
        assertThat(byId(schools, other).get("coverage").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(byId(schools, other).get("schoolsUnderTarget").asInt()).isEqualTo(1);
    }

    @Test
    void theApiGivesTheMunicipalityOnlyItsOwnAndTheSchoolOnlyItself() throws Exception {
        typicalData();
        JsonNode mine = api(t.region.municipalityUser(), "/api/v1/plans/" + t.plan.id() + "/coverage");
        assertThat(ids(mine)).containsExactly(municipality);
        assertThat(mine.get(0).get("coverage").decimalValue()).isEqualByComparingTo("98.5");
        JsonNode mySchools = api(t.region.municipalityUser(), "/api/v1/plans/" + t.plan.id() + "/coverage?by=school");
        assertThat(ids(mySchools)).containsExactlyInAnyOrder(school, other);

        JsonNode own = api(t.region.schoolUser(), "/api/v1/plans/" + t.plan.id() + "/coverage?by=school");
        assertThat(ids(own)).containsExactly(school);
        assertThat(own.get(0).get("coverage").decimalValue()).isEqualByComparingTo("98.0");
        assertThat(own.get(0).get("pupils").asLong()).isEqualTo(100);
    }

    @Test
    void anotherRegionsPlanIsNotFoundAndAWrongGroupingIsRefused() throws Exception {
        ParticipationTestRegion another = new ParticipationTestRegion(planFixtures, service, jdbc);
        for (String user : List.of(t.region.regionUser(), t.region.municipalityUser(), t.region.schoolUser())) {
            mvc.perform(get("/api/v1/plans/" + another.plan.id() + "/coverage").with(t.as(user))
                    .accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/procedures/" + another.vpr.id() + "/participation").with(t.as(user))
                    .accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/plans/" + t.plan.id() + "/coverage?by=class").with(t.as(t.region.regionUser()))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isBadRequest());
        // a procedure of another plan is not one of this plan's
        mvc.perform(get("/api/v1/plans/" + t.plan.id() + "/coverage?procedureId=" + another.vpr.id())
                .with(t.as(t.region.regionUser())).accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
    }

    @Test
    void proceduresWithoutATargetAreLeftOutOfThePlansCoverage() throws Exception {
        ru.rsoko.plan.Procedure rpr = planFixtures.procedure(t.plan, "RPR", "Региональные проверочные работы",
                java.time.LocalDate.of(2021, 4, 1), java.time.LocalDate.of(2021, 4, 30));
        planFixtures.withTarget(rpr, null, 4, 5, 6, 7, 8);
        t.rows(rpr, school, new int[]{50}, new int[]{1}, true);
        t.rows(school, new int[]{20, 20, 20, 20, 20}, new int[]{20, 20, 20, 20, 20});
        JsonNode own = api(t.region.schoolUser(), "/api/v1/plans/" + t.plan.id() + "/coverage?by=school");
        assertThat(own.get(0).get("pupils").asLong()).isEqualTo(100);
        assertThat(own.get(0).get("coverage").decimalValue()).isEqualByComparingTo("100.0");
    }

    private String page(String username, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(t.as(username))).andExpect(status().isOk()).andReturn();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode api(String username, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(t.as(username)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static Set<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("orgUnit").get("id").asLong()));
        return Set.copyOf(ids);
    }

    private static JsonNode byId(JsonNode array, long id) {
        for (JsonNode n : array) {
            if (n.get("orgUnit").get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("нет " + id);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

}

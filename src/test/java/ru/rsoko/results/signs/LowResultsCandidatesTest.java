package ru.rsoko.results.signs;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.results.Subject;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ШНОР rule with the defaults (a share of «2» of at least 30 % in at least 2 subjects, or the 10 % of the region's
 * schools with the highest share of «2», two years running; at least 10 participants) on a region of ten schools.
 */
@IntegrationTest
class LowResultsCandidatesTest {

    @Autowired
    LowResultsCandidates candidates;
    @Autowired
    PlanFixtures plans;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    ru.rsoko.support.DemoUsers users;

    @Test
    void twoYearsOfLowSharesInTwoSubjectsOrAmongTheRegionsWorstMakeACandidate() throws Exception {
        PlanFixtures.TestRegion r = plans.freshRegion();
        OrgUnit a = r.school();
        OrgUnit b = r.otherSchool();
        OrgUnit c = r.schoolOfOtherMunicipality();
        List<OrgUnit> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            others.add(fixtures.newSchool(r.municipality()));
        }
        OrgUnit d = others.getFirst();
        ResultRows rows = new ResultRows(jdbc, plans, r.region().id())
                // A: 2021 mathematics 3 + 3 of 20 over two grades = 30 %, Russian 7 of 20 = 35 % (all works 13 of 40,
                // 32.5 %: third place); 2020 mathematics 40 %, Russian 30 % (all works 35 %: second place)
                .add(2021, a, Subject.MATHEMATICS, 5, 3, 7, 0, 0)
                .add(2021, a, Subject.MATHEMATICS, 6, 3, 7, 0, 0)
                .add(2021, a, Subject.RUSSIAN, 5, 7, 13, 0, 0)
                .add(2020, a, Subject.MATHEMATICS, 5, 8, 12, 0, 0)
                .add(2020, a, Subject.RUSSIAN, 5, 6, 14, 0, 0)
                // B: 2021 both subjects 40 % (first place with C), 2020 only 10 %: one year is not enough
                .add(2021, b, Subject.MATHEMATICS, 5, 8, 12, 0, 0)
                .add(2021, b, Subject.RUSSIAN, 5, 8, 12, 0, 0)
                .add(2020, b, Subject.MATHEMATICS, 5, 2, 18, 0, 0)
                .add(2020, b, Subject.RUSSIAN, 5, 2, 18, 0, 0)
                // C: one subject only, 40 % both years: first place of ten both years = 10 % of the schools
                .add(2021, c, Subject.MATHEMATICS, 5, 16, 24, 0, 0)
                .add(2020, c, Subject.MATHEMATICS, 5, 16, 24, 0, 0)
                // D: every work «2», but 9 participants: never judged
                .add(2021, d, Subject.MATHEMATICS, 5, 9, 0, 0, 0)
                .add(2021, d, Subject.RUSSIAN, 5, 0, 0, 0, 0)
                .add(2020, d, Subject.MATHEMATICS, 5, 9, 0, 0, 0);
        for (OrgUnit o : others.subList(1, others.size())) {
            rows.add(2021, o, Subject.MATHEMATICS, 5, 0, 20, 0, 0).add(2020, o, Subject.MATHEMATICS, 5, 0, 20, 0, 0);
        }

        Map<Long, List<String>> found = candidates.ofRegion(r.region().id(), 2021).stream().collect(Collectors.toMap(
                x -> x.school().id(), x -> x.reasons().stream().map(LowResultsCandidates.Reason::text).toList()));
        assertThat(found).containsOnlyKeys(a.id(), c.id());
        assertThat(found.get(a.id())).containsExactly(
                "2021: доля «2» по русскому языку 35 %, по математике 30 % (порог 30 %)",
                "2020: доля «2» по русскому языку 30 %, по математике 40 % (порог 30 %)");
        assertThat(found.get(c.id())).containsExactly(
                "2021: доля «2» по всем работам 40 % — 1-е место из 10 школ региона (10 % школ с наибольшей долей «2»)",
                "2020: доля «2» по всем работам 40 % — 1-е место из 10 школ региона (10 % школ с наибольшей долей «2»)");

        // one year running: B and C of 2021 (and A), by the rule of that year alone
        jdbc.update("insert into result_rule_setting (region_id, low_years, updated_by) values (?, 1, 'test')", r.region().id());
        assertThat(candidates.ofRegion(r.region().id(), 2021)).extracting(x -> x.school().id())
                .containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        // the municipality sees its schools only; the ranking is still the region's
        assertThat(candidates.candidates(plans.user(r.municipalityUser()), 2021)).extracting(x -> x.school().id())
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(candidates.candidates(plans.user(r.schoolUser()), 2021)).extracting(x -> x.school().id())
                .containsExactly(a.id());

        // the page of regional staff shows the reasons and the buttons; the director's, their school without them
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/low-results/candidates?year=2021").with(users.page(r.regionUser())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Кандидаты в ШНОР 2021 года", "2021: доля «2» по всем работам 40 %", "Включить в список");
        String director = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/low-results/candidates?year=2021").with(users.page(r.schoolUser())))
                .andReturn().getResponse().getContentAsString();
        assertThat(director).contains("2021: доля «2» по русскому языку 35 %").doesNotContain("Включить в список", "по всем работам");
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/low-results/candidates.xlsx?year=2021").with(users.page(r.regionUser())))
                .andReturn().getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
    }
}

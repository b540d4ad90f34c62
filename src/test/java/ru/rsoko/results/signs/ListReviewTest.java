package ru.rsoko.results.signs;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.SchoolLists;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.results.Subject;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Regional staff accept and dismiss flagged schools: the year's list follows, with the reasons as the basis. */
@IntegrationTest
class ListReviewTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    SchoolLists lists;
    @Autowired
    PlanFixtures plans;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;

    record Made(PlanFixtures.TestRegion r, OrgUnit a, OrgUnit b, OrgUnit c) {
    }

    Made region() {
        PlanFixtures.TestRegion r = plans.freshRegion();
        new ResultRows(jdbc, plans, r.region().id())
                .add(2021, r.school(), Subject.MATHEMATICS, 5, 0, 0, 0, 10)       // «5» 100 % at 50 % in the region
                .add(2021, r.otherSchool(), Subject.MATHEMATICS, 5, 0, 10, 0, 0)
                .add(2021, r.schoolOfOtherMunicipality(), Subject.RUSSIAN, 6, 0, 10, 0, 0, 0, 8, 2); // повысили 20 %
        return new Made(r, r.school(), r.otherSchool(), r.schoolOfOtherMunicipality());
    }

    @Test
    void acceptPutsTheSchoolOnTheListWithItsReasonsDismissTakesItOffAndTheHistoryKeepsBoth() {
        Made m = region();
        CurrentUser staff = plans.user(m.r().regionUser());
        ReviewService.Review accepted = reviews.decide(staff, 2021, ListKind.NON_OBJECTIVE, m.a().id(), Verdict.ACCEPTED,
                "  Подтверждено перепроверкой ", null);
        assertThat(accepted.comment()).isEqualTo("Подтверждено перепроверкой");
        assertThat(basis(m.a())).isEqualTo("доля «5» по математике 5 кл. 100 % при 50 % по региону");

        assertThatThrownBy(() -> reviews.decide(plans.user(m.r().municipalityUser()), 2021, ListKind.NON_OBJECTIVE,
                m.a().id(), Verdict.DISMISSED, "нет", accepted.version()))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> reviews.decide(plans.user("tver.coko"), 2021, ListKind.NON_OBJECTIVE, m.a().id(),
                Verdict.DISMISSED, "нет", accepted.version())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reviews.decide(staff, 2021, ListKind.NON_OBJECTIVE, m.b().id(), Verdict.ACCEPTED, "да", null))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("schoolId"));
        assertThatThrownBy(() -> reviews.decide(staff, 2021, ListKind.NON_OBJECTIVE, m.a().id(), Verdict.DISMISSED, " ",
                accepted.version()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("comment"));
        assertThatThrownBy(() -> reviews.decide(staff, 2021, ListKind.NON_OBJECTIVE, m.a().id(), Verdict.DISMISSED,
                "Результаты подтверждены", accepted.version() + 1)).isInstanceOf(ConcurrentEditException.class);

        reviews.decide(staff, 2021, ListKind.NON_OBJECTIVE, m.a().id(), Verdict.DISMISSED, "Результаты подтверждены",
                accepted.version());
        assertThat(basis(m.a())).isNull();
        assertThat(reviews.history(staff, 2021, ListKind.NON_OBJECTIVE)).hasSize(2);
        assertThat(reviews.history(staff, 2021, ListKind.NON_OBJECTIVE).getFirst().changes())
                .extracting(c -> c.field() + ": " + c.before() + " → " + c.after())
                .contains("Решение: Включена в список → Не включать",
                        "Комментарий: Подтверждено перепроверкой → Результаты подтверждены");

        // a school on the list from outside stays there when dismissed without an accept, and shows where it came from
        lists.include(staff, m.c().id(), 2021, ListKind.NON_OBJECTIVE, "Список Рособрнадзора");
        reviews.decide(staff, 2021, ListKind.NON_OBJECTIVE, m.c().id(), Verdict.DISMISSED, "Оставить по списку ФИС", null);
        assertThat(basis(m.c())).isEqualTo("Список Рособрнадзора");
        List<ReviewService.Item> items = reviews.items(staff, 2021, ListKind.NON_OBJECTIVE);
        assertThat(items).extracting(i -> i.school().id() + " " + i.listed() + " " + i.listedFromOutside() + " "
                        + i.review().verdict())
                .containsExactlyInAnyOrder(m.a().id() + " false false DISMISSED", m.c().id() + " true true DISMISSED");
        // the municipal officer reads their scope's flags and verdicts
        assertThat(reviews.items(plans.user(m.r().municipalityUser()), 2021, ListKind.NON_OBJECTIVE))
                .extracting(i -> i.school().id()).containsExactly(m.a().id());
    }

    @Test
    void theApiGivesTheSignsAndTakesAVerdict() throws Exception {
        Made m = region();
        String staff = m.r().regionUser();
        String body = mvc.perform(get("/api/v1/objectivity/signs?year=2021").with(users.page(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> texts = JsonPath.read(body, "$[?(@.school.id == " + m.a().id() + ")].signs[*].text");
        assertThat(texts).containsExactly("доля «5» по математике 5 кл. 100 % при 50 % по региону");
        List<Object> subjects = JsonPath.read(body, "$[?(@.school.id == " + m.a().id() + ")].subject");
        assertThat(subjects).containsExactly("MATHEMATICS");
        List<Object> regionValues = JsonPath.read(body, "$[?(@.school.id == " + m.a().id() + ")].signs[0].regionValue");
        assertThat(regionValues).containsExactly(50.0);
        mvc.perform(get("/api/v1/objectivity/signs?year=2021").with(users.page(m.r().municipalityUser())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].school.id").value(m.a().id()));

        mvc.perform(put("/api/v1/list-reviews/2021/NON_OBJECTIVE/{id}", m.a().id()).with(users.page(staff))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"ACCEPTED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.comment").exists());
        mvc.perform(put("/api/v1/list-reviews/2021/NON_OBJECTIVE/{id}", m.a().id()).with(users.page(staff))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"verdict\":\"ACCEPTED\",\"comment\":\"Да\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.verdict").value("ACCEPTED"))
                .andExpect(jsonPath("$.version").value(0));
        assertThat(basis(m.a())).isEqualTo("доля «5» по математике 5 кл. 100 % при 50 % по региону");
        mvc.perform(get("/api/v1/list-reviews?year=2021&kind=NON_OBJECTIVE").with(users.page(staff)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].schoolId").value(m.a().id()));
        mvc.perform(get("/api/v1/low-results/candidates?year=2021").with(users.page(staff)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aLongListOfReasonsIsShortenedToTheBasisLimitWithTheCountOfTheRest() {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            reasons.add("доля «5» по математике 5 кл. 48 % при 17 % по региону №" + i);
        }
        String basis = ReviewService.basis(reasons);
        assertThat(basis.length()).isLessThanOrEqualTo(ReviewService.MAX_BASIS);
        String[] parts = basis.split("; ");
        int kept = parts.length - 1;
        assertThat(parts[parts.length - 1]).isEqualTo("… и ещё " + (100 - kept));
        assertThat(ReviewService.basis(List.of("коротко", "ясно"))).isEqualTo("коротко; ясно");
    }

    private String basis(OrgUnit school) {
        return jdbc.query("select basis from school_list_entry where school_id = ? and year = 2021 and kind = 'NON_OBJECTIVE'",
                rs -> rs.next() ? rs.getString(1) : null, school.id());
    }
}

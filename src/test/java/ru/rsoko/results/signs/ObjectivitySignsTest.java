package ru.rsoko.results.signs;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.results.Subject;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rsoko.results.signs.ResultRows.work;

/**
 * Each sign's rule on a small region made for the test, figures worked out by hand (defaults: at least 10
 * participants; «5» ≥ 2 × and ≥ 15 п. п. above the region; «повысили» ≥ 20 %; «понизили» ≥ 50 %; re-check ≥ 30 % of
 * at least 5 works; «4»+«5» changed by ≥ 30 п. п.). A share exactly at its threshold counts.
 */
@IntegrationTest
class ObjectivitySignsTest {

    @Autowired
    ObjectivitySigns signs;
    @Autowired
    RuleService rules;
    @Autowired
    PlanFixtures plans;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    /** A, B of one municipality with D; C of the other municipality. */
    record Made(PlanFixtures.TestRegion r, OrgUnit a, OrgUnit b, OrgUnit c, OrgUnit d) {
    }

    Made region() {
        PlanFixtures.TestRegion r = plans.freshRegion();
        OrgUnit a = r.school();
        OrgUnit b = r.otherSchool();
        OrgUnit c = r.schoolOfOtherMunicipality();
        OrgUnit d = fixtures.newSchool(r.municipality());
        new ResultRows(jdbc, plans, r.region().id())
                // mathematics, 5th grade: the region's share of «5» is 15 of 60 = 25 %
                .add(2021, a, Subject.MATHEMATICS, 5, 0, 4, 6, 10)   // «5» 50 % = 2 × 25 % and 25 + 15 ≤ 50; «4»+«5» 80 %
                .add(2021, b, Subject.MATHEMATICS, 5, 0, 20, 0, 0)
                .add(2021, c, Subject.MATHEMATICS, 5, 0, 15, 0, 5)   // «5» 25 %: the region's own
                .add(2020, a, Subject.MATHEMATICS, 5, 0, 10, 6, 4)   // «4»+«5» 50 %: a jump of exactly 30 п. п.
                .add(2020, c, Subject.MATHEMATICS, 5, 0, 0, 0, 9)    // 9 participants: no year to compare with
                // Russian, 6th grade: the comparison with the school's own marks
                .add(2021, a, Subject.RUSSIAN, 6, 0, 20, 0, 0, 10, 6, 4)  // понизили 50 %, повысили 20 %
                .add(2021, b, Subject.RUSSIAN, 6, 0, 20, 0, 0, null, 17, 3) // повысили 15 %
                .add(2021, c, Subject.RUSSIAN, 6, 0, 10, 0, 0, 0, 8, 2)   // 10 participants, повысили 20 %
                .add(2021, d, Subject.RUSSIAN, 6, 0, 0, 0, 9, 0, 0, 9)    // 9 participants: never judged
                // re-check: A 2 of 5 works differ (40 %); B all 4 of its works with both marks differ, too few works
                .recheck(2021, Subject.MATHEMATICS, 5, a, work(4, 4), work(5, 4), work(5, 5), work(3, 3), work(4, 3))
                .recheck(2021, Subject.MATHEMATICS, 5, b, work(5, 3), work(5, 3), work(5, 3), work(5, 3), work(4, null));
        return new Made(r, a, b, c, d);
    }

    @Test
    void everyRuleFlagsAtItsThresholdAndNotBelowTheMinimumOfParticipants() {
        Made m = region();
        List<ObjectivitySigns.Flag> flags = signs.ofRegion(m.r().region().id(), 2021);
        Map<String, List<String>> texts = flags.stream().collect(Collectors.toMap(
                f -> f.school().id() + " " + f.subject() + " " + f.grade(),
                f -> f.signs().stream().map(s -> s.rule() + " " + s.value() + " " + s.regionValue() + " " + s.text()).toList()));
        assertThat(texts).containsOnlyKeys(m.a().id() + " MATHEMATICS 5", m.a().id() + " RUSSIAN 6", m.c().id() + " RUSSIAN 6");
        assertThat(texts.get(m.a().id() + " MATHEMATICS 5")).containsExactly(
                "TOP_MARKS 50.0 25.0 доля «5» по математике 5 кл. 50 % при 25 % по региону",
                "RECHECK 40.0 30.0 перепроверка по математике 5 кл.: отметка эксперта расходится с отметкой школы в 2 из 5 работ, 40 % (порог 30 %)",
                "YEAR_JUMP 80.0 50.0 доля «4» и «5» по математике 5 кл. 80 % при 50 % в 2020 году");
        assertThat(texts.get(m.a().id() + " RUSSIAN 6")).containsExactly(
                "RAISED 20.0 20.0 доля «повысили» по русскому языку 6 кл. 20 % (порог 20 %)",
                "LOWERED 50.0 50.0 доля «понизили» по русскому языку 6 кл. 50 % (порог 50 %)");
        assertThat(texts.get(m.c().id() + " RUSSIAN 6")).containsExactly(
                "RAISED 20.0 20.0 доля «повысили» по русскому языку 6 кл. 20 % (порог 20 %)");
        // the re-check's sample for «schools with signs»
        assertThat(signs.of(m.r().region().id(), 2021, Subject.MATHEMATICS, 5)).containsExactly(m.a().id());
        assertThat(signs.of(m.r().region().id(), 2021, Subject.MATHEMATICS, 6)).isEmpty();
    }

    @Test
    void eachRoleSeesItsScopesFlagsOnlyAndAnotherRegionNone() {
        Made m = region();
        assertThat(schools(plans.user(m.r().regionUser()))).containsExactlyInAnyOrder(m.a().id(), m.c().id());
        assertThat(schools(plans.user(m.r().municipalityUser()))).containsExactly(m.a().id());
        assertThat(schools(plans.user(m.r().schoolUser()))).containsExactly(m.a().id());
        assertThat(schools(plans.user("tver.coko"))).doesNotContain(m.a().id(), m.c().id());
    }

    private List<Long> schools(CurrentUser user) {
        return signs.flags(user, 2021).stream().map(f -> f.school().id()).distinct().toList();
    }

    @Test
    void theRegionsThresholdsDecideVersionedAndAudited() {
        Made m = region();
        CurrentUser staff = plans.user(m.r().regionUser());
        assertThat(rules.setting(staff).own()).isFalse();
        assertThat(rules.setting(staff).rules()).isEqualTo(Rules.DEFAULTS);
        assertThat(Rules.DEFAULTS.wordings().get(1).text()).isEqualTo(
                "Доля «5» не меньше 2 × региональной и на 15 п. п. выше неё, при числе участников от 10.");

        // a factor just above 2: 50 % is no longer 2.01 × 25 %; raised share 25 %: 20 % is below it
        Rules stricter = new Rules(10, new BigDecimal("2.01"), new BigDecimal("15"), new BigDecimal("25"),
                new BigDecimal("50"), new BigDecimal("30"), 5, new BigDecimal("30"), new BigDecimal("30"), 2,
                new BigDecimal("10"), 2);
        assertThatThrownBy(() -> rules.update(plans.user(m.r().municipalityUser()), stricter, null))
                .isInstanceOf(RuleViolationException.class);
        RuleService.Setting saved = rules.update(staff, stricter, null);
        assertThat(saved.own()).isTrue();
        List<String> rulesNow = signs.ofRegion(m.r().region().id(), 2021).stream()
                .flatMap(f -> f.signs().stream()).map(s -> s.rule().name()).toList();
        assertThat(rulesNow).containsExactlyInAnyOrder("RECHECK", "YEAR_JUMP", "LOWERED");

        assertThatThrownBy(() -> rules.update(staff, Rules.DEFAULTS, saved.version() + 1))
                .isInstanceOf(ConcurrentEditException.class);
        Rules wrong = new Rules(0, new BigDecimal("1"), BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                1, BigDecimal.TEN, BigDecimal.TEN, 1, BigDecimal.TEN, 1);
        assertThatThrownBy(() -> rules.update(staff, wrong, saved.version()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("minParticipants"));
        rules.update(staff, Rules.DEFAULTS, saved.version());
        assertThat(signs.ofRegion(m.r().region().id(), 2021)).hasSize(3);
        assertThat(rules.history(staff)).hasSize(2);
        assertThat(rules.history(staff).getFirst().changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("Доля «5»: во сколько раз выше региона");
            assertThat(c.before()).isEqualTo("2,01");
            assertThat(c.after()).isEqualTo("2");
        });
    }
}

package ru.rsoko.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.plan.Procedure;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;

/**
 * A director enters the school's ВПР participation by grade: a grade with more participants than pupils is refused
 * and nothing is saved; then the figures are saved with one grade under full coverage, and the school shows below
 * the 100 % target — to the director, to the municipal officer among the municipality's schools, and to regional
 * staff in the municipality's line.
 */
@IntegrationTest
class ParticipationJourneyTest {

    /** A year of Tver no other test plans in (2019: PlanJourneyTest, 2021: demo data, 2017: TaskJourneyTest). */
    static final int YEAR = 2018;
    static final String SCHOOL = DemoOrganisations.SONKOVO_SCHOOL;

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    PlanFixtures plans;
    @Autowired
    Fixtures fixtures;

    Plan plan;
    Procedure vpr;

    @BeforeEach
    void approvedPlanWithVpr() {
        plan = plans.plan(fixtures.org(DemoOrganisations.TVER).id(), YEAR, true);
        vpr = plans.vpr(plan, LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 21));
    }

    /** Types a grade's figures into the form (grades 4–8 are rows 0–4) and ticks «присутствовали» for observers. */
    void grade(int grade, int pupils, int participants) {
        int row = grade - 4;
        assertThat(browser.text(By.cssSelector("#participation-form tbody tr:nth-child(" + (row + 1) + ") strong")))
                .isEqualTo(grade + " класс");
        browser.fill(By.name("rows[" + row + "].pupils"), String.valueOf(pupils));
        browser.fill(By.name("rows[" + row + "].participants"), String.valueOf(participants));
        By observers = By.name("rows[" + row + "].observers");
        if (!browser.isChecked(observers)) {
            browser.click(observers);
        }
    }

    @Test
    void aDirectorEntersParticipationAndTheMunicipalityAndRegionSeeTheSchoolUnderTheTarget() {
        // the director finds the ВПР in the approved plan and opens the school's participation
        browser.loginAs("sonkovo.school");
        browser.click(By.id("monitoring-menu"));
        browser.clickAndLoad(By.id("nav-plans"));
        browser.clickAndLoad(By.linkText(plan.title()));
        browser.clickAndLoad(By.linkText(vpr.title()));
        browser.clickAndLoad(By.id("participation-link"));
        assertThat(browser.text(By.id("procedure-title"))).isEqualTo(vpr.title());
        assertThat(browser.text(By.id("target"))).contains("целевой показатель охвата 100 %");
        assertThat(browser.text(By.id("summary"))).contains(SCHOOL, "охват —", "нет данных");
        assertThat(browser.rows(By.id("grades"))).hasSize(5).allMatch(r -> r.endsWith("нет данных"));
        browser.clickAndLoad(By.id("enter-link"));
        assertThat(browser.text(By.id("school-name"))).isEqualTo(SCHOOL);

        // more participants than pupils in the 5th grade: refused with the reason, and nothing at all is saved
        grade(4, 25, 25);
        grade(5, 20, 21);
        browser.clickAndLoad(By.id("save"));
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("Данные не сохранены: исправьте ошибки. Ничего не сохранено.");
        assertThat(browser.text(By.id("row-errors"))).isEqualTo("5 класс: Число участников: участников (21) больше, "
                + "чем обучающихся (20): число участников не может превышать число обучающихся");
        assertThat(browser.value(By.name("rows[1].participants"))).as("what was typed stays to be fixed").isEqualTo("21");
        assertThat(browser.text(By.id("school-coverage"))).isEqualTo("—");
        assertThat(browser.text(By.id("history-section"))).doesNotContain("sonkovo.school");

        // fixed, and the other grades filled in: 110 of 112 take part
        grade(5, 20, 18);
        grade(6, 22, 22);
        grade(7, 24, 24);
        grade(8, 21, 21);
        browser.clickAndLoad(By.id("save"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Сохранено: классов добавлено — 5, изменено — 0");
        assertThat(browser.text(By.id("school-coverage"))).isEqualTo("98,2 %");
        assertThat(browser.has(By.id("missing"))).as("every grade has data").isFalse();
        assertThat(browser.text(By.cssSelector("#participation-form tbody tr:nth-child(2)"))).contains("90,0 %");
        assertThat(browser.text(By.id("history-section"))).contains("sonkovo.school", "5 класс: участников");

        browser.clickAndLoad(By.linkText(vpr.title()));
        assertThat(browser.text(By.id("summary")))
                .isEqualTo(SCHOOL + ": охват 98,2 % (участников 110 из 112) ниже целевого показателя · охват 98,2 % ниже целевого 100 %");
        assertThat(browser.rows(By.id("grades")))
                .containsExactly("4 класс 25 25 100,0 % да", "5 класс 20 18 90,0 % да", "6 класс 22 22 100,0 % да",
                        "7 класс 24 24 100,0 % да", "8 класс 21 21 100,0 % да");

        // the municipal officer: Берёзовская among the schools under the target, with its computed coverage
        browser.loginAs("sonkovo.mouo");
        browser.open("/procedures/" + vpr.id());
        browser.clickAndLoad(By.id("participation-link"));
        browser.clickAndLoad(button("Только ниже целевого показателя"));
        assertThat(browser.rows(By.id("schools"))).filteredOn(r -> r.contains(SCHOOL)).singleElement().asString()
                .contains("ниже целевого показателя", "112 110 98,2 % все классы да");
        assertThat(browser.text(By.id("summary"))).contains("участников 110 из 112 обучающихся");

        // regional staff: Сонковский's line has the school's figures, and the municipality has schools under the target
        browser.loginAs("tver.coko");
        browser.open("/procedures/" + vpr.id());
        browser.clickAndLoad(By.id("participation-link"));
        String sonkovo = browser.rows(By.id("coverage")).stream().filter(r -> r.startsWith("Сонковский"))
                .findFirst().orElseThrow(() -> new AssertionError("нет строки Сонковского муниципального округа"));
        assertThat(sonkovo).containsPattern("^Сонковский[^0-9]* 112 110 98,2 % (\\d+) \\1 (\\d+) 1$");
        assertThat(browser.text(By.id("total"))).startsWith("Итого 112 110 98,2 %");

        browser.clickAndLoad(By.partialLinkText("Сонковский"));
        assertThat(browser.rows(By.id("schools"))).filteredOn(r -> r.contains(SCHOOL)).singleElement().asString()
                .contains("112 110 98,2 %");
    }
}

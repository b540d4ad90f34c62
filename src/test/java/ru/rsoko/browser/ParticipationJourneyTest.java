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

    static Plan plan;
    static Procedure vpr;

    /** The plan of {@link #YEAR}, made once for the class: a region has one plan a year. */
    @BeforeEach
    void approvedPlanWithVpr() {
        if (plan == null) {
            plan = plans.plan(fixtures.org(DemoOrganisations.TVER).id(), YEAR, true);
            vpr = plans.vpr(plan, LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 21));
        }
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
        assertThat(browser.text(By.id("history-section"))).contains("Морозов Сергей Павлович", "5 класс: участников");

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
    /**
     * Pupils entered once: the director types the school's pupils of grades 4 and 5 on its card in the directory, and
     * the participation form of a ВПР of that school year shows them prefilled, marked «из справочника»; a grade saved
     * with its participants loses the mark, the others keep it.
     */
    @Test
    void pupilsEnteredOnTheSchoolsCardArePrefilledOnTheParticipationForm() {
        int year = PlanFixtures.freshYear();
        Plan fresh = plans.plan(fixtures.org(DemoOrganisations.TVER).id(), year, true);
        Procedure procedure = plans.vpr(fresh, LocalDate.of(year, 3, 15), LocalDate.of(year, 5, 21));
        String schoolYear = (year - 1) + "-" + year;
        long school = fixtures.org(SCHOOL).id();

        browser.loginAs("sonkovo.school");
        browser.open("/directory/" + school + "?schoolYear=" + schoolYear);
        assertThat(browser.text(By.id("pupils-year"))).isEqualTo(schoolYear);
        browser.fill(By.name("grades[3].pupils"), "26");
        browser.fill(By.name("grades[4].pupils"), "двадцать три");
        browser.clickAndLoad(By.id("pupils-save"));
        assertThat(browser.text(By.id("pupils-error"))).contains("Ничего не сохранено",
                "5 класс: число обучающихся должно быть целым числом, а не «двадцать три»");
        assertThat(browser.value(By.name("grades[4].pupils"))).as("what was typed stays to be fixed").isEqualTo("двадцать три");
        browser.fill(By.name("grades[4].pupils"), "23");
        browser.clickAndLoad(By.id("pupils-save"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Контингент " + schoolYear + " сохранён: изменено 2 класса");
        assertThat(browser.text(By.id("pupils-total"))).isEqualTo("Всего: 49 обучающихся");
        assertThat(browser.text(By.id("pupils-history"))).contains("Морозов Сергей Павлович", "4 класс", "26");

        browser.open("/procedures/" + procedure.id() + "/participation/schools/" + school);
        assertThat(browser.text(By.id("school-year"))).isEqualTo(schoolYear);
        assertThat(browser.value(By.name("rows[0].pupils"))).isEqualTo("26");
        assertThat(browser.text(By.id("pupils-source-4"))).isEqualTo("из справочника");
        assertThat(browser.value(By.name("rows[1].pupils"))).isEqualTo("23");
        assertThat(browser.text(By.id("pupils-source-5"))).isEqualTo("из справочника");
        assertThat(browser.value(By.name("rows[2].pupils"))).isEmpty();
        assertThat(browser.has(By.id("pupils-source-6"))).isFalse();

        // the 4th grade's participants typed, the prefilled pupils kept: one grade saved, the 5th still from the directory
        browser.fill(By.name("rows[0].participants"), "26");
        browser.clickAndLoad(By.id("save"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Сохранено: классов добавлено — 1, изменено — 0");
        assertThat(browser.has(By.id("pupils-source-4"))).isFalse();
        assertThat(browser.text(By.id("pupils-source-5"))).isEqualTo("из справочника");
    }
}

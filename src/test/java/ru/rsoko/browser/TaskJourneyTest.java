package ru.rsoko.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.participation.domain.ParticipationService;
import ru.rsoko.participation.domain.ParticipationService.RowInput;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.plan.Procedure;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;

/**
 * Regional staff add a year's task on ВПР coverage with a 100 % target: with no participation entered it has no
 * data; once schools' figures are in, the page computes the region's coverage and marks the task not reached. A
 * director reads the same task, read-only, with the school's own figure.
 */
@IntegrationTest
class TaskJourneyTest {

    /** A year of Tver no other test plans in or keeps tasks for (ParticipationJourneyTest: 2018, demo: 2021). */
    static final int YEAR = 2017;
    static final String TEXT = "Обеспечить участие в ВПР " + YEAR + " года всех обучающихся 4–8 классов";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    PlanFixtures plans;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ParticipationService participation;

    Procedure vpr;

    @BeforeEach
    void approvedPlanWithVpr() {
        Plan plan = plans.plan(fixtures.org(DemoOrganisations.TVER).id(), YEAR, true);
        vpr = plans.vpr(plan, LocalDate.of(YEAR, 3, 15), LocalDate.of(YEAR, 5, 21));
    }

    String taskRow() {
        return browser.rows(By.id("tasks")).stream().filter(r -> r.contains(TEXT)).findFirst()
                .orElseThrow(() -> new AssertionError("нет задачи «" + TEXT + "» среди задач " + YEAR + " года"));
    }

    @Test
    void regionalStaffAddACoverageTaskAndSeeItComputedAndADirectorReadsIt() {
        browser.loginAs("tver.coko");
        browser.click(By.id("monitoring-menu"));
        browser.clickAndLoad(By.id("nav-tasks"));
        browser.clickAndLoad(By.id("add-task"));
        browser.fill(By.id("year"), String.valueOf(YEAR));
        browser.fill(By.id("text"), TEXT);
        browser.choose(By.id("metric"), "Охват участием в ВПР");
        browser.fill(By.id("target"), "100");
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Задача добавлена");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Задачи РСОКО на " + YEAR + " год");
        assertThat(browser.text(By.id("scope-label"))).isEqualTo("Тверская область");
        // nobody has entered participation in the year's ВПР yet: no figure, and no verdict either way
        assertThat(taskRow()).isEqualTo("1 " + TEXT + " Охват участием в ВПР 100 % нет данных нет данных");

        // meanwhile two schools' figures are entered: 27 of 30 fourth-graders at Берёзовская, 20 of 20 at Ручьёвская
        participation.saveRows(plans.user("tver.coko"), vpr.id(), List.of(
                new RowInput(fixtures.org(DemoOrganisations.SONKOVO_SCHOOL).id(), 4, 30, 27, true, null),
                new RowInput(fixtures.org(DemoOrganisations.KALININ_SCHOOL).id(), 5, 20, 20, true, null)));

        browser.driver().navigate().refresh();
        assertThat(taskRow()).isEqualTo("1 " + TEXT + " Охват участием в ВПР 100 % 94,0 % не достигнута");
        browser.clickAndLoad(By.linkText(TEXT));
        assertThat(browser.text(By.id("current"))).isEqualTo("94,0 %");
        assertThat(browser.text(By.tagName("main"))).contains("Охват участием в ВПР", "не достигнута");
        assertThat(browser.has(button("Изменить"))).isTrue();

        // the director reads the task with the school's own figure, and may change nothing
        browser.loginAs("sonkovo.school");
        browser.click(By.id("monitoring-menu"));
        browser.clickAndLoad(By.id("nav-tasks"));
        browser.choose(By.id("year"), String.valueOf(YEAR));
        browser.clickAndLoad(button("Показать"));
        assertThat(browser.text(By.id("scope-label"))).isEqualTo(DemoOrganisations.SONKOVO_SCHOOL);
        assertThat(taskRow()).isEqualTo("1 " + TEXT + " Охват участием в ВПР 100 % 90,0 % не достигнута");
        assertThat(browser.has(By.id("add-task"))).isFalse();
        assertThat(browser.all(By.cssSelector("#tasks form, #tasks a[title='Изменить']"))).isEmpty();
        browser.clickAndLoad(By.linkText(TEXT));
        assertThat(browser.text(By.id("current"))).isEqualTo("90,0 %");
        assertThat(browser.has(button("Изменить"))).isFalse();
    }
}

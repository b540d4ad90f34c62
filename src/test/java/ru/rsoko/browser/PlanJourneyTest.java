package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.domain.PlanFixtures;
import ru.rsoko.plan.Procedure;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regional staff find the ВПР of a past year's plan not marked, mark it done on its last day, and see the plan's
 * execution and the report by month change from «не выполнено в срок» to «выполнено в срок».
 */
@IntegrationTest
class PlanJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    PlanFixtures plans;
    @Autowired
    Fixtures fixtures;

    String figure(String name) {
        return browser.text(By.cssSelector("[data-figure='" + name + "']"));
    }

    @Test
    void regionalStaffMarkAProcedureDoneAndTheExecutionReportChanges() {
        long tver = fixtures.org("Тверская область").id();
        Plan plan = plans.plan(tver, 2019, true);
        Procedure rpr = plans.procedure(plan, "RPR", "РПР по математике в 7 классах", LocalDate.of(2019, 2, 4), LocalDate.of(2019, 2, 15));
        plans.vpr(plan, LocalDate.of(2019, 3, 15), LocalDate.of(2019, 5, 21));

        browser.loginAs("tver.coko");
        browser.click(By.id("monitoring-menu"));
        browser.clickAndLoad(By.id("nav-plans"));
        browser.clickAndLoad(By.linkText(plan.title()));
        assertThat(browser.text(By.id("plan-order"))).contains("от 10.12.2018 № 1/ПК");
        assertThat(figure("total")).isEqualTo("2");
        assertThat(figure("overdue")).isEqualTo("2");
        assertThat(figure("on-time")).isEqualTo("0");

        browser.clickAndLoad(By.id("execution-link"));
        assertThat(browser.rows(By.id("by-month"))).anyMatch(r -> r.startsWith("Май 2019 1 0 0 0 0 1"));

        browser.open("/plans/" + plan.id());
        browser.clickAndLoad(By.linkText("Всероссийские проверочные работы в 4–8 классах"));
        // a day before the procedure began is refused with the reason, and nothing is marked
        browser.setDate(By.id("done-on"), LocalDate.of(2019, 3, 1));
        browser.clickAndLoad(By.id("mark-done"));
        assertThat(browser.waitForText(By.cssSelector(".alert-danger"), "раньше начала")).contains("15.03.2019");

        browser.setDate(By.id("done-on"), LocalDate.of(2019, 5, 21));
        browser.clickAndLoad(By.id("mark-done"));
        assertThat(browser.waitForText(By.cssSelector(".alert-success"), "выполнено")).contains("Процедура: выполнено");
        assertThat(browser.text(By.id("procedure-facts"))).contains("21.05.2019");

        browser.clickAndLoad(By.linkText(plan.title()));
        assertThat(figure("on-time")).isEqualTo("1");
        assertThat(figure("overdue")).isEqualTo("1");
        browser.clickAndLoad(By.id("execution-link"));
        assertThat(browser.rows(By.id("by-month")))
                .anyMatch(r -> r.startsWith("Май 2019 1 1 0 0 0 0"))
                .anyMatch(r -> r.startsWith("Февраль 2019 1 0 0 0 0 1"));

        // the February РПР is moved on the page: it leaves «не выполнено» for «перенесено»
        browser.open("/procedures/" + rpr.id());
        browser.setDate(By.cssSelector("#move-form [name=movedStart]"), LocalDate.of(2019, 9, 2));
        browser.setDate(By.cssSelector("#move-form [name=movedEnd]"), LocalDate.of(2019, 9, 13));
        browser.clickAndLoad(By.id("move"));
        assertThat(browser.text(By.id("procedure-facts"))).contains("02.09.2019 – 13.09.2019");
        browser.clickAndLoad(By.linkText(plan.title()));
        assertThat(figure("moved")).isEqualTo("1");
        assertThat(figure("overdue")).isEqualTo("0");
    }
}

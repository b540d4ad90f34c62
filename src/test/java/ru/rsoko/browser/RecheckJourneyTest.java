package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ru.rsoko.support.IntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;

/**
 * Regional staff draw a sample of ВПР-2021 works, add an expert, give the works to the commission, enter one work's marks
 * in its row and see the discrepancy of its school computed.
 */
@IntegrationTest
class RecheckJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void regionalStaffDrawASampleAddAnExpertEnterMarksAndSeeTheDiscrepancy() {
        browser.loginAs("tver.coko");
        browser.open("/results/rechecks?year=2021");
        // the demo re-check of the year is listed with its report
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Перепроверки работ 2021 года");
        browser.clickAndLoad(By.id("new-recheck"));
        browser.choose(By.id("procedureId"), "2021 — Всероссийские проверочные работы в 4–8 классах (4–8 кл.)");
        browser.choose(By.id("subject"), "Русский язык");
        browser.fill(By.id("grade"), "6");
        browser.click(By.id("rule-RANDOM"));
        browser.fill(By.id("schools"), "2");
        browser.fill(By.id("worksPerSchool"), "2");
        browser.fill(By.id("seed"), "17");
        browser.clickAndLoad(button("Сформировать выборку"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Выборка сформирована");
        assertThat(browser.text(By.tagName("h1"))).endsWith(": Русский язык, 6 кл.");
        assertThat(browser.text(By.id("seed"))).contains("seed) 17");
        List<String> works = browser.rows(By.id("works-table"));
        assertThat(works).hasSize(4);
        assertThat(works.getFirst()).startsWith("0001-01").contains("выпала при жеребьёвке (seed 17)");

        browser.fill(By.id("expert-name"), "Орлова Наталья Сергеевна");
        browser.fill(By.id("expert-position"), "учитель русского языка");
        browser.clickAndLoad(button("Добавить эксперта"));
        assertThat(browser.rows(By.id("experts-table"))).singleElement().asString().startsWith("Орлова Наталья Сергеевна");
        browser.clickAndLoad(By.id("assign-evenly"));
        assertThat(browser.rows(By.id("experts-table"))).singleElement().asString().endsWith("4");

        // the first work's marks, saved in its row: the expert lowered «4» to «3»
        WebElement row = browser.all(By.cssSelector("#works-table tbody tr")).getFirst();
        String rowId = row.getDomAttribute("id");
        browser.fill(By.cssSelector("#" + rowId + " input[name=schoolScore]"), "14");
        browser.fill(By.cssSelector("#" + rowId + " input[name=schoolMark]"), "4");
        browser.fill(By.cssSelector("#" + rowId + " input[name=expertScore]"), "10,5");
        browser.fill(By.cssSelector("#" + rowId + " input[name=expertMark]"), "3");
        browser.click(By.cssSelector("#" + rowId + " button.save-work"));
        browser.waitForText(By.cssSelector("#" + rowId + " .row-saved"), "Сохранено");
        assertThat(browser.text(By.cssSelector("#" + rowId + " .verdict"))).isEqualTo("понизили");

        // a reload (the address may end in «#works», which alone would not load the page again)
        browser.open(browser.currentPath().replaceAll("#.*", ""));
        // the school of the first work: 2 works, 1 checked, 1 differs (100 %), lowered 1, raised 0, −3,50 points
        assertThat(browser.rows(By.id("figures")).getFirst()).contains("Русский язык, 6 кл. 2 1 1 100,0 % 1 0 -3,50");
    }
}

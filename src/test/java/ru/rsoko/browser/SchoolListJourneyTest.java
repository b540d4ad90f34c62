package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;

/**
 * Regional staff put a school on a year's ШНОР list on the page (a second time is refused), and the school's place
 * shows where the others look: on the director's home page and in the municipal officer's list of the year.
 */
@IntegrationTest
class SchoolListJourneyTest {

    /** A year of Tver's lists no other test uses (the demo lists are of 2021). */
    static final int YEAR = 2017;
    static final String SCHOOL = DemoOrganisations.SONKOVO_SCHOOL;
    static final String BASIS = "ВПР-2017: доля отметок «2» по математике в 5 классах выше региональной";

    @RegisterExtension
    static final Browser browser = new Browser();

    /** The add form: the school chosen in the picker, the year, ШНОР and the basis. */
    void fillEntry() {
        browser.fill(By.cssSelector("#entry-form input[placeholder='Найти организацию по наименованию']"), "Берёзовская");
        WebElement match = browser.waitUntil("школа среди найденных организаций", d -> d
                .findElements(By.cssSelector(".picker-results [data-pick-id]")).stream()
                .filter(pick -> SCHOOL.equals(pick.getDomAttribute("data-pick-name")))
                .findFirst().orElse(null));
        match.click();
        assertThat(browser.text(By.cssSelector("[data-picked]"))).isEqualTo(SCHOOL);
        browser.fill(By.id("year"), String.valueOf(YEAR));
        browser.choose(By.id("kind"), "Школы с низкими образовательными результатами (ШНОР)");
        browser.fill(By.id("basis"), BASIS);
    }

    @Test
    void regionalStaffAddASchoolToShnorAndTheDirectorAndTheMunicipalitySeeIt() {
        browser.loginAs("tver.coko");
        browser.click(By.id("monitoring-menu"));
        browser.clickAndLoad(By.id("nav-school-lists"));
        browser.clickAndLoad(By.id("add-link"));
        fillEntry();
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Школа добавлена в список");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Списки школ " + YEAR + " года");
        assertThat(browser.rows(By.id("entries"))).singleElement().asString()
                .startsWith(YEAR + " ШНОР " + SCHOOL + " Сонковский").contains(BASIS, "Григорьева Светлана Михайловна");
        assertThat(browser.rows(By.id("history"))).singleElement().asString().contains("Григорьева Светлана Михайловна", SCHOOL);

        // the same school on the same list again is refused with the reason
        browser.clickAndLoad(By.id("add-link"));
        fillEntry();
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.text(By.cssSelector(".alert-danger"))).isEqualTo("Школа уже есть в списке «ШНОР» " + YEAR + " года");
        browser.clickAndLoad(button("Отмена"));
        assertThat(browser.rows(By.id("entries"))).filteredOn(r -> r.contains(SCHOOL)).hasSize(1);

        // the director sees the school's place on the home page, next to the demo year's
        browser.loginAs("sonkovo.school");
        assertThat(browser.text(By.id("own-school-flags")))
                .contains("Ваша школа в списке ШНОР " + YEAR + " — " + BASIS, "Ваша школа в списке ШНОР 2021");

        // the municipal officer finds the entry in the year's list, read-only
        browser.loginAs("sonkovo.mouo");
        browser.click(By.id("monitoring-menu"));
        browser.clickAndLoad(By.id("nav-school-lists"));
        assertThat(browser.has(By.id("add-link"))).isFalse();
        browser.choose(By.id("year"), String.valueOf(YEAR));
        browser.waitForText(By.id("results"), BASIS);
        assertThat(browser.rows(By.id("entries"))).singleElement().asString()
                .startsWith(YEAR + " ШНОР " + SCHOOL + " Сонковский").contains(BASIS);
        assertThat(browser.has(By.cssSelector("#entries a[title='Изменить']"))).isFalse();
        assertThat(browser.currentPath()).contains("year=" + YEAR);
    }
}

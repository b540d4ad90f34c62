package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.IntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;

/** The administrator keeps the directory; other users see only their part of it. */
@IntegrationTest
class DirectoryJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String TVER = "Тверская область";
    static final String SONKOVO = "Сонковский муниципальный округ";
    static final String SEVERSK_SCHOOL = "МБОУ «Средняя школа № 201»";

    static final By ORG_NAME = By.id("org-name");
    static final By ORG_UNITS = By.id("org-units");
    static final By HISTORY = By.id("history");

    @Autowired
    MockMvc mvc;

    @Test
    void theAdministratorAddsASchoolToAMunicipalityAndFindsItInTheDirectory() {
        String suffix = String.format("%09d", System.nanoTime() % 1_000_000_000L);
        String name = "МОУ «Проверочная СОШ " + suffix + "»";
        browser.loginAs("admin");

        // the municipality's card, reached from the directory list
        browser.clickAndLoad(Browser.navLink("Справочник организаций"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Справочник организаций");
        browser.fill(By.id("q"), "Сонковский");
        browser.waitUntil("список сократился до организаций с «Сонковский» в названии", d -> {
            List<String> rows = browser.rows(ORG_UNITS);
            return rows.stream().allMatch(row -> row.toLowerCase().contains("сонковск"))
                    && rows.stream().anyMatch(row -> row.startsWith(SONKOVO + " Муниципалитет"));
        });
        browser.clickAndLoad(By.linkText(SONKOVO));
        assertThat(browser.text(ORG_NAME)).isEqualTo(SONKOVO);

        // «Школа» opens the form with the type and the municipality already chosen
        browser.clickAndLoad(button("Школа"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Новая организация");
        assertThat(browser.chosen(By.id("type"))).isEqualTo("Школа");
        assertThat(browser.chosen(By.id("parentId"))).isEqualTo(SONKOVO);
        browser.fill(By.id("name"), name);
        browser.fill(By.id("shortName"), "Проверочная СОШ " + suffix);
        browser.fill(By.id("headName"), "Проверкина Анна Сергеевна");
        browser.fill(By.id("inn"), "6900" + String.format("%06d", Long.parseLong(suffix) % 1_000_000));
        browser.fill(By.id("email"), "school" + suffix + "@example.tver.ru");
        browser.clickAndLoad(button("Сохранить"));

        // the new school's card
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Организация «" + name + "» создана");
        assertThat(browser.text(ORG_NAME)).isEqualTo(name);
        assertThat(browser.breadcrumb()).containsExactly(TVER, SONKOVO, name);
        assertThat(browser.text(By.cssSelector(".org-details")))
                .contains("Школа", "Проверкина Анна Сергеевна", "school" + suffix + "@example.tver.ru", "активна");
        assertThat(browser.text(By.xpath("//h2[normalize-space(.)='История изменений']"))).isNotEmpty();
        List<String> history = browser.rows(HISTORY);
        assertThat(history).hasSize(1);
        assertThat(history.getFirst()).contains("Администратор Системы", "Создание", name, "Проверкина Анна Сергеевна");

        // and in the municipality's list of schools
        browser.clickAndLoad(Browser.breadcrumbLink(SONKOVO));
        assertThat(browser.text(ORG_NAME)).isEqualTo(SONKOVO);
        assertThat(browser.rows(ORG_UNITS)).anyMatch(row -> row.startsWith(name + " Школа"));

        // typing part of the name in the directory's search narrows the list without reloading the page
        browser.clickAndLoad(Browser.navLink("Справочник организаций"));
        assertThat(browser.rows(ORG_UNITS)).hasSizeGreaterThan(1);
        browser.fill(By.id("q"), "проверочная сош " + suffix);
        browser.waitUntil("в списке осталась одна новая школа", d -> browser.rows(ORG_UNITS)
                .equals(List.of(name + " Школа " + SONKOVO + " Проверкина Анна Сергеевна активна")));
        assertThat(browser.text(By.id("results"))).contains("Найдено: 1");
        assertThat(browser.currentPath()).startsWith("/directory?").contains("q=");

        // deactivated after a confirmation, so that the demo municipality keeps its schools for other tests
        browser.clickAndLoad(By.linkText(name));
        String question = browser.clickAndConfirm(button("Деактивировать"));
        assertThat(question).isEqualTo("Деактивировать организацию? Её учётные записи не смогут войти.");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Организация деактивирована");
        assertThat(browser.text(By.cssSelector(".org-details"))).contains("деактивирована");
        assertThat(browser.rows(HISTORY)).hasSize(2).first().asString().contains("Администратор Системы", "Изменение", "Активна");
    }

    @Test
    void aMunicipalityCannotOpenASchoolOfAnotherRegion() {
        long tomskSchool = new DirectoryApi(mvc).id("admin", "SCHOOL", SEVERSK_SCHOOL);
        browser.loginAs("sonkovo.mouo");

        browser.open("/directory/" + tomskSchool);

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Страница не найдена");
        assertThat(browser.text(By.cssSelector("main")))
                .contains("404", "Запрошенный объект не найден или недоступен вам.")
                .doesNotContain(SEVERSK_SCHOOL, "Not Found");
        assertThat(browser.all(By.cssSelector(".alert"))).as("сообщения об ошибке поверх страницы").isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(SEVERSK_SCHOOL);
        // still signed in, with a way back
        browser.clickAndLoad(button("На главную"));
        assertThat(browser.text(By.id("home-org"))).isEqualTo(SONKOVO);
    }
}

package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;

/**
 * A browser set to English (issue 13: «12/02/2026», «Choose File») still shows and reads dates as dd.MM.yyyy and
 * file fields in Russian: the application, not the browser's language, decides.
 */
@IntegrationTest
class RussianInputsJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser("en-US");

    @Test
    void aDateIsTypedAndShownAsDdMmYyyyInABrowserThatSpeaksEnglish() {
        browser.loginAs("tver.coko");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return navigator.language"))
                .as("the browser really is in English").isEqualTo("en-US");

        browser.open("/meetings/new");
        WebElement date = browser.waitFor(By.id("date"));
        assertThat(date.getDomAttribute("type")).isEqualTo("text");
        assertThat(date.getDomAttribute("placeholder")).isEqualTo("дд.мм.гггг");

        // a day that is no day is refused in Russian, and nothing is saved
        String title = Fixtures.unique("Совещание из англоязычного браузера");
        browser.fill(By.id("title"), title);
        browser.fill(By.id("date"), "31.02.2026");
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.text(By.cssSelector("#date + .invalid-feedback")))
                .isEqualTo("Укажите дату в виде дд.мм.гггг, например 12.02.2026");

        // typed key by key as a person types it, saved, and shown again as typed
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(10);
        browser.fill(By.id("date"), Formats.DATE.format(day));
        assertThat(browser.value(By.id("date"))).isEqualTo(Formats.DATE.format(day));
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).startsWith("Мероприятие создано");
        browser.open(browser.currentPath() + "/edit");
        assertThat(browser.value(By.id("date"))).isEqualTo(Formats.DATE.format(day));
    }

    @Test
    void aFileFieldReadsInRussianAndStillTakesAFile() throws Exception {
        browser.loginAs("tver.coko");
        browser.open("/meetings/import");
        assertThat(browser.text(By.cssSelector(".ru-file .ru-file-button"))).isEqualTo("Выберите файл");
        assertThat(browser.text(By.cssSelector(".ru-file .ru-file-name"))).isEqualTo("Файл не выбран");
        assertThat(browser.driver().getPageSource()).doesNotContain("Choose File");

        Path file = Files.createTempFile("protocol-", ".docx");
        try {
            browser.chooseFile(By.id("file"), file);
            assertThat(browser.text(By.cssSelector(".ru-file .ru-file-name"))).isEqualTo(file.getFileName().toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

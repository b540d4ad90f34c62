package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ru.rsoko.support.IntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;
import static ru.rsoko.browser.Browser.navLink;

/** An administrator opens an account for a school director, who then signs in for the first time. */
@IntegrationTest
class AccountJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String SCHOOL = "МОУ «Заречная СОШ»";
    static final String SONKOVO = "Сонковский муниципальный округ";

    @Test
    void aNewSchoolDirectorSignsInWithATemporaryPasswordAndSetsTheirOwn() {
        String username = "director." + System.nanoTime();
        String fullName = "Заречнова Вера Павловна";
        browser.loginAs("admin");

        // the administrator creates the account, choosing the school in the picker
        browser.clickAndLoad(navLink("Учётные записи"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Учётные записи");
        browser.clickAndLoad(button("Новая учётная запись"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Новая учётная запись");
        browser.fill(By.id("username"), username);
        browser.fill(By.id("fullName"), fullName);
        browser.fill(By.id("position"), "Директор");
        browser.choose(By.id("role"), "Руководитель ОО");
        assertThat(browser.text(By.cssSelector("[data-picked]"))).isEqualTo("не выбрана");
        browser.fill(By.cssSelector("input[placeholder='Найти организацию по наименованию']"), "Заречная");
        WebElement match = browser.waitUntil("школа среди найденных организаций", d -> d
                .findElements(By.cssSelector(".picker-results [data-pick-id]")).stream()
                .filter(pick -> SCHOOL.equals(pick.getDomAttribute("data-pick-name")))
                .findFirst().orElse(null));
        assertThat(match.getText()).contains(SCHOOL, "Школа", SONKOVO);
        match.click();
        assertThat(browser.text(By.cssSelector("[data-picked]"))).isEqualTo(SCHOOL);
        assertThat(browser.all(By.cssSelector(".picker-results [data-pick-id]"))).isEmpty();
        browser.clickAndLoad(button("Создать"));

        // the account's card shows the temporary password once
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Учётная запись «" + username + "» создана");
        assertThat(browser.text(By.id("account-name"))).isEqualTo(fullName);
        assertThat(browser.text(By.cssSelector("main"))).contains(username, "Руководитель ОО",
                "не входил(а)");
        assertThat(browser.text(By.id("issued-password"))).startsWith("Временный пароль:");
        String temporary = browser.text(By.cssSelector("#issued-password code"));
        assertThat(temporary).matches("[A-Za-z0-9]{12}");
        browser.logout();

        // the director signs in with it and has to choose a password before anything else
        browser.login(username, temporary);
        assertThat(browser.currentPath()).isEqualTo("/account/password");
        assertThat(browser.text(By.id("forced-change"))).contains("Вы вошли с временным паролем");
        browser.open("/");
        assertThat(browser.currentPath()).isEqualTo("/account/password");
        String own = "Zarechnaya-" + System.nanoTime();
        browser.fill(By.id("current"), temporary);
        browser.fill(By.id("password"), own);
        browser.fill(By.id("repeat"), own);
        browser.clickAndLoad(button("Сохранить пароль"));

        // then the school's home page
        assertThat(browser.currentPath()).isEqualTo("/");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Пароль изменён");
        assertThat(browser.text(By.id("home-org"))).isEqualTo(SCHOOL);
        assertThat(browser.breadcrumb()).isEqualTo(List.of("Тверская область", SONKOVO, SCHOOL));
        assertThat(browser.text(By.cssSelector("nav .user-menu"))).isEqualTo(fullName);
        assertThat(browser.has(navLink("Справочник организаций"))).isFalse();

        // from now on the own password is the one that works
        browser.logout();
        browser.login(username, temporary);
        assertThat(browser.text(By.id("login-error"))).isEqualTo("Неверное имя пользователя или пароль.");
        browser.login(username, own);
        assertThat(browser.currentPath()).isEqualTo("/");
        assertThat(browser.text(By.id("home-org"))).isEqualTo(SCHOOL);
    }
}

package ru.rsoko.browser;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static ru.rsoko.browser.Browser.navLink;

/** Each kind of user signs in and lands on the start page of their organisation and role. */
@IntegrationTest
class LoginJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String OPERATOR = "Оператор РСОКО (служба администрирования)";
    static final String TVER = "Тверская область";
    static final String TOMSK = "Томская область";
    static final String TVER_COKO = "ГБУ Тверской области «Центр оценки качества образования»";
    static final String TOMSK_COKO = "ОГБУ ДПО «Томский областной институт повышения квалификации и переподготовки работников образования»";
    static final String SONKOVO = "Сонковский муниципальный округ";
    static final String KALININ = "Калининский муниципальный округ";
    static final String SEVERSK = "ЗАТО Северск";
    static final String BEREZOVSKAYA = "МОУ «Берёзовская СОШ»";
    static final String RUCHYOVSKAYA = "МОУ «Ручьёвская СОШ»";

    static final String DIRECTORY = "Справочник организаций";
    static final String ACCOUNTS = "Учётные записи";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    static Stream<Arguments> users() {
        return Stream.of(
                user("admin", OPERATOR, List.of(OPERATOR), LoginJourneyTest::deploymentAdministrator),
                user("tver.coko", TVER_COKO, List.of(TVER, TVER_COKO), LoginJourneyTest::tverRegionalCentre),
                user("tomsk.coko", TOMSK_COKO, List.of(TOMSK, TOMSK_COKO), LoginJourneyTest::tomskRegionalCentre),
                user("sonkovo.mouo", SONKOVO, List.of(TVER, SONKOVO), LoginJourneyTest::sonkovoMunicipality),
                user("kalinin.mouo", KALININ, List.of(TVER, KALININ), LoginJourneyTest::kalininMunicipality),
                user("sonkovo.school", BEREZOVSKAYA, List.of(TVER, SONKOVO, BEREZOVSKAYA), LoginJourneyTest::school));
    }

    private static Arguments user(String username, String organisation, List<String> path,
                                  Consumer<LoginJourneyTest> roleChecks) {
        return arguments(username, organisation, path, Named.of("что видит роль", roleChecks));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void signsInAndSeesTheHomePageOfTheirOrganisation(String username, String organisation, List<String> path,
                                                      Consumer<LoginJourneyTest> roleChecks) {
        browser.login(username, Browser.DEMO_PASSWORD);

        assertThat(browser.currentPath()).isEqualTo("/");
        assertThat(browser.text(By.id("home-org"))).isEqualTo(organisation);
        assertThat(browser.breadcrumb()).containsExactlyElementsOf(path);
        assertThat(browser.driver().getTitle()).isEqualTo("Главная — РСОКО");
        roleChecks.accept(this);
    }

    void deploymentAdministrator() {
        assertThat(browser.text(By.cssSelector("main"))).contains("Администратор развёртывания: все регионы");
        assertThat(browser.has(navLink(DIRECTORY))).as("ссылка «%s»", DIRECTORY).isTrue();
        assertThat(browser.has(navLink(ACCOUNTS))).as("ссылка «%s»", ACCOUNTS).isTrue();
        assertThat(Long.parseLong(browser.text(By.id("count-REGION")))).isGreaterThanOrEqualTo(2);
        assertThat(Long.parseLong(browser.text(By.id("count-SCHOOL")))).isPositive();
        assertThat(Long.parseLong(browser.text(By.id("accounts-ADMIN")))).isPositive();
        assertThat(Long.parseLong(browser.text(By.id("accounts-SCHOOL")))).isPositive();
        assertThat(browser.text(By.cssSelector("main"))).contains(TVER, TOMSK);
    }

    void tverRegionalCentre() {
        regionalCentre();
        assertThat(browser.text(By.cssSelector("main"))).contains("Тверская область · региональный уровень");
        long sonkovoSchools = directoryApi().activeSchools("admin", directoryApi().id("admin", "MUNICIPALITY", SONKOVO));
        assertThat(browser.rows(By.id("municipalities")))
                .contains(SONKOVO + " " + sonkovoSchools + " активен")
                .anyMatch(row -> row.startsWith(KALININ + " "))
                .noneMatch(row -> row.startsWith(SEVERSK));
    }

    void tomskRegionalCentre() {
        regionalCentre();
        assertThat(browser.text(By.cssSelector("main"))).contains("Томская область · региональный уровень");
        assertThat(browser.rows(By.id("municipalities")))
                .anyMatch(row -> row.startsWith(SEVERSK + " "))
                .noneMatch(row -> row.startsWith(SONKOVO));
    }

    private void regionalCentre() {
        assertThat(browser.has(navLink(DIRECTORY))).as("ссылка «%s»", DIRECTORY).isTrue();
        assertThat(browser.has(navLink(ACCOUNTS))).as("ссылка «%s»", ACCOUNTS).isFalse();
        assertThat(Long.parseLong(browser.text(By.id("count-MUNICIPALITY")))).isPositive();
        assertThat(Long.parseLong(browser.text(By.id("count-SCHOOL")))).isPositive();
        assertThat(Long.parseLong(browser.text(By.id("count-INSTITUTION")))).isPositive();
        assertThat(browser.has(By.id("count-REGION"))).isFalse();
    }

    void sonkovoMunicipality() {
        municipality("sonkovo.mouo", BEREZOVSKAYA, RUCHYOVSKAYA);
    }

    void kalininMunicipality() {
        municipality("kalinin.mouo", RUCHYOVSKAYA, BEREZOVSKAYA);
    }

    private void municipality(String username, String ownSchool, String otherSchool) {
        assertThat(browser.has(navLink(DIRECTORY))).as("ссылка «%s»", DIRECTORY).isTrue();
        assertThat(browser.has(navLink(ACCOUNTS))).as("ссылка «%s»", ACCOUNTS).isFalse();
        // the demo data has 7 schools in Сонковский and 8 in Калининский; other tests may add more
        long schools = directoryApi().activeSchools(username, null);
        assertThat(browser.text(By.id("school-count"))).isEqualTo(Long.toString(schools));
        List<String> rows = browser.rows(By.id("org-units"));
        assertThat(rows).hasSize((int) schools)
                .anyMatch(row -> row.startsWith(ownSchool + " Школа"))
                .noneMatch(row -> row.startsWith(otherSchool));
    }

    void school() {
        assertThat(browser.text(By.cssSelector("main")))
                .contains("Руководитель образовательной организации", "Ваша организация");
        assertThat(browser.has(navLink(DIRECTORY))).as("ссылка «%s»", DIRECTORY).isFalse();
        assertThat(browser.has(navLink(ACCOUNTS))).as("ссылка «%s»", ACCOUNTS).isFalse();
        assertThat(browser.text(By.cssSelector(".org-details"))).contains("Тип", "Школа", "активна");
    }

    @Test
    void aWrongPasswordIsRefusedInRussian() {
        browser.login("tver.admin", "не-тот-пароль");

        assertThat(browser.currentPath()).isEqualTo("/login?error=bad");
        assertThat(browser.text(By.id("login-error"))).isEqualTo("Неверное имя пользователя или пароль.");
        assertThat(browser.all(By.cssSelector(".alert"))).as("сообщения на странице").hasSize(1);
        assertThat(browser.has(By.id("home-org"))).isFalse();
        browser.open("/");
        assertThat(browser.currentPath()).isEqualTo("/login");
    }

    @Test
    void logoutReturnsToTheLoginPage() {
        browser.loginAs("kalinin.school");
        assertThat(browser.text(By.id("home-org"))).isEqualTo(RUCHYOVSKAYA);
        // the director's account carries the name the directory gives as the school's head
        assertThat(browser.text(By.cssSelector("nav .user-menu"))).isEqualTo(fixtures.org(RUCHYOVSKAYA).headName());

        browser.logout();

        assertThat(browser.currentPath()).isEqualTo("/login?logout");
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Вы вышли из системы.");
        assertThat(browser.has(By.cssSelector("nav.navbar"))).isFalse();
        // the session is over: the home page asks to sign in again
        browser.open("/");
        assertThat(browser.currentPath()).isEqualTo("/login");
        assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
    }

    @Test
    void aSchoolDirectorIsRefusedTheAdministratorsPagesInRussian() {
        browser.loginAs("sonkovo.school");

        browser.open("/admin/accounts");

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Доступ запрещён");
        assertThat(browser.text(By.cssSelector("main"))).contains("403", "Недостаточно прав для этого действия.")
                .doesNotContain("Forbidden");
        assertThat(browser.all(By.cssSelector(".alert"))).as("сообщения об ошибке поверх страницы").isEmpty();
        browser.clickAndLoad(Browser.button("На главную"));
        assertThat(browser.text(By.id("home-org"))).isEqualTo(BEREZOVSKAYA);
    }

    private DirectoryApi directoryApi() {
        return new DirectoryApi(mvc);
    }
}

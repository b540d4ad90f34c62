package ru.rsoko.browser;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.MunicipalitySummary;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards of issue 11 as their users go through them: regional staff land on the region's dashboard, find who
 * is behind on overdue decisions and check the figure against the list behind it, read the charts and download the
 * table; they drill into a municipality and a school's profile. A municipal officer sees the region beside their own
 * figures and finds the school that is behind; a director reads their own profile and is refused the dashboard. On a
 * phone the charts fit the screen.
 * <p>
 * The demo database is shared with the other tests, which add decisions, schools and municipalities: figures are
 * compared with the lists and directory behind them, not with numbers written here.
 */
@IntegrationTest
class DashboardJourneyTest {

    static final List<String> HEADLINES = List.of("vsokoFormedShare", "executedOnTimeShare", "planOnTimeShare", "coverage");
    static final List<String> CHARTS = List.of("levels", "executions", "trends", "plan", "heatmap", "vpr");
    static final String PERCENT = "\\d+,\\d %|—";

    /**
     * Collects what a person would see in the console: uncaught errors, rejected promises, console.error and
     * resources that failed to load. Installed before any of the page's scripts run.
     */
    static final String ERROR_COLLECTOR = """
            window.__rsokoErrors = [];
            window.addEventListener('error', function (e) {
                if (e.target && e.target !== window) {
                    window.__rsokoErrors.push('не загрузилось: ' + (e.target.src || e.target.href || e.target.tagName));
                } else {
                    window.__rsokoErrors.push('ошибка: ' + e.message + ' (' + e.filename + ':' + e.lineno + ')');
                }
            }, true);
            window.addEventListener('unhandledrejection', function (e) {
                window.__rsokoErrors.push('отклонённое обещание: ' + e.reason);
            });
            (function () {
                var original = console.error;
                console.error = function () {
                    window.__rsokoErrors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
                    return original.apply(console, arguments);
                };
            })();
            """;

    @RegisterExtension
    static final Browser browser = new Browser();

    private static boolean collectorInstalled;

    @Autowired
    Fixtures fixtures;
    @Autowired
    DirectoryService directory;
    @Autowired
    TestClock clock;

    @BeforeEach
    void collectJavaScriptErrors() {
        if (!collectorInstalled) {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", ERROR_COLLECTOR));
            collectorInstalled = true;
        }
    }

    @AfterEach
    void desktopWindow() {
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
    }

    // ---- journeys

    @Test
    void regionalStaffLandOnTheRegionsDashboardFindWhoIsBehindAndDownloadTheTable() throws Exception {
        signInToDashboard("tver.coko");
        int year = currentYear();
        assertThat(browser.text(By.id("dashboard-title")))
                .isEqualTo("Панель показателей: " + DemoOrganisations.TVER + ", " + year + " год");
        assertThat(browser.waitFor(By.id("nav-dashboard")).getDomAttribute("class")).contains("active");

        // the four headline figures, each with what it is a share of
        for (String key : HEADLINES) {
            WebElement value = browser.waitFor(By.cssSelector("#figure-" + key + " [data-figure-value]"));
            assertThat(value.getText().strip()).as("значение «%s»", key).matches(PERCENT);
            assertThat(value.getDomAttribute("title")).as("знаменатель «%s» в подсказке", key)
                    .matches("(?s).+: .*(доля|от числа).+");
        }
        waitForSparklines();

        // one row per municipality of the region, as the directory has them today
        List<String> municipalities = activeMunicipalitiesOfTver();
        assertThat(rowNames()).containsExactlyInAnyOrderElementsOf(municipalities)
                .contains("Бежецкий", "г. Тверь", "Калининский", "Кашинский", "Сонковский");

        // sorted by «просрочено», the one most behind comes first
        browser.click(By.id("sort-overdue"));
        assertThat(browser.waitFor(By.id("sort-overdue")).getDomAttribute("aria-sort")).isEqualTo("descending");
        List<Long> overdue = overdueColumn();
        assertThat(overdue).as("просрочено по строкам после сортировки").isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(overdue.getFirst()).as("в демо-году есть просроченные поручения").isPositive();
        assertThat(overdueTexts()).as("видимые числа совпадают с теми, по которым упорядочено")
                .isEqualTo(overdue.stream().map(String::valueOf).toList());
        // a second click turns the order round
        browser.click(By.id("sort-overdue"));
        assertThat(browser.waitFor(By.id("sort-overdue")).getDomAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(overdueColumn()).isSortedAccordingTo(Comparator.naturalOrder());
        browser.click(By.id("sort-overdue"));

        // the first row's figure is what the list behind it says
        String firstName = rowNames().getFirst();
        browser.clickAndLoad(By.cssSelector("#dashboard tbody tr:first-child td.overdue a"));
        assertThat(browser.currentPath()).startsWith("/executions?").contains("overdue=true", "municipalityId=");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Просроченные поручения");
        assertThat(found()).as("«Найдено» в списке просроченных поручений «%s»", firstName).isEqualTo(overdue.getFirst());

        // and the total is the region's list of overdue decisions
        browser.open("/dashboard");
        long totalOverdue = Long.parseLong(browser.text(By.id("total-overdue")));
        assertThat(totalOverdue).isGreaterThanOrEqualTo(overdue.stream().mapToLong(Long::longValue).sum());
        browser.clickAndLoad(By.cssSelector("#total-overdue a"));
        assertThat(found()).as("«Найдено» в списке всех просроченных поручений региона").isEqualTo(totalOverdue);

        // the charts are drawn from the same figures, each with its table
        browser.open("/dashboard");
        Map<String, Long> overdueByName = overdueByName();
        waitForCharts(CHARTS);
        for (String chart : CHARTS) {
            assertThat(browser.has(By.id("table-" + chart))).as("таблица диаграммы %s", chart).isTrue();
            assertThat(browser.waitFor(By.cssSelector("[data-chart-title='" + chart + "']")).getText()).isNotEqualTo("…");
        }
        assertThat(chartRowNames("levels")).containsExactlyElementsOf(rowNames());
        browser.click(By.cssSelector("#chart-executions ~ details summary")); // «Таблица диаграммы»
        assertThat(browser.waitFor(By.id("table-executions")).isDisplayed()).isTrue();
        Map<String, Long> overdueInChart = chartColumn("executions", "просрочено");
        assertThat(overdueInChart).as("просрочено: таблица диаграммы и таблица панели").isEqualTo(overdueByName);
        assertThat(browser.has(By.id("charts-error"))).isFalse();
        // the heatmap's columns are codes; the directions' names are written under it, readable without hovering
        List<String> legend = browser.all(By.cssSelector("#legend-heatmap li")).stream().map(WebElement::getText).toList();
        assertThat(legend).isNotEmpty().allSatisfy(line -> assertThat(line).matches("\\S+\\. \\S.+"));

        // the table downloads as a workbook with a row per municipality and the region's total
        WebElement xlsxLink = browser.waitFor(By.cssSelector("main a[data-download=xlsx]"));
        assertThat(xlsxLink.getDomAttribute("href")).startsWith("/dashboard.xlsx?year=" + year);
        List<List<String>> sheet = downloadWorkbook(xlsxLink.getDomProperty("href"));
        assertThat(sheet.getFirst()).startsWith("Муниципалитет", "Школ").contains("просрочено");
        int overdueColumn = sheet.getFirst().indexOf("просрочено");
        List<List<String>> body = sheet.subList(1, sheet.size() - 1);
        assertThat(body).extracting(r -> r.getFirst()).containsExactlyInAnyOrderElementsOf(municipalities);
        assertThat(body.stream().collect(Collectors.toMap(List::getFirst, r -> Long.parseLong(r.get(overdueColumn)))))
                .as("просрочено в файле").isEqualTo(overdueByName);
        assertThat(sheet.getLast().getFirst()).as("строка итога").isEqualTo(DemoOrganisations.TVER);
        assertThat(sheet.getLast().get(overdueColumn)).isEqualTo(String.valueOf(totalOverdue));

        // so does a chart's table
        WebElement chartLink = browser.waitFor(By.cssSelector("a[href^='/dashboard/charts/levels.xlsx']"));
        List<List<String>> chartSheet = downloadWorkbook(chartLink.getDomProperty("href"));
        assertThat(chartSheet.getFirst()).startsWith("Муниципалитет", "сформирована");
        assertThat(chartSheet.subList(1, chartSheet.size())).extracting(r -> r.getFirst())
                .containsExactlyElementsOf(rowNames());

        assertNoJavaScriptErrors();
    }

    @Test
    void regionalStaffDrillIntoAMunicipalityAndASchoolsProfile() {
        signInToDashboard("tver.coko");
        int year = currentYear();
        WebElement sonkovoRow = row("Сонковский");
        String schoolsCell = sonkovoRow.findElements(By.tagName("td")).get(1).getText().strip();

        browser.clickAndLoad(By.xpath("//table[@id='dashboard']//a[contains(@class,'drill')][normalize-space(.)='Сонковский']"));
        assertThat(browser.currentPath()).startsWith("/dashboard?").contains("municipalityId=" + sonkovoId());
        assertThat(browser.text(By.id("dashboard-title"))).isEqualTo("Панель показателей: Сонковский, " + year + " год");
        assertThat(browser.text(By.id("to-region"))).isEqualTo(DemoOrganisations.TVER);
        List<String> schools = rowNames();
        assertThat(schools).as("школы Сонковского на его панели")
                .containsExactlyInAnyOrderElementsOf(activeSchoolsOfSonkovo().keySet())
                .contains("Берёзовская СОШ", "Заречная СОШ", "Луговская НОШ")
                .hasSize(Integer.parseInt(schoolsCell));
        assertThat(browser.text(By.cssSelector("#dashboard thead tr:first-child th:first-child"))).isEqualTo("Школа");
        for (String key : HEADLINES) {
            assertThat(browser.text(By.id("region-" + key))).as("регион рядом с «%s»", key).matches(PERCENT);
        }
        waitForCharts(List.of("levels", "executions"));

        // a row names the school as the directory shortens it; the profile by its full name
        String berezovskaya = fixtures.org(DemoOrganisations.SONKOVO_SCHOOL).displayName();
        long overdue = overdueByName().get(berezovskaya);
        browser.clickAndLoad(By.xpath("//table[@id='dashboard']//a[contains(@class,'drill')][normalize-space(.)="
                + "'" + berezovskaya + "']"));
        assertThat(browser.currentPath()).matches("/schools/\\d+/profile");
        assertThat(browser.text(By.id("profile-title"))).isEqualTo(DemoOrganisations.SONKOVO_SCHOOL);
        assertRiskShown(overdue);
        // regional staff see this year's open campaign too, where the school may have no level yet: one badge a year
        List<WebElement> years = browser.all(By.cssSelector("#vsoko tbody tr"));
        assertThat(years).as("годы ВСОКО в профиле").isNotEmpty()
                .allSatisfy(y -> assertThat(y.findElements(By.cssSelector("td:nth-child(2) .badge"))).hasSize(1));
        assertNoJavaScriptErrors();
    }

    @Test
    void aMunicipalOfficerSeesTheRegionBesideAndFindsTheSchoolThatIsBehind() {
        // what the region's own dashboard says, to compare with what the officer is shown beside their figures
        signInToDashboard("tver.coko");
        Map<String, String> regionFigures = new LinkedHashMap<>();
        for (String key : HEADLINES) {
            regionFigures.put(key, browser.text(By.cssSelector("#figure-" + key + " [data-figure-value]")));
        }
        // preliminary ВСОКО results (a campaign not yet published) are the region's alone
        boolean preliminary = browser.text(By.id("year-form")).contains("(предварительно)");
        if (preliminary) {
            regionFigures.put("vsokoFormedShare", "—");
        }

        signInToDashboard("sonkovo.mouo");
        assertThat(browser.text(By.id("dashboard-title")))
                .isEqualTo("Панель показателей: Сонковский, " + currentYear() + " год");
        assertThat(browser.has(By.id("settings-link"))).as("настройки — у региона").isFalse();
        assertThat(browser.has(By.id("to-region"))).as("на панель региона муниципалитету не перейти").isFalse();
        for (String key : HEADLINES) {
            assertThat(browser.text(By.cssSelector("#figure-" + key + " [data-figure-value]"))).matches(PERCENT);
            assertThat(browser.text(By.id("region-" + key))).as("регион рядом с «%s»", key).isEqualTo(regionFigures.get(key));
        }
        Map<String, String> schools = activeSchoolsOfSonkovo();
        assertThat(rowNames()).containsExactlyInAnyOrderElementsOf(schools.keySet());

        browser.click(By.id("sort-overdue"));
        List<Long> overdue = overdueColumn();
        assertThat(overdue).isSortedAccordingTo(Comparator.reverseOrder());
        long most = overdue.getFirst();
        assertThat(most).as("наибольшее число просроченных у школы первой строки")
                .isEqualTo(overdue.stream().mapToLong(Long::longValue).max().orElseThrow());
        String school = rowNames().getFirst();

        // the figure is the school's list of overdue decisions
        browser.clickAndLoad(By.cssSelector("#dashboard tbody tr:first-child td.overdue a"));
        assertThat(browser.currentPath()).contains("orgUnitId=", "overdue=true");
        assertThat(found()).as("«Найдено» в списке просроченных поручений «%s»", school).isEqualTo(most);

        browser.open("/dashboard");
        browser.click(By.id("sort-overdue"));
        assertThat(rowNames().getFirst()).isEqualTo(school);
        browser.clickAndLoad(By.cssSelector("#dashboard tbody tr:first-child a.drill"));
        assertThat(browser.text(By.id("profile-title"))).isEqualTo(schools.get(school));
        assertRiskShown(most);
        assertNoJavaScriptErrors();
    }

    @Test
    void aDirectorReadsTheOwnProfileAndIsRefusedTheDashboard() {
        browser.loginAs("sonkovo.school");
        assertThat(browser.has(By.id("nav-dashboard"))).isFalse();
        browser.clickAndLoad(By.id("own-profile"));
        assertThat(browser.text(By.id("profile-title"))).isEqualTo(DemoOrganisations.SONKOVO_SCHOOL);
        assertThat(browser.text(By.cssSelector("#risk h2"))).startsWith("Уровень риска на ");
        assertThat(browser.waitFor(By.id("vsoko")).isDisplayed()).isTrue();
        assertThat(browser.waitFor(By.id("lists")).isDisplayed()).isTrue();
        assertThat(browser.waitFor(By.id("coverage")).isDisplayed()).isTrue();
        long overdue = Long.parseLong(browser.text(By.id("profile-overdue")));
        assertRiskShown(overdue);

        browser.open("/dashboard");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Доступ запрещён");
        assertThat(browser.text(By.tagName("main"))).contains("403").doesNotContain("Forbidden");
        assertThat(browser.has(By.id("dashboard"))).isFalse();
    }

    @Test
    void onAPhoneTheChartsAreDrawnWithinTheScreen() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        signInToDashboard("tver.coko");
        long width = ((Number) js("return window.innerWidth")).longValue();
        assertThat(width).as("ширина окна телефона").isLessThanOrEqualTo(390);
        waitForCharts(CHARTS);
        List<WebElement> canvases = browser.all(By.cssSelector("#charts canvas"));
        assertThat(canvases).isNotEmpty();
        for (WebElement canvas : canvases) {
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) js(
                    "var r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width};",
                    canvas);
            String chart = canvas.findElement(By.xpath("ancestor::div[@data-chart]")).getDomAttribute("data-chart");
            assertThat(box.get("width").doubleValue()).as("ширина диаграммы %s", chart).isPositive()
                    .isLessThanOrEqualTo(width);
            assertThat(box.get("left").doubleValue()).as("левый край диаграммы %s", chart).isGreaterThanOrEqualTo(0);
            assertThat(box.get("right").doubleValue()).as("правый край диаграммы %s", chart).isLessThanOrEqualTo(width);
        }
        // the wide table scrolls within its frame; the page itself does not scroll sideways
        assertThat(((Number) js("return document.documentElement.scrollWidth")).longValue())
                .as("ширина страницы на телефоне").isLessThanOrEqualTo(width);
        assertNoJavaScriptErrors();
    }

    // ---- steps

    /**
     * Signs in: the home page of regional and municipal staff loads their dashboard into itself (charts drawn there
     * too); then the dashboard's own page («Панель» in the menu).
     */
    void signInToDashboard(String username) {
        browser.login(username, Browser.DEMO_PASSWORD);
        browser.waitFor(By.id("home-org"));
        browser.waitFor(By.cssSelector("#board #dashboard-title"));
        browser.waitFor(By.cssSelector("#board div.chart[data-chart=levels][data-drawn=true] canvas"));
        browser.open("/dashboard");
        browser.waitFor(By.cssSelector("div.chart[data-chart=levels][data-drawn=true]"));
        browser.waitFor(By.id("dashboard-title"));
    }

    int currentYear() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).getYear();
    }

    long tverId() {
        return fixtures.org(DemoOrganisations.TVER).id();
    }

    long sonkovoId() {
        return fixtures.org(DemoOrganisations.SONKOVO).id();
    }

    List<String> activeMunicipalitiesOfTver() {
        long tver = tverId();
        return directory.municipalitiesOf(Scope.region(tver), tver).stream()
                .filter(MunicipalitySummary::active).map(MunicipalitySummary::displayName).toList();
    }

    /** The active schools of Сонковский as the directory has them now: the name a row shows, the full name. */
    Map<String, String> activeSchoolsOfSonkovo() {
        List<OrgUnit> schools = new ArrayList<>();
        directory.forEach(Scope.municipality(tverId(), sonkovoId()), new OrgUnitFilter(OrgUnitType.SCHOOL, null, null, true),
                schools::add);
        Map<String, String> names = new LinkedHashMap<>();
        schools.forEach(s -> names.put(s.displayName(), s.name()));
        return names;
    }

    List<WebElement> bodyRows() {
        return browser.waitFor(By.id("dashboard")).findElements(By.cssSelector("tbody tr[data-row]"));
    }

    List<String> rowNames() {
        return bodyRows().stream().map(r -> r.findElement(By.cssSelector("a.drill")).getText().strip()).toList();
    }

    WebElement row(String name) {
        return bodyRows().stream().filter(r -> r.findElement(By.cssSelector("a.drill")).getText().strip().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("нет строки «" + name + "» на панели"));
    }

    List<Long> overdueColumn() {
        return bodyRows().stream().map(r -> Long.parseLong(r.findElement(By.cssSelector("td.overdue")).getDomAttribute("data-value")))
                .toList();
    }

    List<String> overdueTexts() {
        return bodyRows().stream().map(r -> r.findElement(By.cssSelector("td.overdue a")).getText().strip()).toList();
    }

    Map<String, Long> overdueByName() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (WebElement r : bodyRows()) {
            result.put(r.findElement(By.cssSelector("a.drill")).getText().strip(),
                    Long.parseLong(r.findElement(By.cssSelector("td.overdue a")).getText().strip()));
        }
        return result;
    }

    /** The «Найдено: N» of a list page. */
    long found() {
        String text = browser.text(By.xpath("//main//span[starts-with(normalize-space(.),'Найдено:')]"));
        return Long.parseLong(text.replace("Найдено:", "").replaceAll("\\s", ""));
    }

    void waitForSparklines() {
        browser.waitUntil("спарклайны нарисованы", d -> {
            List<WebElement> sparks = d.findElements(By.cssSelector("#headline .sparkline"));
            return sparks.size() == HEADLINES.size()
                    && sparks.stream().allMatch(s -> !s.findElements(By.tagName("canvas")).isEmpty());
        });
    }

    /** Waits until each chart is drawn on a canvas (charts with no data for the year are reported as such). */
    void waitForCharts(List<String> charts) {
        for (String chart : charts) {
            browser.waitUntil("диаграмма «" + chart + "» нарисована", d -> {
                if (!d.findElements(By.id("charts-error")).isEmpty()) {
                    throw new AssertionError("Диаграммы не загрузились: " + d.findElement(By.id("charts-error")).getText()
                            + "; ошибки страницы: " + javaScriptErrors());
                }
                List<WebElement> empty = d.findElements(By.cssSelector("div.chart.chart-empty[data-chart=" + chart + "]"));
                if (!empty.isEmpty()) {
                    throw new AssertionError("Диаграмма «" + chart + "» без данных: " + empty.getFirst().getText());
                }
                return !d.findElements(By.cssSelector("div.chart[data-chart=" + chart + "][data-drawn=true] canvas")).isEmpty();
            });
        }
    }

    /** The row headers of a chart's table (present whether or not its «Таблица диаграммы» is open). */
    List<String> chartRowNames(String chart) {
        return browser.all(By.cssSelector("#table-" + chart + " tbody th")).stream()
                .map(th -> th.getDomProperty("textContent").strip()).toList();
    }

    /** One column of a chart's table by its header, by row header. */
    Map<String, Long> chartColumn(String chart, String header) {
        List<String> headers = browser.all(By.cssSelector("#table-" + chart + " thead th")).stream()
                .map(th -> th.getDomProperty("textContent").strip()).toList();
        int column = headers.indexOf(header);
        assertThat(column).as("столбец «%s» в таблице диаграммы %s: %s", header, chart, headers).isPositive();
        Map<String, Long> values = new LinkedHashMap<>();
        for (WebElement row : browser.all(By.cssSelector("#table-" + chart + " tbody tr"))) {
            List<WebElement> cells = row.findElements(By.xpath("./*"));
            values.put(cells.getFirst().getDomProperty("textContent").strip(),
                    Long.parseLong(cells.get(column).getDomProperty("textContent").strip()));
        }
        return values;
    }

    /**
     * The risk section of a profile: a level, and its reasons (or that no rule applies); a school with overdue
     * decisions has them among the reasons.
     */
    void assertRiskShown(long overdue) {
        assertThat(browser.text(By.id("risk-level"))).isIn("высокий", "средний", "низкий");
        assertThat(browser.text(By.id("profile-overdue"))).as("просрочено в профиле").isEqualTo(String.valueOf(overdue));
        if (browser.has(By.id("risk-reasons"))) {
            List<String> reasons = browser.all(By.cssSelector("#risk-reasons li")).stream()
                    .map(li -> li.getText().strip()).toList();
            assertThat(reasons).isNotEmpty().allMatch(r -> r.matches(".+ \\(\\+\\d+\\)"), "причина с весом «(+N)»");
            if (overdue > 0) {
                assertThat(reasons).as("причины риска").anyMatch(r -> r.contains("просроч"));
            }
        } else {
            assertThat(browser.text(By.id("risk"))).contains("Ни одно правило риска не выполнено.");
            assertThat(overdue).as("просроченные поручения без причины риска").isZero();
        }
    }

    /** Downloads a link with the browser's session, checks it is a spreadsheet, and reads its first sheet. */
    List<List<String>> downloadWorkbook(String url) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpResponse<byte[]> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        assertThat(response.statusCode()).as("ответ на %s", url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)).strip());
                }
                rows.add(cells);
            }
        }
        assertThat(rows).as("строки файла").hasSizeGreaterThan(1);
        return rows;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    List<?> javaScriptErrors() {
        Object errors = js("return window.__rsokoErrors || ['сборщик ошибок не установлен']");
        return errors instanceof List<?> list ? list : List.of(String.valueOf(errors));
    }

    void assertNoJavaScriptErrors() {
        assertThat(javaScriptErrors()).as("ошибки JavaScript на " + browser.currentPath()).isEmpty();
    }
}

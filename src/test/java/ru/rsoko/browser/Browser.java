package ru.rsoko.browser;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import ru.rsoko.platform.web.Formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A headless Chromium for one test class, driving the application started by {@code @IntegrationTest}.
 * <pre>
 * &#64;IntegrationTest
 * class SomeJourneyTest {
 *     &#64;RegisterExtension
 *     static final Browser browser = new Browser();
 * }
 * </pre>
 * The browser starts once per class (starting it takes seconds) and every test begins signed out. Waits are
 * explicit; a failed test leaves a screenshot and the page source in {@code target/browser-failures/}.
 * Without Chromium or ChromeDriver the class is skipped, unless {@code RSOKO_BROWSER_TESTS=required} (as on CI).
 */
public class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {

    public static final String DEMO_PASSWORD = "demo";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLLING = Duration.ofMillis(50);
    private static final Path FAILURES = Path.of("target", "browser-failures");

    private final String language;
    private ChromeDriver driver;
    private Path profile;
    private String baseUrl;
    private WebDriverWait wait;

    /** A browser that speaks Russian, as the region's people's do. */
    public Browser() {
        this("ru-RU");
    }

    /** A browser in another language (en-US: what the application shows must not depend on it). */
    public Browser(String language) {
        this.language = language;
    }

    // ---- lifecycle

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path chromium = Path.of(setting("rsoko.chromium", "RSOKO_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("rsoko.chromedriver", "RSOKO_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String missing = "нет " + (Files.isExecutable(chromium) ? chromedriver : chromium)
                    + " (нужны пакеты chromium и chromium-driver; пути меняют RSOKO_CHROMIUM и RSOKO_CHROMEDRIVER)";
            if ("required".equalsIgnoreCase(System.getenv("RSOKO_BROWSER_TESTS"))) {
                throw new IllegalStateException(
                        "Браузерные тесты обязательны (RSOKO_BROWSER_TESTS=required), но " + missing);
            }
            String message = "Браузерные тесты " + context.getDisplayName() + " пропущены: " + missing;
            System.err.println(message); // Surefire does not show why a whole class was skipped
            Assumptions.abort(message);
        }
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("Браузерному тесту нужен запущенный сервер: отметьте класс @IntegrationTest");
        }
        baseUrl = "http://localhost:" + port;
        profile = Files.createTempDirectory("rsoko-chromium-");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--user-data-dir=" + profile, "--lang=" + language,
                // Bootstrap scrolls smoothly unless motion is reduced: a click below the fold would land mid-scroll
                "--force-prefers-reduced-motion");
        // no password manager bubbles or leak checks on the demo password
        options.setExperimentalOption("prefs", Map.of(
                "credentials_enable_service", false,
                "profile.password_manager_enabled", false,
                "profile.password_manager_leak_detection", false,
                "intl.accept_languages", language));
        // the driver's path is given, so Selenium Manager never looks for (or downloads) one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(driver, TIMEOUT, POLLING);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Every test starts signed out, with no dialog left open by the one before. */
    @Override
    public void beforeEach(ExtensionContext context) {
        dismissAlert();
        driver.manage().deleteAllCookies();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = fileName(context);
        try {
            Files.createDirectories(FAILURES);
            String alert = dismissAlert();
            String url = driver.getCurrentUrl();
            Files.write(FAILURES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            String html = "<!-- " + url + (alert != null ? " · открыт диалог: " + alert : "") + " -->\n"
                    + driver.getPageSource();
            Files.writeString(FAILURES.resolve(name + ".html"), html, StandardCharsets.UTF_8);
            System.err.println("Браузерный тест не прошёл на " + url + "; снимок экрана и страница: "
                    + FAILURES.resolve(name).toAbsolutePath() + ".{png,html}");
        } catch (Exception e) {
            System.err.println("Не удалось сохранить снимок экрана для " + name + ": " + e);
        }
    }

    private static String fileName(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        String invocation = display.equals(method + "()") ? "" // parameterized: which one
                : "-" + display.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_|_$", "");
        return context.getRequiredTestClass().getSimpleName() + "." + method + invocation;
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? fallback : value;
    }

    // ---- navigation and signing in

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application, e.g. {@code "/directory"}. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** The path and query of the page shown, e.g. {@code "/login?error=bad"}. */
    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Fills in the login form and submits it; the caller checks where that led. */
    public void login(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        fill(By.id("username"), username);
        fill(By.id("password"), password);
        clickAndLoad(button("Войти"));
    }

    /** Signs in with the demo password and waits for the home page. */
    public void loginAs(String username) {
        login(username, DEMO_PASSWORD);
        waitFor(By.id("home-org"));
    }

    /** Signs out the way a person does: the user menu in the navbar, then «Выйти». */
    public void logout() {
        click(By.cssSelector("nav .user-menu"));
        clickAndLoad(button("Выйти"));
    }

    // ---- finding and waiting

    /** A link or button by its visible text (icons aside). */
    public static By button(String text) {
        return By.xpath("//*[self::a or self::button][normalize-space(.)=" + xpathLiteral(text) + "]");
    }

    /** A link in the navbar by its text. */
    public static By navLink(String text) {
        return By.xpath("//nav[contains(@class,'navbar')]//a[normalize-space(.)=" + xpathLiteral(text) + "]");
    }

    /** A link in the breadcrumb (the organisation's place in the directory) by its text. */
    public static By breadcrumbLink(String text) {
        return By.xpath("//ol[contains(@class,'breadcrumb')]//a[normalize-space(.)=" + xpathLiteral(text) + "]");
    }

    /** Waits until the condition gives something other than null or false; the description says what was awaited. */
    public <T> T waitUntil(String description, Function<? super WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Не дождались: " + description + " (на " + currentPath() + ")", e);
        }
    }

    /** The element once it is visible. */
    public WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's visible text contains the text, and returns the whole text. */
    public String waitForText(By locator, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        } catch (TimeoutException e) {
            throw new AssertionError("Не дождались текста «" + text + "» в " + locator + " на " + currentPath()
                    + "; там «" + textOrNothing(locator) + "»", e);
        }
        return text(locator);
    }

    /** The visible text of an element, waiting for it to appear. */
    public String text(By locator) {
        // read the element in the same wait that finds it: a page still being replaced can drop it in between
        return new WebDriverWait(driver, TIMEOUT, POLLING)
                .ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class)
                .until(d -> {
                    WebElement element = d.findElement(locator);
                    return element.isDisplayed() ? element.getText().strip() : null;
                });
    }

    /** Whether the page (already loaded) has such an element; does not wait. */
    public boolean has(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    public List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    /** The texts of the body rows of a table, cells separated by spaces (an empty list has a «Ничего не найдено» row). */
    public List<String> rows(By table) {
        return waitFor(table).findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.getText().strip()).toList();
    }

    /** The breadcrumb of the page: the organisation's place in the directory. */
    public List<String> breadcrumb() {
        waitFor(By.cssSelector(".breadcrumb"));
        return driver.findElements(By.cssSelector(".breadcrumb .breadcrumb-item")).stream()
                .map(item -> item.getText().strip()).toList();
    }

    private String textOrNothing(By locator) {
        try {
            return driver.findElement(locator).getText();
        } catch (RuntimeException e) {
            return "(нет элемента)";
        }
    }

    // ---- acting

    /** Clicks an element; a link inside a closed menu of the navbar is reached by opening that menu first, as a person does. */
    public void click(By locator) {
        openMenuAround(locator);
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /**
     * Clicks something that loads another page, and waits until the new page has replaced the old one. A link inside
     * a closed menu (a dropdown of the navbar) is reached by opening the menu first.
     */
    public void clickAndLoad(By locator) {
        openMenuAround(locator);
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        waitForNewPage(page);
    }

    /**
     * Clicks a button guarded by a confirmation dialog, checks the dialog's question, accepts it and waits for the
     * page the form leads to. Returns the question.
     */
    public String clickAndConfirm(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        Alert alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.accept();
        waitForNewPage(page);
        return question;
    }

    /** Replaces the text of an input (on a loaded page: no wait for visibility, which costs a round trip). */
    public void fill(By locator, String text) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Sets a date field to a day as a Russian user writes it (12.02.2026): date fields are text inputs that read
     * dd.MM.yyyy whatever the browser's language. The text is put in at once with the events typing and leaving the
     * field fire, so a field inside a collapsed block (or under a sticky header) is set as well.
     */
    public void setDate(By locator, LocalDate date) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, Formats.DATE.format(date));
    }

    /** Chooses a file in a file field, as the file dialog does (the field is transparent over its Russian button). */
    public void chooseFile(By locator, Path file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(locator)).sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Puts a long text into a textarea at once, as pasting does (typing a whole protocol key by key takes seconds
     * and is not what people do).
     */
    public void paste(By locator, String text) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus(); arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, text);
    }

    /** What an input, textarea or select holds now (for a date field: dd.MM.yyyy, as shown). */
    public String value(By locator) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(locator)).getDomProperty("value");
    }

    /** Whether a checkbox is ticked. */
    public boolean isChecked(By locator) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(locator)).isSelected();
    }

    /** Chooses an option of a select by its visible text. */
    public void choose(By select, String optionText) {
        new Select(waitFor(select)).selectByVisibleText(optionText);
    }

    /** The visible text of the option chosen in a select. */
    public String chosen(By select) {
        return new Select(waitFor(select)).getFirstSelectedOption().getText().strip();
    }

    /**
     * If the element is an item of a closed dropdown menu (the navbar groups some links into «Мониторинг», «ВСОКО»),
     * clicks the menu's toggle so that the item can be seen and clicked.
     */
    private void openMenuAround(By locator) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        if (element.isDisplayed()) {
            return;
        }
        List<WebElement> toggles = element.findElements(By.xpath(
                "ancestor::*[contains(concat(' ', @class, ' '), ' dropdown-menu ')][1]"
                        + "/preceding-sibling::*[@data-bs-toggle='dropdown'][1]"));
        if (!toggles.isEmpty()) {
            wait.until(ExpectedConditions.elementToBeClickable(toggles.getFirst())).click();
        }
    }

    private void waitForNewPage(WebElement oldPage) {
        wait.until((ExpectedCondition<Boolean>) d -> isGone(oldPage));
        wait.until((ExpectedCondition<Boolean>) d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether an element's document has been replaced. Chromium reports a node of a document being torn down
     * either as stale or as "does not belong to the document"; both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private String dismissAlert() {
        if (driver == null) {
            return null;
        }
        try {
            Alert alert = driver.switchTo().alert();
            String text = alert.getText();
            alert.dismiss();
            return text;
        } catch (NoAlertPresentException e) {
            return null;
        }
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}

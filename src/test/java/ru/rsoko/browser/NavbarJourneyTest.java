package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import ru.rsoko.support.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top menu of every role fits on one line of a 1280 px laptop screen (regional staff have the most items), and
 * what moved into a menu is still reached by a click.
 */
@IntegrationTest
class NavbarJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** Height of a one-line navbar: the brand and the links are 40 px high, with 8 px of padding above and below. */
    static final int ONE_LINE = 64;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tver.coko", "tomsk.coko", "sonkovo.mouo", "sonkovo.school", "admin"})
    void theTopMenuIsOneLineOnA1280PixelScreen(String username) {
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.loginAs(username);

        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const nav = document.querySelector('nav.navbar');
                const parts = [...document.querySelectorAll(
                    'nav .navbar-brand, #main-nav-items > li, #notification-bell, nav .user-menu')];
                return {
                    width: window.innerWidth,
                    height: nav.getBoundingClientRect().height,
                    middles: parts.map(e => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); }),
                    names: parts.map(e => e.textContent.trim().replace(/\\s+/g, ' '))
                };""");
        assertThat(((Number) measured.get("width")).intValue()).as("ширина окна").isEqualTo(1280);
        @SuppressWarnings("unchecked")
        List<Number> middles = (List<Number>) measured.get("middles");
        int highest = middles.stream().mapToInt(Number::intValue).min().orElseThrow();
        int lowest = middles.stream().mapToInt(Number::intValue).max().orElseThrow();
        assertThat(lowest - highest).as("все пункты меню на одной строке: %s", measured.get("names")).isLessThanOrEqualTo(4);
        assertThat(((Number) measured.get("height")).doubleValue()).as("высота меню %s", measured.get("names"))
                .isLessThanOrEqualTo(ONE_LINE);
    }

    @Test
    void regionalStaffReachTheIndicatorSetsThroughTheVsokoMenu() {
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.loginAs("tver.coko");

        assertThat(browser.driver().findElement(By.id("nav-vsoko-frameworks")).isDisplayed()).isFalse();
        browser.click(By.id("vsoko-menu"));
        browser.clickAndLoad(By.id("nav-vsoko-frameworks"));
        assertThat(browser.currentPath()).isEqualTo("/vsoko/frameworks");
        assertThat(browser.driver().findElement(By.id("vsoko-menu")).getDomAttribute("class")).contains("active");

        // the helper opens a closed menu by itself, as the journeys that click «План-график» rely on
        browser.clickAndLoad(By.id("nav-vsoko"));
        assertThat(browser.currentPath()).isEqualTo("/vsoko/campaigns");
        browser.clickAndLoad(By.id("nav-plans"));
        assertThat(browser.currentPath()).startsWith("/plans");
    }
}

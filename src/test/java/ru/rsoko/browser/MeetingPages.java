package ru.rsoko.browser;

import org.openqa.selenium.By;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;
import static ru.rsoko.browser.Browser.navLink;

/**
 * The steps of keeping a meeting that several journeys take the same way: a person creating it, adding its agenda
 * and decisions on their forms, signing the protocol. Each step checks what the person sees when it is done.
 */
final class MeetingPages {

    static final By TITLE = By.id("meeting-title");
    static final By STATUS = By.id("meeting-status");
    static final By DECISIONS = By.id("decision-table");
    static final By SUMMARY = By.id("execution-summary");
    static final By SUMMARY_TOTAL = By.cssSelector("#execution-summary .col-3:first-child .display-6");
    static final By EXECUTIONS = By.cssSelector("table.executions");

    private static final Pattern CARD = Pattern.compile("^/meetings/(\\d+)(?:[?#].*)?$");
    private static final String[] MONTHS = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря"};

    private final Browser browser;

    MeetingPages(Browser browser) {
        this.browser = browser;
    }

    /** A date as protocols write it: «15 декабря 2026 года». */
    static String inWords(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear() + " года";
    }

    /** A date as the pages show it: «15.12.2026». */
    static String shown(LocalDate date) {
        return String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** «Совещания» in the navbar, then «Новое мероприятие»: the form, filled in and saved; ends on the new card. */
    void create(String kind, String title, LocalDate date) {
        browser.clickAndLoad(navLink("Совещания"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Совещания и протоколы");
        browser.clickAndLoad(button("Новое мероприятие"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Новое мероприятие");
        if (kind != null) {
            browser.choose(By.id("kind"), kind);
        }
        browser.fill(By.id("title"), title);
        browser.setDate(By.id("date"), date);
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Мероприятие создано: добавьте повестку и решения");
        assertThat(browser.text(TITLE)).isEqualTo(title);
        assertThat(browser.text(STATUS)).isEqualTo("Запланировано");
    }

    /** The id of the meeting whose card is shown. */
    long id() {
        Matcher card = CARD.matcher(browser.currentPath());
        assertThat(card.matches()).as("открыта карточка мероприятия, а не %s", browser.currentPath()).isTrue();
        return Long.parseLong(card.group(1));
    }

    /** «Пункт повестки» on the card: the next item with one speaker; ends on the card. */
    void addAgendaItem(String question, String speaker) {
        browser.clickAndLoad(button("Пункт повестки"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Новый пункт повестки");
        browser.fill(By.id("title"), question);
        browser.fill(By.id("speakers"), speaker);
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Пункт повестки добавлен");
    }

    /**
     * «Решение» on the card, up to the form with the responsible parties and the deadline as the protocol words them,
     * and «Распознать по словам протокола»; the caller checks what was recognised and saves.
     */
    void startDecision(String text, String responsible, String deadline) {
        browser.clickAndLoad(button("Решение"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Новое решение");
        browser.fill(By.id("text"), text);
        browser.fill(By.id("responsibleText"), responsible);
        browser.fill(By.id("deadlineText"), deadline);
        browser.click(button("Распознать по словам протокола"));
    }

    /** Waits for what «Распознать по словам протокола» made of the responsible parties, and returns it. */
    String recognisedParties(String expected) {
        return browser.waitForText(By.id("parties-preview"), expected);
    }

    /** «Сохранить» on the decision's form; ends on the card. */
    void saveDecision() {
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Решение добавлено");
    }

    /** «Подписать протокол», confirmed in the dialog; ends on the card of the signed protocol. */
    void sign() {
        String question = browser.clickAndConfirm(By.id("sign-protocol"));
        assertThat(question).startsWith("Подписать протокол?");
        assertThat(browser.text(By.cssSelector(".alert-success")))
                .isEqualTo("Протокол подписан: решения направлены ответственным");
        assertThat(browser.text(STATUS)).isEqualTo("Протокол подписан");
    }

    /** Finds the meeting in «Совещания» by its title and opens its card. */
    void openFromList(String title) {
        browser.clickAndLoad(navLink("Совещания"));
        browser.fill(By.id("q"), title);
        browser.waitUntil("в списке осталось одно мероприятие «" + title + "»", d -> {
            var rows = browser.rows(By.id("meetings"));
            return rows.size() == 1 && rows.getFirst().contains(title);
        });
        browser.clickAndLoad(By.linkText(title));
        assertThat(browser.text(TITLE)).isEqualTo(title);
    }

    /** The row of «Мои поручения» on the home page that is about the meeting (titles here have no quotes). */
    static By myTask(String meetingTitle) {
        return By.xpath(myTaskPath(meetingTitle));
    }

    /** The link of that row to the record's card. */
    static By myTaskLink(String meetingTitle) {
        return By.xpath(myTaskPath(meetingTitle) + "//a[contains(@href, '/executions/')]");
    }

    private static String myTaskPath(String meetingTitle) {
        assertThat(meetingTitle).doesNotContain("'");
        return "//section[@id='my-tasks']//tbody/tr[@data-execution][contains(normalize-space(.), '" + meetingTitle + "')]";
    }

    /** A cell of the execution matrix: the decision's records of one municipality (or organisation). */
    static By matrixCell(long decisionId, long columnId) {
        return By.cssSelector("#matrix-table a[data-cell='" + decisionId + "-" + columnId + "']");
    }

    /** The id of the decision with that number, read from its link to the execution list on the card. */
    long decisionId(String number) {
        String href = browser.waitFor(By.xpath("//table[@id='decision-table']//tr[td[1][normalize-space(.)='" + number
                + "']]//a[contains(@href, 'decisionId=')]")).getDomAttribute("href");
        Matcher id = Pattern.compile("decisionId=(\\d+)").matcher(href);
        assertThat(id.find()).as("ссылка решения %s на его поручения: %s", number, href).isTrue();
        return Long.parseLong(id.group(1));
    }
}

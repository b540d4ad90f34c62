package ru.rsoko.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;
import ru.rsoko.support.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;
import static ru.rsoko.browser.MeetingPages.EXECUTIONS;
import static ru.rsoko.browser.MeetingPages.SUMMARY;
import static ru.rsoko.browser.MeetingPages.SUMMARY_TOTAL;
import static ru.rsoko.browser.MeetingPages.inWords;
import static ru.rsoko.browser.MeetingPages.matrixCell;
import static ru.rsoko.browser.MeetingPages.myTask;
import static ru.rsoko.browser.MeetingPages.shown;

/**
 * The regional centre holds a seminar and signs its protocol; every school of the region gets the decision, a
 * school reports on it, the centre watches the execution by municipality, and a school that did nothing is shown
 * overdue once the deadline has passed.
 */
@IntegrationTest
class MeetingJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final ZoneId TVER_TIME = ZoneId.of("Europe/Moscow");
    static final String SONKOVO = "Сонковский муниципальный округ";
    static final String BEREZOVSKAYA = "Берёзовская СОШ";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;
    @Autowired
    MeetingFixtures meetingFixtures;

    final MeetingPages meeting = new MeetingPages(browser);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSignedDecisionReachesEverySchoolWhichReportsOnItAndTheLateOnesTurnRed() {
        DirectoryApi api = new DirectoryApi(mvc);
        LocalDate today = LocalDate.now(clock.withZone(TVER_TIME));
        LocalDate due = today.plusMonths(1);
        String title = Fixtures.unique("Итоги ВПР и задачи на новый учебный год");
        String decision = "Провести анализ результатов ВПР и разместить его на сайте школы.";
        String deadline = "до " + inWords(due);

        // a. the regional centre creates the seminar, its agenda and a decision for the heads of schools, and signs
        browser.loginAs("tver.coko");
        meeting.create("Семинар-совещание", title, today);
        meeting.addAgendaItem("О результатах всероссийских проверочных работ", "Смирнова Ольга Николаевна, директор ГБУ ТО ЦОКО");
        assertThat(browser.text(By.cssSelector("#agenda .agenda-item")))
                .contains("1. О результатах всероссийских проверочных работ",
                        "Докладчик – Смирнова Ольга Николаевна, директор ГБУ ТО ЦОКО");

        meeting.startDecision(decision, "руководители ОО", deadline);
        assertThat(meeting.recognisedParties("все школы")).isEqualTo("все школы (руководители ОО)");
        assertThat(browser.isChecked(By.cssSelector("input[type=checkbox][name=allSchools]"))).isTrue();
        // the wording is the protocol's; the date it means is checked (and set where the words were not read)
        browser.choose(By.id("deadlineKind"), "К сроку");
        browser.setDate(By.id("dueDate"), due);
        meeting.saveDecision();
        assertThat(browser.rows(MeetingPages.DECISIONS)).singleElement().asString()
                .contains("1", decision, "руководители ОО", "все школы (руководители ОО)", deadline,
                        "К сроку: " + shown(due));

        long schoolsOfRegion = api.activeSchools("tver.coko", null);
        meeting.sign();
        meeting.id();
        assertThat(browser.text(SUMMARY)).contains("поручений", "выполнено", "в работе", "просрочено");
        assertThat(browser.text(SUMMARY_TOTAL)).isEqualTo(String.valueOf(schoolsOfRegion));
        assertThat(browser.has(By.id("sign-protocol"))).isFalse();

        // b. a head of school finds the decision among their tasks and reports that it is done
        browser.loginAs("sonkovo.school");
        WebElement task = browser.waitFor(myTask(title));
        assertThat(task.getText()).contains(shown(due), "1. " + decision, title, "Не начато");
        browser.clickAndLoad(MeetingPages.myTaskLink(title));
        assertThat(browser.text(By.id("decision-text"))).isEqualTo("1. " + decision);
        assertThat(browser.text(By.id("execution-status"))).isEqualTo("Не начато");
        assertThat(browser.text(By.id("due-date"))).isEqualTo(shown(due));

        // «Выполнено» without saying what was done is refused, and what was typed stays
        String link = "https://berezovka.example.tver.ru/vpr-analiz";
        browser.choose(By.id("status"), "Выполнено");
        browser.fill(By.id("evidenceUrl"), link);
        browser.clickAndLoad(By.id("save-report"));
        assertThat(browser.text(By.cssSelector(".alert-danger")))
                .isEqualTo("Чтобы отметить поручение выполненным, напишите отчёт: что сделано");
        assertThat(browser.text(By.id("execution-status"))).isEqualTo("Не начато");
        assertThat(browser.value(By.id("evidenceUrl"))).isEqualTo(link);
        assertThat(browser.chosen(By.id("status"))).isEqualTo("Выполнено");

        String report = "Анализ результатов ВПР проведён на педсовете 12 ноября, размещён на сайте школы.";
        browser.fill(By.id("report"), report);
        browser.clickAndLoad(By.id("save-report"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Сохранено");
        assertThat(browser.text(By.id("execution-status"))).isEqualTo("Выполнено");
        assertThat(browser.value(By.id("report"))).isEqualTo(report);
        assertThat(browser.text(By.xpath("//a[@href='" + link + "']"))).isEqualTo(link);
        assertThat(browser.has(By.id("overdue-badge"))).isFalse();

        // c. the regional centre sees it in the matrix and, from the cell, the schools of the municipality
        long sonkovo = api.id("tver.coko", "MUNICIPALITY", SONKOVO);
        long schoolsOfSonkovo = api.activeSchools("tver.coko", sonkovo);
        browser.loginAs("tver.coko");
        meeting.openFromList(title);
        long decisionId = meeting.decisionId("1");
        By cell = matrixCell(decisionId, sonkovo);
        assertThat(browser.all(By.cssSelector("#matrix-table thead th")).stream().map(WebElement::getText))
                .contains("Сонковский", "Калининский");
        // the cell reads at a glance: how many are done of all, then what is not zero
        assertThat(browser.text(cell)).isEqualTo("1 из " + schoolsOfSonkovo + " выполнено"
                + (schoolsOfSonkovo > 1 ? "\nне начато " + (schoolsOfSonkovo - 1) : ""));
        assertThat(browser.text(By.cssSelector("#execution-summary .col-3:nth-child(2) .display-6"))).isEqualTo("1");
        browser.clickAndLoad(cell);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Поручения");
        List<String> records = browser.rows(EXECUTIONS);
        assertThat(records).hasSize((int) schoolsOfSonkovo).allSatisfy(row -> assertThat(row).contains(decision, title));
        assertThat(records).filteredOn(row -> row.contains(BEREZOVSKAYA)).singleElement().asString().endsWith("Выполнено");
        assertThat(records).filteredOn(row -> !row.contains(BEREZOVSKAYA)).allSatisfy(row -> assertThat(row).endsWith("Не начато"));

        // d. the day after the deadline, a school that has not reported sees the decision overdue, in red
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(TVER_TIME)), due) + 1));
        browser.loginAs("kalinin.school");
        WebElement late = browser.waitFor(myTask(title));
        assertThat(late.getDomProperty("className")).contains("table-danger");
        assertThat(late.getText()).contains(shown(due), "просрочено", "1. " + decision, "Не начато");
        assertThat(late.findElement(By.cssSelector(".badge.text-bg-danger")).getText()).isEqualTo("просрочено");
        assertThat(browser.text(By.id("my-overdue"))).matches("просрочено: [1-9]\\d*");

        // while the school that reported in time is not
        browser.loginAs("sonkovo.school");
        WebElement done = browser.waitFor(myTask(title));
        assertThat(done.getDomProperty("className")).doesNotContain("table-danger");
        assertThat(done.getText()).contains("Выполнено").doesNotContain("просрочено");
    }

    /** With the deadline parser in place, the form reads «до …» as a date the decision is due by. */
    @Test
    void theDecisionFormReadsTheDeadlineFromTheProtocolsWords() {
        MeetingView planned = meetingFixtures.meeting("tver.coko", false);
        LocalDate due = planned.date().plusMonths(1).withDayOfMonth(1).plusDays(14);
        browser.loginAs("tver.coko");
        browser.open("/meetings/" + planned.id());
        meeting.startDecision("Обновить положение о внутренней системе оценки качества образования.",
                "руководители МОУО, руководители ОО", "до " + inWords(due));
        meeting.recognisedParties("все школы");
        assertThat(browser.text(By.id("parties-preview")))
                .isEqualTo("все муниципалитеты (руководители МОУО); все школы (руководители ОО)");
        assertThat(browser.chosen(By.id("deadlineKind"))).isEqualTo("К сроку");
        assertThat(browser.value(By.id("dueDate"))).isEqualTo(Formats.DATE.format(due));
        browser.clickAndLoad(button("Сохранить"));
        assertThat(browser.rows(MeetingPages.DECISIONS)).filteredOn(row -> row.startsWith("3 "))
                .singleElement().asString().contains("до " + inWords(due), "К сроку: " + shown(due));
    }
}

package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;
import static ru.rsoko.browser.MeetingPages.EXECUTIONS;
import static ru.rsoko.browser.MeetingPages.SUMMARY_TOTAL;
import static ru.rsoko.browser.MeetingPages.inWords;
import static ru.rsoko.browser.MeetingPages.matrixCell;
import static ru.rsoko.browser.MeetingPages.myTask;
import static ru.rsoko.browser.MeetingPages.myTaskLink;

/**
 * A municipal officer holds a meeting with the heads of the municipality's schools: its decision reaches those
 * schools and no others, and the officer's remark on a school's record reaches the school's director.
 */
@IntegrationTest
class MunicipalMeetingJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String SONKOVO = "Сонковский муниципальный округ";
    static final String BEREZOVSKAYA = "МОУ «Берёзовская СОШ»";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestClock clock;

    final MeetingPages meeting = new MeetingPages(browser);

    @Test
    void theMunicipalitysDecisionGoesToItsOwnSchoolsAndTheOfficersCommentReachesTheDirector() {
        DirectoryApi api = new DirectoryApi(mvc);
        long sonkovo = api.id("sonkovo.mouo", "MUNICIPALITY", SONKOVO);
        long berezovskaya = api.id("sonkovo.mouo", "SCHOOL", BEREZOVSKAYA);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));
        String title = Fixtures.unique("О готовности школ к проведению ВПР");
        String decision = "Утвердить школьные графики проведения ВПР и разместить их на официальных сайтах.";
        String deadline = "до " + inWords(today.plusDays(20));

        // the officer creates the municipality's meeting, marks it held and enters the decision for the schools
        browser.loginAs("sonkovo.mouo");
        meeting.create(null, title, today);
        assertThat(browser.text(By.cssSelector("main"))).contains("Совещание · " + SONKOVO);
        browser.clickAndLoad(button("Проведено"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Мероприятие отмечено проведённым");
        assertThat(browser.text(MeetingPages.STATUS)).isEqualTo("Проведено");

        meeting.startDecision(decision, "руководители ОО", deadline);
        assertThat(meeting.recognisedParties("школы")).isEqualTo("школы: Сонковский");
        meeting.saveDecision();
        assertThat(browser.rows(MeetingPages.DECISIONS)).singleElement().asString()
                .contains(decision, "руководители ОО", "школы: Сонковский", deadline);

        // signed, the decision is a record for each active school of the municipality, and only for them
        long schools = api.activeSchools("sonkovo.mouo", sonkovo);
        meeting.sign();
        assertThat(browser.text(SUMMARY_TOTAL)).isEqualTo(String.valueOf(schools));
        assertThat(browser.text(By.cssSelector("#matrix h2"))).isEqualTo("Исполнение по организациям");
        List<String> columns = browser.all(By.cssSelector("#matrix-table thead th")).stream()
                .map(th -> th.getText().strip()).toList();
        assertThat(columns).hasSize((int) schools + 2).contains("Берёзовская СОШ", "Заречная СОШ")
                .noneMatch(column -> column.contains("Ручьёвская"));

        // the officer opens Берёзовская's record from the matrix and leaves a remark
        long decisionId = meeting.decisionId("1");
        browser.clickAndLoad(matrixCell(decisionId, berezovskaya));
        assertThat(browser.rows(EXECUTIONS)).singleElement().asString()
                .contains(decision, title, "Берёзовская СОШ", "Не начато");
        browser.clickAndLoad(By.cssSelector("table.executions tbody a[href^='/executions/']"));
        assertThat(browser.text(By.id("decision-text"))).isEqualTo("1. " + decision);
        assertThat(browser.text(By.cssSelector("main"))).contains("Исполнитель: " + BEREZOVSKAYA, "Отчёта ещё нет.");
        assertThat(browser.has(By.id("report-form"))).isFalse();
        String remark = "Просим приложить приказ об утверждении графика ВПР.";
        browser.fill(By.cssSelector("#comments textarea[name=text]"), remark);
        browser.clickAndLoad(button("Добавить комментарий"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Комментарий добавлен");
        assertThat(browser.text(By.cssSelector("#comments .comment")))
                .startsWith("Фёдорова Галина Ивановна, " + SONKOVO).endsWith(remark);

        // the director finds the decision among their tasks and reads the remark on it
        browser.loginAs("sonkovo.school");
        WebElement task = browser.waitFor(myTask(title));
        assertThat(task.getText()).contains("1. " + decision, "Совещание «" + title + "»", "Не начато");
        browser.clickAndLoad(myTaskLink(title));
        assertThat(browser.text(By.id("decision-text"))).isEqualTo("1. " + decision);
        assertThat(browser.has(By.id("report-form"))).isTrue();
        assertThat(browser.text(By.cssSelector("#comments .comment")))
                .startsWith("Фёдорова Галина Ивановна, " + SONKOVO).endsWith(remark);
    }
}

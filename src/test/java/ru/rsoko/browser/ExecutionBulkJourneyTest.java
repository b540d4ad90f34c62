package ru.rsoko.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.execution.domain.ExecutionManagement;
import ru.rsoko.execution.domain.PeriodRow;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.Plurals;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;
import ru.rsoko.support.TestClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;
import static ru.rsoko.browser.MeetingPages.EXECUTIONS;

/**
 * A municipal officer catches up: a year of missed quarterly reports on an ongoing decision in one report, then two
 * decisions of a regional meeting marked done at once from the list of records, which keeps its filter.
 */
@IntegrationTest
class ExecutionBulkJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final ZoneId TVER = ZoneId.of("Europe/Moscow");
    static final String SONKOVO = "Сонковский муниципальный округ";

    @Autowired
    MeetingManagement meetings;
    @Autowired
    ExecutionManagement executions;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOfficerReportsForAYearOfQuartersAtOnceAndMarksTwoDecisionsDoneAtOnce() {
        // a protocol signed fourteen months ago asks every municipality for a quarterly report; Сонковский sent none
        ExecutionRecord ongoing = ongoingRecordSignedMonthsAgo(14);
        List<PeriodRow> owed = executions.periods(Scope.all(), ongoing.id()).reversed();
        List<PeriodRow> overdue = owed.stream().filter(PeriodRow::overdue).toList();
        assertThat(overdue).hasSizeGreaterThanOrEqualTo(4);

        browser.loginAs("sonkovo.mouo");
        browser.open("/executions/" + ongoing.id());
        browser.waitFor(By.id("period-report-form"));
        // every period without a report is offered, the overdue ones ticked, the current one not
        List<WebElement> boxes = browser.all(By.cssSelector("#period-report-form input[name=periodStart]"));
        assertThat(boxes).extracting(box -> box.getDomProperty("value"))
                .containsExactlyElementsOf(owed.stream().map(p -> p.start().toString()).toList());
        for (PeriodRow period : owed) {
            assertThat(browser.isChecked(By.id("period-" + period.start()))).as(period.label()).isEqualTo(period.overdue());
        }
        String report = "Проверки объективности проведены во всех школах округа, нарушений нет.";
        browser.fill(By.cssSelector("#period-report-form textarea[name=text]"), report);
        browser.clickAndLoad(By.id("report-periods"));

        String periods = Plurals.of(overdue.size(), "период", "периода", "периодов");
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Отчёт принят за " + periods);
        // each overdue period has the report now; only the current period is left to report on
        List<String> periodRows = browser.rows(By.id("periods"));
        for (PeriodRow period : overdue) {
            assertThat(periodRows).anySatisfy(row -> assertThat(row).startsWith(period.label()).contains(report));
        }
        assertThat(browser.all(By.cssSelector("#period-report-form input[name=periodStart]")))
                .extracting(box -> box.getDomProperty("value")).containsExactly(owed.getLast().start().toString());
        assertThat(browser.has(By.id("overdue-badge"))).isFalse();
        // one entry of the history names the person and the periods
        assertThat(browser.rows(By.id("history")).getFirst()).contains("Фёдорова Галина Ивановна", "Отчёт подан за",
                periods + " (" + overdue.getFirst().label());

        // a regional meeting gave Сонковский two decisions with a date
        MeetingView meeting = regionalMeetingWithTwoDecisionsForMunicipalities();
        browser.open("/executions?meetingId=" + meeting.id());
        assertThat(browser.rows(EXECUTIONS)).hasSize(2).allSatisfy(row -> assertThat(row).contains("Сонковский", "Не начато"));

        // «Выполнено» needs a report: both records are named, nothing changes, the ticks stay
        browser.click(By.id("bulk-select-all"));
        assertThat(browser.all(By.cssSelector("input[name=ids]"))).hasSize(2).allMatch(WebElement::isSelected);
        browser.choose(By.id("bulk-status"), "Выполнено");
        browser.clickAndLoad(By.id("bulk-apply"));
        assertThat(browser.all(By.cssSelector("#bulk-errors li"))).hasSize(2).allSatisfy(error -> assertThat(error.getText())
                .contains(SONKOVO, "Чтобы отметить поручение выполненным, напишите отчёт"));
        assertThat(browser.text(By.id("bulk-errors"))).contains("№ 1 «Издать приказ", "№ 2 «Назначить");
        assertThat(browser.rows(EXECUTIONS)).allSatisfy(row -> assertThat(row).contains("Не начато"));
        assertThat(browser.all(By.cssSelector("input[name=ids]"))).allMatch(WebElement::isSelected);
        assertThat(browser.currentPath()).contains("meetingId=" + meeting.id());

        browser.fill(By.id("bulk-report"), "Приказ издан, координаторы назначены.");
        browser.choose(By.id("bulk-status"), "Выполнено");
        browser.clickAndLoad(By.id("bulk-apply"));
        assertThat(browser.text(By.cssSelector(".alert-success"))).isEqualTo("Установлен статус «Выполнено» для 2 поручений");
        assertThat(browser.currentPath()).contains("meetingId=" + meeting.id());
        assertThat(browser.rows(EXECUTIONS)).hasSize(2).allSatisfy(row -> assertThat(row).contains("Сонковский", "Выполнено"));
        assertThat(browser.has(By.id("bulk-errors"))).isFalse();

        // the record's card tells what was reported, and by whom
        browser.clickAndLoad(By.cssSelector("table.executions tbody a[href^='/executions/']"));
        assertThat(browser.text(By.id("execution-status"))).isEqualTo("Выполнено");
        assertThat(browser.rows(By.id("history")).getFirst()).contains("Фёдорова Галина Ивановна", "Выполнено");
        assertThat(browser.has(button("Сохранить"))).isTrue();
    }

    private ExecutionRecord ongoingRecordSignedMonthsAgo(int months) {
        CurrentUser staff = meetingFixtures.user("tver.coko");
        LocalDate signed = LocalDate.now(TVER).minusMonths(months);
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(Fixtures.unique("Совещание об объективности"));
        form.setDate(signed);
        MeetingView draft = meetings.createWithContent(staff, form, List.of(), List.of(
                decision("1", "Ежеквартально проверять объективность ВПР.", DeadlineKind.ONGOING, null)));
        clock.set(signed.atTime(12, 0).atZone(TVER).toInstant());
        MeetingView meeting = meetings.sign(staff, draft.id(), null);
        clock.reset();
        return meetingFixtures.execution(meeting, "1", fixtures.org(SONKOVO));
    }

    private MeetingView regionalMeetingWithTwoDecisionsForMunicipalities() {
        CurrentUser staff = meetingFixtures.user("tver.coko");
        LocalDate today = LocalDate.now(TVER);
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(Fixtures.unique("Совещание о приказах"));
        form.setDate(today);
        MeetingView draft = meetings.createWithContent(staff, form, List.of(), List.of(
                decision("1", "Издать приказ об объективности ВПР.", DeadlineKind.BY_DATE, today.plusDays(20)),
                decision("2", "Назначить муниципальных координаторов.", DeadlineKind.BY_DATE, today.plusDays(30))));
        return meetings.sign(staff, draft.id(), null);
    }

    private static DecisionForm decision(String number, String text, DeadlineKind kind, LocalDate due) {
        DecisionForm form = new DecisionForm();
        form.setNumber(number);
        form.setText(text);
        form.setResponsibleText("руководители МОУО");
        form.setDeadlineText(kind == DeadlineKind.ONGOING ? "постоянно" : "до " + Formats.DATE.format(due));
        form.setDeadlineKind(kind);
        form.setDueDate(due);
        return form;
    }
}

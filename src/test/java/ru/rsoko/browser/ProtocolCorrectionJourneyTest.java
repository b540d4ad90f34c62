package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;
import static ru.rsoko.browser.Browser.navLink;

/**
 * The regional centre imports a protocol whose deadline the system read wrong and corrects it before creating the
 * meeting; the administrator finds the correction among their pages, opens it beside what the system had read.
 */
@IntegrationTest
class ProtocolCorrectionJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aCorrectedDeadlineIsKeptAndTheAdministratorSeesIt() {
        String title = Fixtures.unique("Совещание по итогам ВПР");
        String protocol = """
                ПРОТОКОЛ

                Совещания

                «%s»

                24 ноября 2022 года

                ПОВЕСТКА:

                1. О результатах всероссийских проверочных работ.

                Докладчик – Иванова Ирина Петровна, начальник отдела оценки качества образования.

                РЕШИЛИ:

                1. Довести результаты ВПР до сведения общеобразовательных организаций.

                Ответственные – руководители МОУО.

                Срок – до 15 декабря 2022 года.
                """.formatted(title);
        browser.loginAs("tver.coko");
        browser.clickAndLoad(navLink("Совещания"));
        browser.clickAndLoad(button("Загрузить протокол"));
        browser.paste(By.id("text"), protocol);
        browser.clickAndLoad(button("Разобрать протокол"));
        assertThat(browser.value(By.name("decisions[0].dueDate"))).isEqualTo("15.12.2022");

        // the protocol was signed with a later deadline than its draft said: the person corrects it
        browser.fill(By.name("decisions[0].deadlineText"), "до 20 декабря 2022 года");
        browser.setDate(By.name("decisions[0].dueDate"), LocalDate.of(2022, 12, 20));
        browser.clickAndLoad(By.id("create-meeting"));
        assertThat(browser.text(MeetingPages.TITLE)).isEqualTo(title);
        browser.logout();

        browser.loginAs("tver.admin");
        browser.clickAndLoad(By.id("nav-protocol-corrections"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Исправления протоколов");
        List<String> rows = browser.rows(By.id("protocol-corrections"));
        String row = rows.stream().filter(r -> r.contains(title)).findFirst().orElseThrow();
        assertThat(row).contains("срок", "Открыть");

        browser.clickAndLoad(By.xpath("//table[@id='protocol-corrections']//tr[contains(., '" + title + "')]//a[normalize-space(.)='Открыть']"));
        assertThat(browser.text(By.tagName("h1"))).startsWith("Исправление протокола от ");
        List<String> corrected = browser.all(By.cssSelector("#correction-facts tr.fact-corrected")).stream()
                .map(e -> e.getText().strip()).toList();
        assertThat(corrected).hasSize(1);
        assertThat(corrected.getFirst()).contains("Решение 1: срок", "К сроку, до 15.12.2022", "К сроку, до 20.12.2022");
        assertThat(browser.text(By.id("correction-text"))).contains(title, "Срок – до 15 декабря 2022 года.");
    }
}
